package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;

import java.util.List;

/** {@code map_filter(map, (k, v) -> ...)} (Spark's {@code MapFilter}): the entries for which the lambda is true. */
final class MapFilter extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    MapFilter(Expression map, LambdaFunction f) {
        super("map_filter", List.of(map), List.of(f));
    }

    @Override
    HigherOrderFunction copy(List<Expression> args, List<LambdaFunction> fs) {
        return new MapFilter(args.get(0), fs.get(0));
    }

    @Override
    List<Variable> variables(int i, int declared) {
        return keyAndValue(0);
    }

    @Override
    DataType bodyType(int i) {
        return DataTypes.BooleanType;
    }

    @Override
    DataType resultType() {
        return argument(0).dataType();
    }

    @Override
    public boolean nullable() {
        return argument(0).nullable();
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        MapType mt = map(0);
        CodeValue m = ctx.gen(argument(0));
        CodeValue out = ctx.declare(dataType());
        ctx.open("if (!" + m.isNull() + ")");
        MapParts p = mapParts(ctx, m);
        String keep = ctx.fresh("keep");
        String kept = ctx.fresh("kept");
        ctx.line("boolean[] " + keep + " = new boolean[" + p.count() + "]; int " + kept + " = 0;");
        String i = ctx.fresh("i");
        ctx.open("for (int " + i + " = 0; " + i + " < " + p.count() + "; " + i + "++)");
        CodeValue k = element(ctx, mt.keyType(), p.buf(), p.keys(), i);
        CodeValue v = element(ctx, mt.valueType(), p.buf(), p.values(), i);
        CodeValue r = apply(ctx, function(0), k, v);
        ctx.line("if (" + isTrue(r) + ") { " + keep + "[" + i + "] = true; " + kept + "++; }");
        ctx.close();
        String o = CollectionCode.out(ctx);
        copyKept(ctx, o, p, keep, kept, i, mt.keyType(), true);
        copyKept(ctx, o, p, keep, kept, i, mt.valueType(), false);
        setCollection(ctx, out, o, o + ".finishMap()");
        ctx.close();
        return out;
    }

    /** Writes the kept keys (or values) of the map into the output's keys (or values) array. */
    private static void copyKept(CodegenContext ctx, String o, MapParts p, String keep, String kept, String i, DataType t,
            boolean keys) {
        String w = ctx.fresh("w");
        String j = ctx.fresh("j");
        ctx.line("io.tideway.offheap.row.ArrayWriter " + w + " = " + o + (keys ? ".keys(" : ".values(") + kept + "); int " + j
                + " = 0;");
        ctx.open("for (int " + i + " = 0; " + i + " < " + p.count() + "; " + i + "++)");
        ctx.open("if (" + keep + "[" + i + "])");
        CollectionCode.put(ctx, w, j + "++", element(ctx, t, p.buf(), keys ? p.keys() : p.values(), i));
        ctx.close();
        ctx.close();
    }
}

package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;

import java.util.List;

/**
 * {@code transform_keys(map, (k, v) -> ...)} and {@code transform_values(map, (k, v) -> ...)}
 * (Spark's {@code TransformKeys}, {@code TransformValues}): each entry with its key (or value)
 * replaced by the lambda's value. New keys are checked as Spark's map builder does: a null key is
 * {@code NULL_MAP_KEY}, a repeated one {@code DUPLICATED_MAP_KEY}.
 */
final class MapTransform extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;
    private final boolean keys;

    MapTransform(Expression map, LambdaFunction f, boolean keys) {
        super(keys ? "transform_keys" : "transform_values", List.of(map), List.of(f));
        this.keys = keys;
    }

    @Override
    HigherOrderFunction copy(List<Expression> args, List<LambdaFunction> fs) {
        return new MapTransform(args.get(0), fs.get(0), keys);
    }

    @Override
    List<Variable> variables(int i, int declared) {
        return keyAndValue(0);
    }

    @Override
    DataType resultType() {
        MapType mt = map(0);
        return keys ? DataTypes.createMapType(function(0).dataType(), mt.valueType(), mt.valueContainsNull())
                : DataTypes.createMapType(mt.keyType(), function(0).dataType(), function(0).nullable());
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
        String o = CollectionCode.out(ctx);
        String i = ctx.fresh("i");
        String kw = ctx.fresh("w");
        ctx.line("io.tideway.offheap.row.ArrayWriter " + kw + " = " + o + ".keys(" + p.count() + ");");
        ctx.open("for (int " + i + " = 0; " + i + " < " + p.count() + "; " + i + "++)");
        CodeValue k = element(ctx, mt.keyType(), p.buf(), p.keys(), i);
        if (keys) {
            CodeValue v = element(ctx, mt.valueType(), p.buf(), p.values(), i);
            CollectionCode.put(ctx, kw, i, apply(ctx, function(0), k, v));
        } else {
            CollectionCode.put(ctx, kw, i, k);
        }
        ctx.close();
        String vw = ctx.fresh("w");
        ctx.line("io.tideway.offheap.row.ArrayWriter " + vw + " = " + o + ".values(" + p.count() + ");");
        ctx.open("for (int " + i + " = 0; " + i + " < " + p.count() + "; " + i + "++)");
        CodeValue v = element(ctx, mt.valueType(), p.buf(), p.values(), i);
        if (keys) {
            CollectionCode.put(ctx, vw, i, v);
        } else {
            CodeValue k2 = element(ctx, mt.keyType(), p.buf(), p.keys(), i);
            CollectionCode.put(ctx, vw, i, apply(ctx, function(0), k2, v));
        }
        ctx.close();
        String length = keys ? CollectionCode.MK + "checked(" + o + ", " + o + ".finishMap(), "
                + CollectionCode.type(ctx, function(0).dataType()) + ")" : o + ".finishMap()";
        setCollection(ctx, out, o, length);
        ctx.close();
        return out;
    }
}

package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;

import java.util.List;
import java.util.Map;

/**
 * {@code map_zip_with(m1, m2, (k, v1, v2) -> ...)} (Spark's {@code MapZipWith}): one entry per key
 * of either map (the first map's keys in order, then the second's new ones), its value the
 * lambda over the key and both maps' values (null where a map lacks the key).
 */
final class MapZipWith extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    MapZipWith(Expression left, Expression right, LambdaFunction f) {
        super("map_zip_with", List.of(left, right), List.of(f));
    }

    @Override
    HigherOrderFunction copy(List<Expression> args, List<LambdaFunction> fs) {
        return new MapZipWith(args.get(0), args.get(1), fs.get(0));
    }

    @Override
    List<Variable> variables(int i, int declared) {
        MapType l = map(0);
        MapType r = map(1);
        if (!l.keyType().equals(r.keyType())) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES", Map.of(
                    "sqlExpr", ErrorParams.expr(sql()), "functionName", ErrorParams.id(name),
                    "leftType", ErrorParams.type(l.keyType()), "rightType", ErrorParams.type(r.keyType())), sqlOrigin()));
        }
        return List.of(new Variable(l.keyType(), false), new Variable(l.valueType(), true), new Variable(r.valueType(), true));
    }

    @Override
    DataType resultType() {
        return DataTypes.createMapType(map(0).keyType(), function(0).dataType(), function(0).nullable());
    }

    @Override
    public boolean nullable() {
        return argument(0).nullable() || argument(1).nullable();
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        MapType lt = map(0);
        MapType rt = map(1);
        DataType keyType = lt.keyType();
        String type = CollectionCode.type(ctx, keyType);
        CodeValue out = ctx.declare(dataType());
        CodeValue l = ctx.gen(argument(0));
        ctx.open("if (!" + l.isNull() + ")");
        CodeValue r = ctx.gen(argument(1));
        ctx.open("if (!" + r.isNull() + ")");
        MapParts lp = mapParts(ctx, l);
        MapParts rp = mapParts(ctx, r);
        String i = ctx.fresh("i");
        String extra = ctx.fresh("extra");
        String ne = ctx.fresh("ne");
        ctx.line("int[] " + extra + " = new int[" + rp.count() + "]; int " + ne + " = 0;");
        ctx.open("for (int " + i + " = 0; " + i + " < " + rp.count() + "; " + i + "++)");
        CodeValue rk = element(ctx, keyType, rp.buf(), rp.keys(), i);
        ctx.line("if (" + find(l, lp, rk, type) + " < 0) { " + extra + "[" + ne + "++] = " + i + "; }");
        ctx.close();
        String n = ctx.fresh("n");
        ctx.line("int " + n + " = " + lp.count() + " + " + ne + ";");
        String o = CollectionCode.out(ctx);
        String kw = ctx.fresh("w");
        ctx.line("io.tideway.offheap.row.ArrayWriter " + kw + " = " + o + ".keys(" + n + ");");
        ctx.open("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++)");
        CollectionCode.put(ctx, kw, i, key(ctx, keyType, lp, rp, extra, i));
        ctx.close();
        String vw = ctx.fresh("w");
        ctx.line("io.tideway.offheap.row.ArrayWriter " + vw + " = " + o + ".values(" + n + ");");
        ctx.open("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++)");
        CodeValue k = key(ctx, keyType, lp, rp, extra, i);
        CodeValue v1 = ctx.declare(lt.valueType());
        String at = ctx.fresh("at");
        ctx.line("int " + at + " = " + i + " < " + lp.count() + " ? " + i + " : -1;");
        ctx.open("if (" + at + " >= 0)");
        ctx.assign(v1, element(ctx, lt.valueType(), lp.buf(), lp.values(), at));
        ctx.close();
        CodeValue v2 = ctx.declare(rt.valueType());
        ctx.line(at + " = " + i + " < " + lp.count() + " ? " + find(r, rp, k, type) + " : " + extra + "[" + i + " - "
                + lp.count() + "];");
        ctx.open("if (" + at + " >= 0)");
        ctx.assign(v2, element(ctx, rt.valueType(), rp.buf(), rp.values(), at));
        ctx.close();
        CollectionCode.put(ctx, vw, i, apply(ctx, function(0), k, v1, v2));
        ctx.close();
        setCollection(ctx, out, o, o + ".finishMap()");
        ctx.close();
        ctx.close();
        return out;
    }

    /** The key at union index {@code i}: the first map's, then the second's new ones. */
    private static CodeValue key(CodegenContext ctx, DataType keyType, MapParts lp, MapParts rp, String extra, String i) {
        CodeValue k = ctx.declare(keyType);
        ctx.open("if (" + i + " < " + lp.count() + ")");
        ctx.assign(k, element(ctx, keyType, lp.buf(), lp.keys(), i));
        ctx.orElse();
        ctx.assign(k, element(ctx, keyType, rp.buf(), rp.keys(), extra + "[" + i + " - " + lp.count() + "]"));
        ctx.close();
        return k;
    }

    /** The index of {@code key} among the keys of {@code map}, or -1. */
    private static String find(CodeValue map, MapParts p, CodeValue key, String type) {
        return CollectionCode.MK + "find(" + map.value() + ", " + map.offset() + ", " + map.length() + ", " + type + ", "
                + CollectionCode.value(key) + ")";
    }
}

package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/**
 * {@code zip_with(left, right, (x, y) -> ...)} (Spark's {@code ZipWith}): the lambda over the
 * elements at each index, the shorter array padded with nulls; null if either array is null.
 */
final class ZipWith extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    ZipWith(Expression left, Expression right, LambdaFunction f) {
        super("zip_with", List.of(left, right), List.of(f));
    }

    @Override
    HigherOrderFunction copy(List<Expression> args, List<LambdaFunction> fs) {
        return new ZipWith(args.get(0), args.get(1), fs.get(0));
    }

    @Override
    List<Variable> variables(int i, int declared) {
        return List.of(new Variable(array(0).elementType(), true), new Variable(array(1).elementType(), true));
    }

    @Override
    DataType resultType() {
        return DataTypes.createArrayType(function(0).dataType(), function(0).nullable());
    }

    @Override
    public boolean nullable() {
        return argument(0).nullable() || argument(1).nullable();
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue out = ctx.declare(dataType());
        CodeValue l = ctx.gen(argument(0));
        ctx.open("if (!" + l.isNull() + ")");
        CodeValue r = ctx.gen(argument(1));
        ctx.open("if (!" + r.isNull() + ")");
        String nl = count(ctx, l);
        String nr = count(ctx, r);
        String n = ctx.fresh("n");
        ctx.line("int " + n + " = Math.max(" + nl + ", " + nr + ");");
        String o = CollectionCode.out(ctx);
        String w = ctx.fresh("w");
        ctx.line("io.tideway.offheap.row.ArrayWriter " + w + " = " + o + ".array(" + n + ");");
        String i = ctx.fresh("i");
        ctx.open("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++)");
        CodeValue x = ctx.declare(array(0).elementType());
        ctx.open("if (" + i + " < " + nl + ")");
        ctx.assign(x, element(ctx, array(0).elementType(), l.value(), l.offset(), i));
        ctx.close();
        CodeValue y = ctx.declare(array(1).elementType());
        ctx.open("if (" + i + " < " + nr + ")");
        ctx.assign(y, element(ctx, array(1).elementType(), r.value(), r.offset(), i));
        ctx.close();
        CollectionCode.put(ctx, w, i, apply(ctx, function(0), x, y));
        ctx.close();
        setCollection(ctx, out, o, w + ".finish()");
        ctx.close();
        ctx.close();
        return out;
    }
}

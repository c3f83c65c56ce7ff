package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/** {@code transform(array, x -> ...)} and {@code (x, i) -> ...}: the lambda's value for each element (Spark's {@code ArrayTransform}). */
final class ArrayTransform extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    ArrayTransform(Expression array, LambdaFunction f) {
        super("transform", List.of(array), List.of(f));
    }

    @Override
    HigherOrderFunction copy(List<Expression> args, List<LambdaFunction> fs) {
        return new ArrayTransform(args.get(0), fs.get(0));
    }

    @Override
    List<Variable> variables(int i, int declared) {
        return elementAndIndex(0, declared);
    }

    @Override
    DataType resultType() {
        return DataTypes.createArrayType(function(0).dataType(), function(0).nullable());
    }

    @Override
    public boolean nullable() {
        return argument(0).nullable();
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue a = ctx.gen(argument(0));
        CodeValue out = ctx.declare(dataType());
        ctx.open("if (!" + a.isNull() + ")");
        String n = count(ctx, a);
        String o = CollectionCode.out(ctx);
        String w = ctx.fresh("w");
        ctx.line("io.tideway.offheap.row.ArrayWriter " + w + " = " + o + ".array(" + n + ");");
        String i = ctx.fresh("i");
        ctx.open("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++)");
        CodeValue x = element(ctx, array(0).elementType(), a.value(), a.offset(), i);
        CodeValue r = function(0).variables().size() == 2 ? apply(ctx, function(0), x, index(ctx, i)) : apply(ctx, function(0), x);
        CollectionCode.put(ctx, w, i, r);
        ctx.close();
        setCollection(ctx, out, o, w + ".finish()");
        ctx.close();
        return out;
    }
}

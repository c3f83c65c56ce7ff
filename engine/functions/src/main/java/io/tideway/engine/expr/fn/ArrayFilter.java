package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/**
 * {@code filter(array, x -> ...)} and {@code (x, i) -> ...}: the elements for which the lambda is
 * true (Spark's {@code ArrayFilter}); the lambda runs once per element, its verdicts kept until
 * the result's size is known.
 */
final class ArrayFilter extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    ArrayFilter(Expression array, LambdaFunction f) {
        super("filter", List.of(array), List.of(f));
    }

    @Override
    HigherOrderFunction copy(List<Expression> args, List<LambdaFunction> fs) {
        return new ArrayFilter(args.get(0), fs.get(0));
    }

    @Override
    List<Variable> variables(int i, int declared) {
        return elementAndIndex(0, declared);
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
        CodeValue a = ctx.gen(argument(0));
        CodeValue out = ctx.declare(dataType());
        ctx.open("if (!" + a.isNull() + ")");
        String n = count(ctx, a);
        String keep = ctx.fresh("keep");
        String kept = ctx.fresh("kept");
        ctx.line("boolean[] " + keep + " = new boolean[" + n + "]; int " + kept + " = 0;");
        String i = ctx.fresh("i");
        DataType element = array(0).elementType();
        ctx.open("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++)");
        CodeValue x = element(ctx, element, a.value(), a.offset(), i);
        CodeValue r = function(0).variables().size() == 2 ? apply(ctx, function(0), x, index(ctx, i)) : apply(ctx, function(0), x);
        ctx.line("if (" + isTrue(r) + ") { " + keep + "[" + i + "] = true; " + kept + "++; }");
        ctx.close();
        String o = CollectionCode.out(ctx);
        String w = ctx.fresh("w");
        String j = ctx.fresh("j");
        ctx.line("io.tideway.offheap.row.ArrayWriter " + w + " = " + o + ".array(" + kept + "); int " + j + " = 0;");
        ctx.open("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++)");
        ctx.open("if (" + keep + "[" + i + "])");
        CodeValue e = element(ctx, element, a.value(), a.offset(), i);
        CollectionCode.put(ctx, w, j + "++", e);
        ctx.close();
        ctx.close();
        setCollection(ctx, out, o, w + ".finish()");
        ctx.close();
        return out;
    }
}

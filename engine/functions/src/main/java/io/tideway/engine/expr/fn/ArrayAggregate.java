package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;

import java.util.List;

/**
 * {@code aggregate(array, zero, (acc, x) -> ..., acc -> ...)} and its alias {@code reduce}
 * (Spark's {@code ArrayAggregate}): folds the elements into the accumulator, which starts at
 * {@code zero} and keeps its type, then applies the finishing lambda (the identity by default).
 * A null array gives null.
 */
final class ArrayAggregate extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    ArrayAggregate(String name, Expression array, Expression zero, LambdaFunction merge, LambdaFunction finish) {
        super(name, List.of(array, zero), List.of(merge, finish));
    }

    @Override
    HigherOrderFunction copy(List<Expression> args, List<LambdaFunction> fs) {
        return new ArrayAggregate(name, args.get(0), args.get(1), fs.get(0), fs.get(1));
    }

    @Override
    List<Variable> variables(int i, int declared) {
        ArrayType at = array(0);
        Variable acc = new Variable(argument(1).dataType(), true);
        return i == 0 ? List.of(acc, new Variable(at.elementType(), at.containsNull()))
                : List.of(new Variable(argument(1).dataType(), true));
    }

    @Override
    DataType resultType() {
        DataType zero = argument(1).dataType();
        if (!ErrorParams.sql(zero).equals(ErrorParams.sql(function(0).dataType()))) { // Spark ignores nullability here
            throw mismatch("UNEXPECTED_INPUT_TYPE", 2, ErrorParams.type(zero), function(0));
        }
        return function(1).dataType();
    }

    @Override
    public boolean nullable() {
        return argument(0).nullable() || function(1).nullable();
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue a = ctx.gen(argument(0));
        CodeValue out = ctx.declare(dataType());
        ctx.open("if (!" + a.isNull() + ")");
        CodeValue acc = ctx.declare(argument(1).dataType());
        CodeValue zero = ctx.gen(argument(1));
        String keep = acc.kind() == CodeValue.Kind.BYTES
                ? ctx.constant(new LambdaKernels.Accumulator(), LambdaKernels.Accumulator.class.getName().replace('$', '.')) : null;
        assignKept(ctx, acc, zero, keep);
        String n = count(ctx, a);
        String i = ctx.fresh("i");
        ctx.open("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++)");
        CodeValue x = element(ctx, array(0).elementType(), a.value(), a.offset(), i);
        CodeValue merged = apply(ctx, function(0), acc, x);
        assignKept(ctx, acc, merged, keep);
        ctx.close();
        CodeValue result = apply(ctx, function(1), acc);
        ctx.assign(out, result);
        ctx.close();
        return out;
    }

    /** {@code acc = v}, the bytes of a byte value copied where the next merge cannot overwrite them. */
    private static void assignKept(CodegenContext ctx, CodeValue acc, CodeValue v, String keep) {
        ctx.assign(acc, v);
        if (keep != null) {
            ctx.line("if (!" + acc.isNull() + ") { " + acc.value() + " = " + keep + ".keep(" + acc.value() + ", "
                    + acc.offset() + ", " + acc.length() + "); " + acc.offset() + " = 0; }");
        }
    }
}

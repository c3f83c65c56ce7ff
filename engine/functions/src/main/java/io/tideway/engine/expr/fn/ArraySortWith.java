package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;

/**
 * {@code array_sort(array, (l, r) -> ...)} (Spark's {@code ArraySort} with a comparator): the
 * elements ordered by the comparator's sign, stably (Spark sorts with a stable merge sort); a
 * comparator giving null fails with Spark's {@code COMPARATOR_RETURNS_NULL}. An insertion sort of
 * the element indexes, the comparator's code inlined at its one call site.
 */
final class ArraySortWith extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    ArraySortWith(Expression array, LambdaFunction comparator) {
        super("array_sort", List.of(array), List.of(comparator));
    }

    @Override
    HigherOrderFunction copy(List<Expression> args, List<LambdaFunction> fs) {
        return new ArraySortWith(args.get(0), fs.get(0));
    }

    @Override
    List<Variable> variables(int i, int declared) {
        ArrayType at = array(0);
        Variable v = new Variable(at.elementType(), at.containsNull());
        return List.of(v, v);
    }

    @Override
    DataType bodyType(int i) {
        return DataTypes.IntegerType;
    }

    /** Spark checks the comparator's type itself ({@code ArraySort.checkInputDataTypes}). */
    @Override
    RuntimeException bodyMismatch(int i, DataType want) {
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE", Map.of(
                "sqlExpr", ErrorParams.expr(sql()), "functionName", ErrorParams.id("lambdafunction"),
                "expectedType", ErrorParams.type(want), "actualType", ErrorParams.type(function(i).dataType())), sqlOrigin()));
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
        String order = ctx.fresh("order");
        ctx.line("int[] " + order + " = new int[" + n + "];");
        String i = ctx.fresh("i");
        String j = ctx.fresh("j");
        DataType element = array(0).elementType();
        ctx.line("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++) { " + order + "[" + i + "] = " + i + "; }");
        ctx.open("for (int " + i + " = 1; " + i + " < " + n + "; " + i + "++)");
        ctx.open("for (int " + j + " = " + i + "; " + j + " > 0; " + j + "--)");
        CodeValue left = element(ctx, element, a.value(), a.offset(), order + "[" + j + " - 1]");
        CodeValue right = element(ctx, element, a.value(), a.offset(), order + "[" + j + "]");
        CodeValue c = apply(ctx, function(0), left, right);
        ctx.line("if (" + c.isNull() + ") { throw " + LK + "comparatorReturnedNull(" + CodegenContext.args(a) + ", " + order + "["
                + j + " - 1], " + order + "[" + j + "], " + CollectionCode.type(ctx, element) + "); }");
        ctx.line("if (" + c.value() + " <= 0L) { break; }");
        ctx.line("int t = " + order + "[" + j + "]; " + order + "[" + j + "] = " + order + "[" + j + " - 1]; " + order + "["
                + j + " - 1] = t;");
        ctx.close();
        ctx.close();
        String o = CollectionCode.out(ctx);
        String w = ctx.fresh("w");
        ctx.line("io.tideway.offheap.row.ArrayWriter " + w + " = " + o + ".array(" + n + ");");
        ctx.open("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++)");
        CollectionCode.put(ctx, w, i, element(ctx, element, a.value(), a.offset(), order + "[" + i + "]"));
        ctx.close();
        setCollection(ctx, out, o, w + ".finish()");
        ctx.close();
        return out;
    }
}

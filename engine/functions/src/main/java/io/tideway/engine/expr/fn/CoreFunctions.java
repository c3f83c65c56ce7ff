package io.tideway.engine.expr.fn;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Average;
import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.Count;
import io.tideway.engine.expr.CurrentTimestamp;
import io.tideway.engine.expr.Explode;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.MinMax;
import io.tideway.engine.expr.Sum;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.sql.AnalysisException;

/**
 * The functions whose expressions predate the registry's specs (aggregates, generators,
 * {@code split}, {@code mod}, {@code current_timestamp}): registered with hand-written builders.
 */
final class CoreFunctions {
    private CoreFunctions() {
    }

    static void register() {
        FunctionRegistry.add("explode", 1, 1, (name, a) -> new Explode(a.get(0)));
        FunctionRegistry.add("explode_outer", 1, 1, (name, a) -> new Explode(a.get(0), true));
        FunctionRegistry.add("posexplode", 1, 1, (name, a) -> new Explode(a.get(0), false, true));
        FunctionRegistry.add("posexplode_outer", 1, 1, (name, a) -> new Explode(a.get(0), true, true));
        FunctionRegistry.add("inline", 1, 1, (name, a) -> new io.tideway.engine.expr.Inline(a.get(0), false));
        FunctionRegistry.add("inline_outer", 1, 1, (name, a) -> new io.tideway.engine.expr.Inline(a.get(0), true));
        FunctionRegistry.add("json_tuple", 0, -1, (name, a) -> {
            if (a.size() < 2) {
                throw FunctionRegistry.wrongArgCountUnpositioned(name, "> 1", a.size());
            }
            return new io.tideway.engine.expr.JsonTuple(a);
        });
        FunctionRegistry.add("stack", 0, -1, (name, a) -> {
            if (a.size() <= 1) {
                throw FunctionRegistry.wrongArgCountUnpositioned(name, "> 1", a.size());
            }
            return new io.tideway.engine.expr.Stack(a);
        });
        FunctionRegistry.add("count", 1, 1, (name, a) -> new Count(isStar(a.get(0)) ? Literal.of(1) : a.get(0)));
        FunctionRegistry.add("sum", 1, 1, (name, a) -> new Sum(a.get(0)));
        FunctionRegistry.add("avg", 1, 1, (name, a) -> new Average(a.get(0)));
        FunctionRegistry.add("mean", 1, 1, (name, a) -> new Average(a.get(0)));
        FunctionRegistry.add("min", 1, 1, (name, a) -> new MinMax(a.get(0), false));
        FunctionRegistry.add("max", 1, 1, (name, a) -> new MinMax(a.get(0), true));
        // Spark names the function's column mod(i, 2), the operator's (i % 2)
        FunctionRegistry.add("mod", 2, 2, (name, a) ->
                new BinaryArithmetic(BinaryArithmetic.Op.REMAINDER, a.get(0), a.get(1)).asFunction("mod"));
        FunctionRegistry.add("current_timestamp", 0, 0, (name, a) -> new CurrentTimestamp());
    }

    private static boolean isStar(Expression e) {
        return e instanceof UnresolvedAttribute u && u.isStar();
    }

    private static String stringLiteral(String fn, String what, Expression e) {
        if (e instanceof Literal l && l.value() instanceof String s) {
            return s;
        }
        throw Unchecked.raise(new AnalysisException("The `" + fn + "` " + what + " must be a string literal, not " + e.sql()));
    }

    private static int intLiteral(String fn, Expression e) {
        if (e instanceof Literal l && l.value() instanceof Integer i) {
            return i;
        }
        throw Unchecked.raise(new AnalysisException("The `" + fn + "` limit must be an integer literal, not " + e.sql()));
    }
}

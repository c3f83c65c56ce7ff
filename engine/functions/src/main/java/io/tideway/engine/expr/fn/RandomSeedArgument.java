package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;

import java.util.Map;

/**
 * The seed of {@code shuffle} and {@code uuid}, which Spark keeps out of the expression's
 * arguments ({@code ExpressionWithRandomSeed}): written as an INT or BIGINT literal, or NULL or
 * left out for a random one. Tideway keeps it as a hidden literal argument; each task seeds its
 * generator with it plus the task's partition index, as Spark's {@code initializeInternal}.
 */
final class RandomSeedArgument {
    private RandomSeedArgument() {
    }

    /**
     * The hidden argument for what the user wrote ({@code null} when nothing): a BIGINT literal, or
     * NULL; anything but an integer literal or NULL fails as Spark's {@code expressionToSeed}.
     */
    static Literal of(Expression written, String function) {
        if (written == null) {
            return Literal.of(null);
        }
        if (written instanceof Literal l && (l.value() == null || l.value() instanceof Integer || l.value() instanceof Long)) {
            return Literal.of(l.value() == null ? null : ((Number) l.value()).longValue());
        }
        throw Unchecked.raise(new AnalysisException("INVALID_PARAMETER_VALUE.LONG", Map.of("parameter", "`seed`",
                "functionName", ErrorParams.id(function), "invalidValue", ErrorParams.expr(written.sql())), CurrentOrigin.get()));
    }

    /**
     * The generator of one call site in the task being generated: seeded with the hidden seed, or
     * a random one when it is NULL or the query is a stream (Spark's SPARK-25010), plus the
     * task's partition index.
     */
    static MersenneTwister generator(CodegenContext ctx, Expression hidden) {
        Object seed = ((Literal) hidden).value();
        long s = seed == null || ctx.evalContext().randomSeeds() ? new java.util.Random().nextLong() : (Long) seed;
        return new MersenneTwister(s + ctx.evalContext().partitionIndex());
    }
}

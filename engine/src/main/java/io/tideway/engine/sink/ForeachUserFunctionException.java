package io.tideway.engine.sink;

import io.tideway.SparkException;

import java.util.Map;

/**
 * An exception thrown by user code in a foreach or foreachBatch sink, wrapped as Spark 4.0 wraps
 * it ({@code ForeachBatchUserFuncException}, {@code ForeachUserFuncException}): condition
 * {@code FOREACH_BATCH_USER_FUNCTION_ERROR} or {@code FOREACH_USER_FUNCTION_ERROR}, the user's
 * message as the reason. The query's failure shows this message but has the user's exception as
 * its cause, as Spark unwraps it there. Immutable.
 */
public final class ForeachUserFunctionException extends SparkException {
    private static final long serialVersionUID = 1L;

    private ForeachUserFunctionException(String condition, Throwable cause) {
        super(condition, Map.of("reason", cause.getMessage() == null ? "" : cause.getMessage()), cause);
    }

    /** What the {@code foreachBatch} function threw. */
    static ForeachUserFunctionException ofBatchFunction(Throwable cause) {
        return new ForeachUserFunctionException("FOREACH_BATCH_USER_FUNCTION_ERROR", cause);
    }

    /** What a {@code ForeachWriter}'s {@code process} threw. */
    static ForeachUserFunctionException ofWriter(Throwable cause) {
        return new ForeachUserFunctionException("FOREACH_USER_FUNCTION_ERROR", cause);
    }
}

package io.tideway;

import io.tideway.engine.error.ErrorConditions;

import java.util.HashMap;
import java.util.Map;

/**
 * An error with a stable error condition, mirroring Spark's {@code org.apache.spark.SparkThrowable}:
 * the condition (such as {@code UNRESOLVED_COLUMN.WITH_SUGGESTION}), its SQLSTATE and the
 * parameters its message was built from, so a program can branch on the error rather than parse
 * its text. Implementations are immutable.
 */
public interface SparkThrowable {

    /** The error condition, {@code MAIN} or {@code MAIN.SUB}; null for an error without one. */
    String getCondition();

    /** @deprecated Spark 4 renamed error classes to conditions: use {@link #getCondition()}. */
    @Deprecated
    default String getErrorClass() {
        return getCondition();
    }

    /** The condition's five-character SQLSTATE, or null if it has none. */
    default String getSqlState() {
        return ErrorConditions.sqlState(getCondition());
    }

    /** Whether this is a bug in the engine rather than in the query: an {@code INTERNAL_ERROR*} condition. */
    default boolean isInternalError() {
        String condition = getCondition();
        return condition != null && condition.startsWith("INTERNAL_ERROR");
    }

    /** The values that filled the condition's message template, by parameter name. */
    default Map<String, String> getMessageParameters() {
        return new HashMap<>();
    }

    /** Where in the query the error arose; Tideway reports none, an empty array. */
    default QueryContext[] getQueryContext() {
        return new QueryContext[0];
    }
}

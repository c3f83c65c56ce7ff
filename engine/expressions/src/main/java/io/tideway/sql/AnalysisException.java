package io.tideway.sql;

import io.tideway.QueryContext;
import io.tideway.SparkThrowable;
import io.tideway.engine.error.ErrorConditions;
import io.tideway.engine.expr.Origin;

import java.util.Map;

/**
 * A query that cannot run as written: unresolved columns, type mismatches, operations that
 * streaming does not support. Thrown when the query is built or at {@code start()}, mirroring
 * {@code org.apache.spark.sql.AnalysisException}: built from an error condition and its message
 * parameters, its message is Spark's ({@code [CONDITION] text SQLSTATE: xxxxx}).
 *
 * <p>Spark's extends {@link Exception}, a checked exception that its Scala code throws without
 * declaring; Tideway throws every one through {@link io.tideway.engine.error.Unchecked#raise}, so
 * a Java program catches it exactly as it must on Spark ({@code catch (Exception e)} and a test of
 * its type).
 *
 * <p>An error raised for an expression written in SQL text carries that expression's
 * {@link Origin}, and its message ends with {@code ; line L pos P} as Spark's
 * {@code getSimpleMessage} prints it. Immutable.
 */
public class AnalysisException extends Exception implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;
    /** Where in SQL text the failing expression was written, or null. */
    private final Origin origin;

    /** Spark's {@code AnalysisException(errorClass, messageParameters)}: the message comes from the condition. */
    public AnalysisException(String condition, Map<String, String> messageParameters) {
        this(condition, messageParameters, (Throwable) null);
    }

    /** As {@link #AnalysisException(String, Map)}, with the error that led to this one. */
    public AnalysisException(String condition, Map<String, String> messageParameters, Throwable cause) {
        this(ErrorConditions.message(condition, messageParameters), cause, condition, messageParameters);
    }

    /**
     * Spark's {@code AnalysisException(errorClass, messageParameters, origin)}: raised for an
     * expression written at {@code origin} (null for one built through the Column API).
     */
    public AnalysisException(String condition, Map<String, String> messageParameters, Origin origin) {
        this(withPosition(ErrorConditions.message(condition, messageParameters), origin), null, condition,
                messageParameters, origin);
    }

    /**
     * Tideway's own message, for limits of Tideway that Spark has no condition for:
     * {@link #getCondition()} is null.
     */
    public AnalysisException(String message) {
        this(message, null, null, Map.of());
    }

    /** For subclasses that lay out the message themselves, as Spark's protected primary constructor. */
    protected AnalysisException(String message, Throwable cause, String condition, Map<String, String> messageParameters) {
        this(message, cause, condition, messageParameters, null);
    }

    /** As the constructor above, for a message that already ends with {@code origin}'s position. */
    protected AnalysisException(String message, Throwable cause, String condition, Map<String, String> messageParameters,
            Origin origin) {
        super(message, cause);
        this.condition = condition;
        this.messageParameters = ErrorConditions.copyOf(messageParameters);
        this.origin = origin;
    }

    /** Spark's position suffix: {@code message; line L pos P}, or the message alone without an origin. */
    private static String withPosition(String message, Origin origin) {
        return origin == null ? message : message + "; line " + origin.line() + " pos " + origin.startPosition();
    }

    /** Where in SQL text the failing expression was written, or null (Spark's {@code line} and {@code startPosition}). */
    public Origin origin() {
        return origin;
    }

    /** The message without the plan a subclass may append, as Spark's {@code getSimpleMessage}. */
    public String getSimpleMessage() {
        return getMessage();
    }

    @Override
    public String getCondition() {
        return condition;
    }

    @Override
    public Map<String, String> getMessageParameters() {
        return messageParameters;
    }

    @Override
    public QueryContext[] getQueryContext() {
        return new QueryContext[0];
    }
}

package io.tideway;

import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * An index out of an array's bounds under ANSI rules (elt, element_at), mirroring Spark's
 * {@code org.apache.spark.SparkArrayIndexOutOfBoundsException}: an
 * {@link ArrayIndexOutOfBoundsException} that carries an error condition, its parameters and its
 * SQLSTATE. Immutable.
 */
public class SparkArrayIndexOutOfBoundsException extends ArrayIndexOutOfBoundsException implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;

    public SparkArrayIndexOutOfBoundsException(String condition, Map<String, String> messageParameters) {
        super(ErrorConditions.message(condition, messageParameters, ""));
        this.condition = condition;
        this.messageParameters = ErrorConditions.copyOf(messageParameters);
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

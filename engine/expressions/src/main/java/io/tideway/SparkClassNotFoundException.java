package io.tideway;

import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * A class, or a data source named by a format, that cannot be found, mirroring Spark's
 * {@code org.apache.spark.SparkClassNotFoundException}: a (checked) {@link ClassNotFoundException}
 * that carries an error condition, its parameters and its SQLSTATE. Immutable.
 */
public class SparkClassNotFoundException extends ClassNotFoundException implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;

    public SparkClassNotFoundException(String condition, Map<String, String> messageParameters, Throwable cause) {
        super(ErrorConditions.message(condition, messageParameters), cause);
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
}

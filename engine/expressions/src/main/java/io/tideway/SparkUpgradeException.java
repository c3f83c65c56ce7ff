package io.tideway;

import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * A behaviour that changed with a Spark upgrade, mirroring Spark's
 * {@code org.apache.spark.SparkUpgradeException}: such as a datetime pattern that Spark 2's
 * formatter read but Spark 3's refuses. Carries an error condition, its parameters and its SQLSTATE.
 * Immutable.
 */
public class SparkUpgradeException extends RuntimeException implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;

    public SparkUpgradeException(String condition, Map<String, String> messageParameters, Throwable cause) {
        super(ErrorConditions.message(condition, messageParameters, ""), cause);
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

package io.tideway;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Spark's {@code SparkNoSuchElementException}: a {@link NoSuchElementException} with an error
 * condition, such as {@code SQL_CONF_NOT_FOUND} from {@code conf().get(key)}. Immutable.
 */
public class SparkNoSuchElementException extends NoSuchElementException implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> parameters;
    private final String sqlState;

    /** For a condition whose message Tideway lays out itself ({@code message} is Spark's full text). */
    public SparkNoSuchElementException(String condition, Map<String, String> parameters, String sqlState, String message) {
        super(message);
        this.condition = condition;
        this.parameters = Map.copyOf(parameters);
        this.sqlState = sqlState;
    }

    @Override
    public String getSqlState() {
        return sqlState;
    }

    @Override
    public String getCondition() {
        return condition;
    }

    @Override
    public Map<String, String> getMessageParameters() {
        return parameters;
    }
}

package io.tideway.engine.state;

import io.tideway.SparkUnsupportedOperationException;

import java.util.Map;

/**
 * A restart whose stateful operator stores keys of another layout than the checkpoint's state
 * holds (Spark's {@code org.apache.spark.sql.execution.streaming.state.StateStoreKeySchemaNotCompatible}).
 * Immutable.
 */
public final class StateStoreKeySchemaNotCompatible extends SparkUnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    public StateStoreKeySchemaNotCompatible(String storedKeySchema, String newKeySchema) {
        super("STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE",
                Map.of("storedKeySchema", storedKeySchema, "newKeySchema", newKeySchema));
    }
}

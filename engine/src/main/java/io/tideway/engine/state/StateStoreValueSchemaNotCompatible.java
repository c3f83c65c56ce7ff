package io.tideway.engine.state;

import io.tideway.SparkUnsupportedOperationException;

import java.util.Map;

/**
 * A restart whose stateful operator stores values of another layout than the checkpoint's state
 * holds (Spark's {@code org.apache.spark.sql.execution.streaming.state.StateStoreValueSchemaNotCompatible}).
 * Immutable.
 */
public final class StateStoreValueSchemaNotCompatible extends SparkUnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    public StateStoreValueSchemaNotCompatible(String storedValueSchema, String newValueSchema) {
        super("STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE",
                Map.of("storedValueSchema", storedValueSchema, "newValueSchema", newValueSchema));
    }
}

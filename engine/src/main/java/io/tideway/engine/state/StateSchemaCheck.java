package io.tideway.engine.state;

import io.tideway.SparkRuntimeException;
import io.tideway.checkpoint.CheckpointDir;
import io.tideway.checkpoint.StateSchemaFile;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refuses to start a query on a checkpoint whose state another query wrote, as Spark's operator
 * state metadata check and {@code StateSchemaCompatibilityChecker} do; records the schemas of
 * operators that have none yet. Runs once when a query starts, on the query thread, never per
 * batch.
 */
public final class StateSchemaCheck {
    private StateSchemaCheck() {
    }

    /**
     * Checks {@code current} (operator id = list index, bottom-up as {@code state/<op>/}) against
     * the checkpoint's schema files, then writes the missing ones. Fails with
     * {@code STREAMING_STATEFUL_OPERATOR_NOT_MATCH_IN_STATE_METADATA} when the checkpoint's
     * operators are not the query's, then with the key or value schema refusal (key first, as Spark).
     */
    public static void verifyAndRecord(CheckpointDir checkpoint, List<StateSchemaFile.Schema> current) {
        List<Integer> stored = checkpoint.operatorsWithStateSchema();
        Map<Integer, StateSchemaFile.Schema> storedSchemas = new java.util.TreeMap<>();
        for (int op : stored) {
            checkpoint.stateSchemaFile(op).read().ifPresent(s -> storedSchemas.put(op, s));
        }
        for (Map.Entry<Integer, StateSchemaFile.Schema> e : storedSchemas.entrySet()) {
            int op = e.getKey();
            if (op >= current.size() || !current.get(op).operator().equals(e.getValue().operator())) {
                throw operatorMismatch(storedSchemas, current);
            }
        }
        for (int op = 0; op < current.size(); op++) {
            StateSchemaFile.Schema now = current.get(op);
            StateSchemaFile.Schema old = storedSchemas.get(op);
            if (old == null) {
                checkpoint.stateSchemaFile(op).writeIfAbsent(now);
            } else if (!old.keySchema().equals(now.keySchema())) {
                throw new StateStoreKeySchemaNotCompatible(old.keySchema(), now.keySchema());
            } else if (!old.valueSchema().equals(now.valueSchema())) {
                throw new StateStoreValueSchemaNotCompatible(old.valueSchema(), now.valueSchema());
            }
        }
    }

    private static SparkRuntimeException operatorMismatch(Map<Integer, StateSchemaFile.Schema> stored,
                                                          List<StateSchemaFile.Schema> current) {
        String inMetadata = stored.entrySet().stream()
                .map(e -> "(OperatorId: " + e.getKey() + " -> OperatorName: " + e.getValue().operator() + ")")
                .collect(Collectors.joining(", "));
        StringBuilder inBatch = new StringBuilder();
        for (int op = 0; op < current.size(); op++) {
            inBatch.append(op == 0 ? "" : ", ").append("(OperatorId: ").append(op)
                    .append(" -> OperatorName: ").append(current.get(op).operator()).append(")");
        }
        return new SparkRuntimeException("STREAMING_STATEFUL_OPERATOR_NOT_MATCH_IN_STATE_METADATA",
                Map.of("OpsInMetadataSeq", inMetadata, "OpsInCurBatchSeq", inBatch.toString()));
    }
}

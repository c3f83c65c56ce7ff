package io.tideway.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tideway.SparkRuntimeException;
import io.tideway.checkpoint.CheckpointDir;
import io.tideway.checkpoint.StateSchemaFile.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateSchemaCheckTest {
    private static final Schema COUNT_BY_STRING = new Schema("stateStoreSave", "struct<string>", "struct<count: bigint>");

    @TempDir
    Path dir;

    @Test
    void recordsOnFirstStartAndAcceptsTheSameQuery() {
        CheckpointDir cp = CheckpointDir.open(dir);
        StateSchemaCheck.verifyAndRecord(cp, List.of(COUNT_BY_STRING));
        assertEquals(Optional.of(COUNT_BY_STRING), cp.stateSchemaFile(0).read());
        StateSchemaCheck.verifyAndRecord(cp, List.of(COUNT_BY_STRING));
    }

    @Test
    void refusesAChangedKeyBeforeAChangedValue() {
        CheckpointDir cp = CheckpointDir.open(dir);
        StateSchemaCheck.verifyAndRecord(cp, List.of(COUNT_BY_STRING));
        StateStoreKeySchemaNotCompatible e = assertThrows(StateStoreKeySchemaNotCompatible.class, () ->
                StateSchemaCheck.verifyAndRecord(cp, List.of(new Schema("stateStoreSave", "struct<int>", "struct<sum: bigint>"))));
        assertEquals("STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE", e.getCondition());
        assertEquals("struct<string>", e.getMessageParameters().get("storedKeySchema"));
        assertEquals("Provided key schema does not match existing state key schema.", e.getMessage().lines().findFirst().orElseThrow()
                .replace("[STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE] ", ""));
    }

    @Test
    void refusesAChangedValue() {
        CheckpointDir cp = CheckpointDir.open(dir);
        StateSchemaCheck.verifyAndRecord(cp, List.of(COUNT_BY_STRING));
        StateStoreValueSchemaNotCompatible e = assertThrows(StateStoreValueSchemaNotCompatible.class, () ->
                StateSchemaCheck.verifyAndRecord(cp, List.of(new Schema("stateStoreSave", "struct<string>", "struct<sum: bigint>"))));
        assertEquals("struct<sum: bigint>", e.getMessageParameters().get("newValueSchema"));
    }

    @Test
    void refusesAStatelessOrDifferentOperatorOnStatefulCheckpoint() {
        CheckpointDir cp = CheckpointDir.open(dir);
        StateSchemaCheck.verifyAndRecord(cp, List.of(COUNT_BY_STRING));
        SparkRuntimeException stateless = assertThrows(SparkRuntimeException.class,
                () -> StateSchemaCheck.verifyAndRecord(cp, List.of()));
        assertEquals("STREAMING_STATEFUL_OPERATOR_NOT_MATCH_IN_STATE_METADATA", stateless.getCondition());
        SparkRuntimeException other = assertThrows(SparkRuntimeException.class,
                () -> StateSchemaCheck.verifyAndRecord(cp, List.of(new Schema("dedupe", "struct<string>", ""))));
        assertEquals("(OperatorId: 0 -> OperatorName: stateStoreSave)", other.getMessageParameters().get("OpsInMetadataSeq"));
        assertEquals("(OperatorId: 0 -> OperatorName: dedupe)", other.getMessageParameters().get("OpsInCurBatchSeq"));
    }

    @Test
    void aStatelessCheckpointTakesAnyOperator() {
        CheckpointDir cp = CheckpointDir.open(dir);
        StateSchemaCheck.verifyAndRecord(cp, List.of());
        StateSchemaCheck.verifyAndRecord(cp, List.of(COUNT_BY_STRING));
        assertEquals(Optional.of(COUNT_BY_STRING), cp.stateSchemaFile(0).read());
    }
}

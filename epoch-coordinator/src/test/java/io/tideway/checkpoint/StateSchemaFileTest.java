package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateSchemaFileTest {
    @TempDir
    Path dir;

    @Test
    void writesCompactJsonOnceUnderOperatorMetadataDir() throws Exception {
        CheckpointDir cp = CheckpointDir.open(dir);
        StateSchemaFile file = cp.stateSchemaFile(0);
        assertEquals(dir.toAbsolutePath().resolve("state/0/_metadata/schema"), file.path());
        assertEquals(Optional.empty(), file.read());
        StateSchemaFile.Schema s = new StateSchemaFile.Schema("stateStoreSave", "struct<string>", "struct<count: bigint>");
        assertTrue(file.writeIfAbsent(s));
        assertEquals("{\"operator\":\"stateStoreSave\",\"keySchema\":\"struct<string>\",\"valueSchema\":\"struct<count: bigint>\"}",
                Files.readString(file.path()));
        assertFalse(file.writeIfAbsent(new StateSchemaFile.Schema("dedupe", "", "")), "never overwritten");
        assertEquals(Optional.of(s), file.read());
    }

    @Test
    void listsOperatorsThatHaveASchemaFile() throws Exception {
        CheckpointDir cp = CheckpointDir.open(dir);
        assertEquals(List.of(), cp.operatorsWithStateSchema());
        Files.createDirectories(cp.stateDir(0, 0));
        Files.createDirectories(cp.stateDir(2, 0));
        cp.stateSchemaFile(2).writeIfAbsent(new StateSchemaFile.Schema("dedupe", "", ""));
        cp.stateSchemaFile(1).writeIfAbsent(new StateSchemaFile.Schema("stateStoreSave", "", ""));
        assertEquals(List.of(1, 2), cp.operatorsWithStateSchema(), "state/0 has no schema file (an older checkpoint)");
    }
}

package io.tideway.engine.state;

import io.tideway.SparkException;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A version whose delta file is gone fails to load as Spark's HDFS provider fails. */
class StateStoreLoadFailureTest {
    @Test
    void aMissingDeltaIsCannotLoadStateStoreCausedByFileNotFound(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("state/0/3"));
        try (StateStoreProvider p = new StateStoreProvider(dir, 100, 100)) {
            StateStore s = p.load(0);
            s.put(new UnsafeBuffer(new byte[]{1}), 0, 1, new UnsafeBuffer(new byte[8]), 0, 8);
            p.commit(s);
        }
        Path delta = dir.resolve("1.delta").toAbsolutePath();
        Files.delete(delta);
        try (StateStoreProvider restarted = new StateStoreProvider(dir, 100, 100)) {
            Exception e = assertThrows(Exception.class, () -> restarted.load(1));
            SparkException se = assertInstanceOf(SparkException.class, e);
            assertEquals("CANNOT_LOAD_STATE_STORE.CANNOT_READ_DELTA_FILE_NOT_EXISTS", se.getCondition());
            String provider = "HDFSStateStoreProvider[id = (op=0,part=3),dir = file:" + dir.toAbsolutePath() + "]";
            assertEquals("[CANNOT_LOAD_STATE_STORE.CANNOT_READ_DELTA_FILE_NOT_EXISTS] An error occurred during loading state. "
                    + "Error reading delta file file:" + delta + " of " + provider + ": file:" + delta
                    + " does not exist. SQLSTATE: 58030", se.getMessage());
            FileNotFoundException cause = assertInstanceOf(FileNotFoundException.class, se.getCause());
            assertEquals("File file:" + delta + " does not exist", cause.getMessage());
        }
    }
}

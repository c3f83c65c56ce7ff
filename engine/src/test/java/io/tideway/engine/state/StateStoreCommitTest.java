package io.tideway.engine.state;

import io.tideway.checkpoint.StateFiles;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What a commit writes when one version inserts, moves and removes the same keys. */
class StateStoreCommitTest {
    private static UnsafeBuffer bytes(String s) {
        return new UnsafeBuffer(s.getBytes(StandardCharsets.UTF_8));
    }

    private static UnsafeBuffer payload(long v, int length) {
        UnsafeBuffer b = new UnsafeBuffer(new byte[length]);
        b.putLong(0, v);
        return b;
    }

    private static void put(StateStore s, String key, long v, int length) {
        s.put(bytes(key), 0, key.length(), payload(v, length), 0, length);
    }

    private static Map<String, Long> contents(StateStore s) {
        Map<String, Long> out = new TreeMap<>();
        s.forEach((buf, ko, kl, po, pl) -> out.put(buf.getStringWithoutLengthUtf8(ko, kl), buf.getLong(po)));
        return out;
    }

    @Test
    void aKeyInsertedAndRemovedInOneVersionIsNotWritten(@TempDir Path dir) {
        try (StateStoreProvider p = new StateStoreProvider(dir, 100, 100)) {
            StateStore s = p.load(0);
            put(s, "kept", 1, 8);
            put(s, "transient-key", 2, 8);
            long h = s.find(bytes("transient-key"), 0, 13);
            s.remove(h);
            assertFalse(s.isLive(h));
            p.commit(s);
        }
        try (StateStoreProvider restarted = new StateStoreProvider(dir, 100, 100)) {
            assertEquals(Map.of("kept", 1L), contents(restarted.load(1)));
        }
        assertEquals(java.util.List.of(1L), StateFiles.deltaVersions(dir));
    }

    @Test
    void aValueThatMovedIsWrittenOnceFromItsNewRecord(@TempDir Path dir) {
        try (StateStoreProvider p = new StateStoreProvider(dir, 100, 100)) {
            StateStore s = p.load(0);
            put(s, "grows", 1, 8);
            put(s, "grows", 2, 64); // outgrows its capacity: the record moves
            p.commit(s);
        }
        try (StateStoreProvider restarted = new StateStoreProvider(dir, 100, 100)) {
            assertEquals(Map.of("grows", 2L), contents(restarted.load(1)));
        }
    }

    @Test
    void aKeyRemovedAndInsertedAgainInOneVersionIsKept(@TempDir Path dir) {
        try (StateStoreProvider p = new StateStoreProvider(dir, 100, 100)) {
            StateStore s = p.load(0);
            put(s, "k", 1, 8);
            p.commit(s);
            s = p.load(1);
            s.remove(s.find(bytes("k"), 0, 1));
            put(s, "k", 3, 8);
            p.commit(s);
        }
        try (StateStoreProvider restarted = new StateStoreProvider(dir, 100, 100)) {
            assertEquals(Map.of("k", 3L), contents(restarted.load(2)));
        }
    }
}

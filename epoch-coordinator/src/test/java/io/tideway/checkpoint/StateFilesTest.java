package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFilesTest {
    @TempDir
    Path dir;

    /** Replays into a sorted string map, so assertions read naturally. */
    static final class MapVisitor implements StateRecordVisitor {
        final Map<String, String> map = new TreeMap<>();

        @Override
        public void put(byte[] k, byte[] v) {
            map.put(new String(k, StandardCharsets.UTF_8), new String(v, StandardCharsets.UTF_8));
        }

        @Override
        public void remove(byte[] k) {
            map.remove(new String(k, StandardCharsets.UTF_8));
        }
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void writeDelta(Path dir, long version, String... ops) {
        try (StateFileWriter w = StateFileWriter.open(StateFiles.deltaFile(dir, version))) {
            for (String op : ops) {
                String[] kv = op.split("=", 2);
                if (kv.length == 1) {
                    w.remove(b(kv[0]));
                } else {
                    w.put(b(kv[0]), b(kv[1]));
                }
            }
            w.commit();
        }
    }

    static void writeSnapshot(Path dir, long version, Map<String, String> m) {
        try (StateFileWriter w = StateFileWriter.open(StateFiles.snapshotFile(dir, version))) {
            m.forEach((k, v) -> w.put(b(k), b(v)));
            w.commit();
        }
    }

    static Map<String, String> replay(Path dir, long version) {
        MapVisitor v = new MapVisitor();
        StateFiles.replay(dir, version, v);
        return v.map;
    }

    @Test
    void deltaBytesMatchWorkedExample() throws Exception {
        byte[] k1 = new byte[16];
        Arrays.fill(k1, (byte) 1);
        byte[] v1 = new byte[24];
        Arrays.fill(v1, (byte) 2);
        byte[] k2 = new byte[16];
        Arrays.fill(k2, (byte) 3);
        byte[] padded = new byte[20];
        System.arraycopy(k1, 0, padded, 4, 16);
        Path f = StateFiles.deltaFile(dir, 1);
        try (StateFileWriter w = StateFileWriter.open(f)) {
            w.put(padded, 4, 16, v1, 0, 24);
            w.remove(k2, 0, 16);
            w.commit();
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(expected);
        d.writeInt(0x10);
        d.write(k1);
        d.writeInt(0x18);
        d.write(v1);
        d.writeInt(0x10);
        d.write(k2);
        d.writeInt(0xFFFFFFFF);
        d.writeInt(0xFFFFFFFF);
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(f));
        assertEquals(dir.resolve("1.delta"), f);
    }

    @Test
    void replaySnapshotThenDeltasWithRemoves() {
        writeDelta(dir, 1, "a=1", "b=2");
        writeDelta(dir, 2, "a=10", "c=3", "b");
        writeDelta(dir, 3, "d=4");
        assertEquals(Map.of(), replay(dir, 0));
        assertEquals(Map.of("a", "1", "b", "2"), replay(dir, 1));
        assertEquals(Map.of("a", "10", "c", "3"), replay(dir, 2));
        writeSnapshot(dir, 3, Map.of("a", "10", "c", "3", "d", "4"));
        writeDelta(dir, 4, "c", "e=5");
        // Deltas 1..3 are not needed once snapshot 3 exists.
        for (long v = 1; v <= 3; v++) {
            StateFiles.deltaFile(dir, v).toFile().delete();
        }
        assertEquals(Map.of("a", "10", "d", "4", "e", "5"), replay(dir, 4));
        assertEquals(List.of(3L), StateFiles.snapshotVersions(dir));
        assertEquals(List.of(4L), StateFiles.deltaVersions(dir));
        assertEquals(4L, StateFiles.latestVersion(dir).getAsLong());
        assertEquals(3L, StateFiles.latestSnapshotAtOrBelow(dir, 10).getAsLong());
        assertTrue(StateFiles.latestSnapshotAtOrBelow(dir, 2).isEmpty());
    }

    @Test
    void missingDeltaFails() {
        writeDelta(dir, 1, "a=1");
        writeDelta(dir, 3, "b=1");
        Path missing = StateFiles.deltaFile(dir, 2).toAbsolutePath();
        CheckpointException e = assertThrows(CheckpointException.class, () -> replay(dir, 3));
        assertEquals("Error reading delta file " + missing + ": " + missing + " does not exist", e.getMessage());
        MissingStateFileException m = assertInstanceOf(MissingStateFileException.class, e);
        assertEquals(missing, m.file());
        assertEquals("File file:" + missing + " does not exist", m.getCause().getMessage());
    }

    @Test
    void rewriteOfSameVersionReplacesFile() {
        writeDelta(dir, 1, "a=1");
        writeDelta(dir, 1, "a=2");
        assertEquals(Map.of("a", "2"), replay(dir, 1));
    }

    @Test
    void abortLeavesNoFile() throws Exception {
        try (StateFileWriter w = StateFileWriter.open(StateFiles.deltaFile(dir, 1))) {
            w.put(b("a"), b("1"));
            w.abort();
            assertThrows(IllegalStateException.class, () -> w.put(b("b"), b("2")));
        }
        try (StateFileWriter w = StateFileWriter.open(StateFiles.deltaFile(dir, 2))) {
            w.put(b("a"), b("1")); // closed without commit
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    private Path rawFile(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static byte[] ints(int... values) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        for (int v : values) {
            d.writeInt(v);
        }
        return out.toByteArray();
    }

    @Test
    void badKeySizeFails() throws Exception {
        Path f = rawFile("1.delta", ints(-5));
        CheckpointException e = assertThrows(CheckpointException.class, () -> StateFileReader.read(f, new MapVisitor()));
        assertEquals("Error reading delta file " + f.toAbsolutePath() + ": key size cannot be -5", e.getMessage());
    }

    @Test
    void truncatedAndUnterminatedFilesFail() throws Exception {
        writeDelta(dir, 1, "a=1", "b=2");
        Path good = StateFiles.deltaFile(dir, 1);
        byte[] all = Files.readAllBytes(good);
        // Every proper prefix: torn inside a record, or at a record boundary with no end marker.
        for (int len = 0; len < all.length; len++) {
            Path f = rawFile("2.delta", Arrays.copyOf(all, len));
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> StateFileReader.read(f, new MapVisitor()), "prefix " + len);
            assertTrue(e.getMessage().startsWith("Error reading delta file " + f.toAbsolutePath() + ": truncated"),
                    e.getMessage());
        }
        Path huge = rawFile("3.delta", ints(Integer.MAX_VALUE));
        CheckpointException e = assertThrows(CheckpointException.class, () -> StateFileReader.read(huge, new MapVisitor()));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void removeInSnapshotFails() throws Exception {
        Path f = rawFile("1.snapshot", ints(0, -1, -1));
        CheckpointException e = assertThrows(CheckpointException.class, () -> StateFileReader.read(f, new MapVisitor()));
        assertEquals("Error reading snapshot file " + f.toAbsolutePath() + ": value size cannot be -1", e.getMessage());
    }

    @Test
    void purgeKeepsNewestSnapshotAtOrBelowAndLater() {
        for (long v = 1; v <= 6; v++) {
            writeDelta(dir, v, "k" + v + "=" + v);
        }
        StateFiles.purgeBelow(dir, 5);
        assertEquals(6, StateFiles.deltaVersions(dir).size(), "no snapshot: every delta still needed");
        writeSnapshot(dir, 2, replay(dir, 2));
        writeSnapshot(dir, 4, replay(dir, 4));
        Map<String, String> before = replay(dir, 6);
        StateFiles.purgeBelow(dir, 5);
        assertEquals(List.of(4L, 5L, 6L), StateFiles.deltaVersions(dir));
        assertEquals(List.of(4L), StateFiles.snapshotVersions(dir));
        assertEquals(before, replay(dir, 6));
        assertFalse(Files.exists(StateFiles.snapshotFile(dir, 2)));
    }

    @Test
    void emptyOrMissingDirectory() {
        Path none = dir.resolve("state/0/0");
        assertTrue(StateFiles.deltaVersions(none).isEmpty());
        assertTrue(StateFiles.latestVersion(none).isEmpty());
        assertEquals(Map.of(), replay(none, 0));
        CheckpointException e = assertThrows(CheckpointException.class, () -> replay(none, 1));
        assertTrue(e.getMessage().contains(none.resolve("1.delta").toAbsolutePath().toString()));
    }
}

package io.tideway.engine.state;

import io.tideway.SparkException;
import io.tideway.checkpoint.MissingStateFileException;
import io.tideway.checkpoint.StateFileWriter;
import io.tideway.checkpoint.StateFiles;
import io.tideway.checkpoint.StateRecordVisitor;
import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.map.BytesToBytesMap;

import java.nio.file.Path;
import java.util.Map;

/**
 * The versioned state of one operator partition ({@code state/<op>/<partition>/}): keeps the
 * latest version in memory, writes {@code <v>.delta} on commit, and reloads from files (newest
 * snapshot, then deltas) when the cached version is not the one asked for — after a restart or a
 * failed batch. Snapshots and retention are {@link #maintain() maintenance}, which a background
 * thread runs ({@link StateMaintenance}) so that the batch thread never writes a whole store:
 * it rebuilds the latest version from the files alone, writes {@code <v>.snapshot} once
 * {@code minDeltasForSnapshot} deltas have accumulated, and deletes files older than
 * {@code minBatchesToRetain} versions. Opening a partition removes the temp files that killed
 * writers left in it. Loading from files and maintenance exclude each other.
 * Loading and committing are used by one task thread at a time.
 */
public final class StateStoreProvider implements AutoCloseable {
    private final Path dir;
    private final int minDeltasForSnapshot;
    private final int minBatchesToRetain;
    private final StateStore store = new StateStore(new BytesToBytesMap(), -1);
    private final Object files = new Object();
    private boolean valid;
    /** Loads served by the version held in memory; task thread of the moment, read after its batch. */
    private long loadedMapCacheHitCount;
    /** Loads that had to replay files (a restart, a failed batch). */
    private long loadedMapCacheMissCount;
    private byte[] keyBytes = new byte[64];
    private byte[] valueBytes = new byte[64];

    public StateStoreProvider(Path dir, int minDeltasForSnapshot, int minBatchesToRetain) {
        this.dir = dir;
        this.minDeltasForSnapshot = minDeltasForSnapshot;
        this.minBatchesToRetain = minBatchesToRetain;
        if (dir != null) {
            // temp files of killed writers (.<v>.delta.<pid>-<n>.tmp) would otherwise collect one per kill
            StateFiles.removeStaleTempFiles(dir);
        }
    }

    /** A store that is never written to disk: batch aggregation and per-task partial aggregates. */
    public static StateStoreProvider inMemory() {
        return new StateStoreProvider(null, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The store at {@code version} (0 = empty), ready for this batch's updates. */
    public StateStore load(long version) {
        if (!valid || store.version() != version) {
            store.clear();
            if (version > 0) {
                loadedMapCacheMissCount++;
                synchronized (files) {
                    replay(version);
                }
            }
            valid = true;
        } else if (version > 0) {
            loadedMapCacheHitCount++;
        }
        store.setVersion(version);
        return store;
    }

    /**
     * Rebuilds {@code version} from the files. A missing file fails as Spark's provider fails
     * ({@code CANNOT_LOAD_STATE_STORE}, caused by the file system's FileNotFoundException): an
     * engine error, so a foreachBatch function that meets it passes it on unwrapped.
     */
    private void replay(long version) {
        try {
            StateFiles.replay(dir, version, new StateRecordVisitor() {
                @Override
                public void put(byte[] key, byte[] value) {
                    store.load(key, value);
                }

                @Override
                public void remove(byte[] key) {
                    store.loadRemove(key);
                }
            });
        } catch (MissingStateFileException e) {
            String condition = e.isSnapshot() ? "CANNOT_LOAD_STATE_STORE.CANNOT_READ_MISSING_SNAPSHOT_FILE"
                    : "CANNOT_LOAD_STATE_STORE.CANNOT_READ_DELTA_FILE_NOT_EXISTS";
            throw Unchecked.raise(new SparkException(condition,
                    Map.of("fileToRead", StateFiles.qualified(e.file()), "clazz", toString()), e.getCause()));
        }
    }

    /**
     * As Spark's {@code HDFSStateStoreProvider} names itself in its errors. The directory is
     * {@code state/<op>/<partition>} (CheckpointDir's layout), so the id is read off its names.
     */
    @Override
    public String toString() {
        if (dir == null) {
            return "HDFSStateStoreProvider[in memory]";
        }
        Path abs = dir.toAbsolutePath();
        return "HDFSStateStoreProvider[id = (op=" + abs.getParent().getFileName() + ",part=" + abs.getFileName()
                + "),dir = " + StateFiles.qualified(abs) + "]";
    }

    /** Writes the updated entries as {@code <version+1>.delta} and moves the store to that version. */
    public void commit(StateStore s) {
        long next = s.version() + 1;
        try (StateFileWriter w = StateFileWriter.open(StateFiles.deltaFile(dir, next))) {
            // Removals first: a key removed and then inserted again in this version is live at
            // the end, and replay applies the records in file order.
            for (byte[] key : s.removedKeys()) {
                w.remove(key);
            }
            var handles = s.updatedHandles();
            for (int i = 0; i < handles.size(); i++) {
                long h = handles.getLong(i);
                if (s.isLive(h)) {
                    writeEntry(w, s, h);
                }
            }
            w.commit();
        }
        s.setVersion(next);
        s.compactIfWasteful();
    }

    /**
     * Writes a snapshot of the latest committed version once {@code minDeltasForSnapshot} deltas
     * have accumulated since the last one, then deletes files no longer needed for the last
     * {@code minBatchesToRetain} versions. Reads only files, so it may run on any thread while
     * batches commit; returns the version snapshotted, or -1.
     */
    public long maintain() {
        if (dir == null) {
            return -1;
        }
        synchronized (files) {
            java.util.OptionalLong latest = StateFiles.latestVersion(dir);
            if (latest.isEmpty()) {
                return -1;
            }
            long version = latest.getAsLong();
            long lastSnapshot = StateFiles.latestSnapshotAtOrBelow(dir, version).orElse(0);
            long written = -1;
            if (version - lastSnapshot >= minDeltasForSnapshot) {
                writeSnapshotFromFiles(version);
                written = version;
            }
            if (version > minBatchesToRetain) {
                StateFiles.purgeBelow(dir, version - minBatchesToRetain);
            }
            return written;
        }
    }

    private void writeSnapshotFromFiles(long version) {
        try (BytesToBytesMap image = new BytesToBytesMap();
             StateFileWriter w = StateFileWriter.open(StateFiles.snapshotFile(dir, version))) {
            StateFiles.replay(dir, version, new StateRecordVisitor() {
                @Override
                public void put(byte[] key, byte[] value) {
                    image.put(new org.agrona.concurrent.UnsafeBuffer(key), 0, key.length,
                            new org.agrona.concurrent.UnsafeBuffer(value), 0, value.length);
                }

                @Override
                public void remove(byte[] key) {
                    image.remove(new org.agrona.concurrent.UnsafeBuffer(key), 0, key.length);
                }
            });
            byte[][] scratch = {new byte[64], new byte[64]};
            image.forEach((buf, ko, kl, vo, vl) -> {
                scratch[0] = grow(scratch[0], kl);
                scratch[1] = grow(scratch[1], vl);
                buf.getBytes(ko, scratch[0], 0, kl);
                buf.getBytes(vo, scratch[1], 0, vl);
                w.put(scratch[0], 0, kl, scratch[1], 0, vl);
            });
            w.commit();
        }
    }

    private void writeEntry(StateFileWriter w, StateStore s, long h) {
        int kl = s.keyLength(h);
        int vl = s.payloadLength(h);
        keyBytes = grow(keyBytes, kl);
        valueBytes = grow(valueBytes, vl);
        s.buffer(h).getBytes(s.keyOffset(h), keyBytes, 0, kl);
        s.buffer(h).getBytes(s.payloadOffset(h), valueBytes, 0, vl);
        w.put(keyBytes, 0, kl, valueBytes, 0, vl);
    }

    private static byte[] grow(byte[] b, int n) {
        return b.length >= n ? b : new byte[Math.max(n, b.length * 2)];
    }

    /**
     * Spark's default provider's custom metrics for the progress report's
     * {@code stateOperators[].customMetrics}: loads served from memory and from files, and the
     * bytes the current version holds.
     */
    public java.util.Map<String, Long> customMetrics() {
        return java.util.Map.of("loadedMapCacheHitCount", loadedMapCacheHitCount,
                "loadedMapCacheMissCount", loadedMapCacheMissCount,
                "stateOnCurrentVersionSizeBytes", store.memoryUsedBytes());
    }

    /** A batch failed: the in-memory state may hold partial updates, so reload next time. */
    public void invalidate() {
        valid = false;
    }

    @Override
    public void close() {
        store.close();
    }
}

package io.tideway.engine.state;

import io.tideway.checkpoint.StateFileWriter;
import io.tideway.checkpoint.StateFiles;
import io.tideway.checkpoint.StateRecordVisitor;
import io.tideway.offheap.map.BytesToBytesMap;

import java.nio.file.Path;

/**
 * The versioned state of one operator partition ({@code state/<op>/<partition>/}): keeps the
 * latest version in memory, writes {@code <v>.delta} on commit and a {@code <v>.snapshot} every
 * {@code minDeltasForSnapshot} versions, deletes files older than {@code minBatchesToRetain}
 * versions, and reloads from files (newest snapshot, then deltas) when the cached version is not
 * the one asked for — after a restart or a failed batch. Used by one task thread at a time.
 */
public final class StateStoreProvider implements AutoCloseable {
    private final Path dir;
    private final int minDeltasForSnapshot;
    private final int minBatchesToRetain;
    private final StateStore store = new StateStore(new BytesToBytesMap(), -1);
    private boolean valid;
    private byte[] keyBytes = new byte[64];
    private byte[] valueBytes = new byte[64];

    public StateStoreProvider(Path dir, int minDeltasForSnapshot, int minBatchesToRetain) {
        this.dir = dir;
        this.minDeltasForSnapshot = minDeltasForSnapshot;
        this.minBatchesToRetain = minBatchesToRetain;
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
            }
            valid = true;
        }
        store.setVersion(version);
        return store;
    }

    /** Writes the updated entries as {@code <version+1>.delta} and moves the store to that version. */
    public void commit(StateStore s) {
        long next = s.version() + 1;
        try (StateFileWriter w = StateFileWriter.open(StateFiles.deltaFile(dir, next))) {
            var handles = s.updatedHandles();
            for (int i = 0; i < handles.size(); i++) {
                long h = handles.getLong(i);
                if (s.isLive(h)) {
                    writeEntry(w, s, h);
                }
            }
            for (byte[] key : s.removedKeys()) {
                w.remove(key);
            }
            w.commit();
        }
        s.setVersion(next);
        if (next % minDeltasForSnapshot == 0) {
            writeSnapshot(s, next);
        }
        if (next > minBatchesToRetain) {
            StateFiles.purgeBelow(dir, next - minBatchesToRetain);
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

    private void writeSnapshot(StateStore s, long version) {
        try (StateFileWriter w = StateFileWriter.open(StateFiles.snapshotFile(dir, version))) {
            s.forEach((buf, ko, kl, po, pl) -> {
                keyBytes = grow(keyBytes, kl);
                valueBytes = grow(valueBytes, pl);
                buf.getBytes(ko, keyBytes, 0, kl);
                buf.getBytes(po, valueBytes, 0, pl);
                w.put(keyBytes, 0, kl, valueBytes, 0, pl);
            });
            w.commit();
        }
    }

    private static byte[] grow(byte[] b, int n) {
        return b.length >= n ? b : new byte[Math.max(n, b.length * 2)];
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

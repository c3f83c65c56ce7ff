package io.tideway.engine.state;

import io.tideway.offheap.map.BytesToBytesMap;
import io.tideway.offheap.map.MapCursor;
import io.tideway.offheap.map.MapRecordDescriptor;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One operator partition's state at one version: binary-row keys to fixed-width values, held
 * off-heap in a {@link BytesToBytesMap}. Each value carries an 8-byte stamp in front of the
 * caller's payload, so the store knows which keys this batch touched without a second index;
 * only payloads reach the checkpoint. Owned by one task thread per batch.
 */
public final class StateStore {
    private static final int STAMP = 8;
    public static final long NO_HANDLE = MapRecordDescriptor.NO_HANDLE;
    private final BytesToBytesMap map;
    private final LongArrayList updated = new LongArrayList();
    private final java.util.List<byte[]> removedKeys = new java.util.ArrayList<>();
    private final LongArrayList handles = new LongArrayList();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[0]);
    private byte[] scratchBytes = new byte[64];
    private long version;
    private long numRemoved;

    StateStore(BytesToBytesMap map, long version) {
        this.map = map;
        this.version = version;
    }

    public long version() {
        return version;
    }

    void setVersion(long v) {
        version = v;
        updated.clear();
        removedKeys.clear();
        numRemoved = 0;
    }

    /** The entry for {@code key}, created with {@code initialPayload} if absent, and marked updated. */
    public long upsert(DirectBuffer key, int keyOffset, int keyLength, DirectBuffer initialPayload, int payloadOffset, int payloadLength) {
        long handle = map.find(key, keyOffset, keyLength);
        if (handle == MapRecordDescriptor.NO_HANDLE) {
            ensureScratch(STAMP + payloadLength);
            scratch.putLong(0, version + 1);
            scratch.putBytes(STAMP, initialPayload, payloadOffset, payloadLength);
            handle = map.insert(key, keyOffset, keyLength, scratch, 0, STAMP + payloadLength);
            updated.addLong(handle);
            return handle;
        }
        UnsafeBuffer page = map.buffer(handle);
        int at = map.valueOffset(handle);
        if (page.getLong(at) != version + 1) {
            page.putLong(at, version + 1);
            updated.addLong(handle);
        }
        return handle;
    }

    /**
     * Sets the payload of {@code key} (any length), inserting the entry if absent, and marks it
     * updated; returns its handle, which changes when a larger payload moves the entry.
     */
    public long put(DirectBuffer key, int keyOffset, int keyLength, DirectBuffer payload, int payloadOffset, int payloadLength) {
        ensureScratch(STAMP + payloadLength);
        scratch.putLong(0, version + 1);
        scratch.putBytes(STAMP, payload, payloadOffset, payloadLength);
        long h = map.find(key, keyOffset, keyLength);
        if (h == MapRecordDescriptor.NO_HANDLE) {
            h = map.insert(key, keyOffset, keyLength, scratch, 0, STAMP + payloadLength);
            updated.addLong(h);
            return h;
        }
        boolean listed = map.buffer(h).getLong(map.valueOffset(h)) == version + 1;
        long moved = map.replaceValue(h, scratch, 0, STAMP + payloadLength);
        if (moved != h || !listed) {
            updated.addLong(moved);
        }
        return moved;
    }

    /** The entry for {@code key}, or {@link #NO_HANDLE}. */
    public long find(DirectBuffer key, int keyOffset, int keyLength) {
        return map.find(key, keyOffset, keyLength);
    }

    /**
     * Removes an entry; the next delta records the removal. The handle must not be used after.
     * Allocates a copy of the key, which is fine at eviction rate (not per input row).
     */
    public void remove(long handle) {
        UnsafeBuffer page = map.buffer(handle);
        byte[] key = new byte[map.keyLength(handle)];
        page.getBytes(map.keyOffset(handle), key);
        map.remove(page, map.keyOffset(handle), key.length);
        removedKeys.add(key);
        numRemoved++;
    }

    /**
     * Whether {@code handle} (from {@link #updatedHandles}) still holds the entry: not removed or
     * moved since. Both leave a dead record, whose key length the map stores negated
     * ({@link MapRecordDescriptor}); a dead record's value offset cannot be computed, so the
     * key length is the only thing to read.
     */
    public boolean isLive(long handle) {
        return map.keyLength(handle) >= 0;
    }

    /** Keys removed in this version, for the delta file. */
    java.util.List<byte[]> removedKeys() {
        return removedKeys;
    }

    /**
     * The handles of all entries now, in a list reused by the next call: iterate it while
     * removing entries, which {@link #forEach} does not allow.
     */
    public LongArrayList allHandles() {
        handles.clear();
        MapCursor c = map.cursor();
        while (c.next()) {
            handles.addLong(c.handle());
        }
        return handles;
    }

    /** Loads an entry from a checkpoint file (not marked updated). */
    void load(byte[] key, byte[] payload) {
        ensureScratch(STAMP + payload.length);
        scratch.putLong(0, 0L);
        scratch.putBytes(STAMP, payload);
        UnsafeBuffer k = new UnsafeBuffer(key);
        map.put(k, 0, key.length, scratch, 0, STAMP + payload.length);
    }

    void loadRemove(byte[] key) {
        map.remove(new UnsafeBuffer(key), 0, key.length);
    }

    private void ensureScratch(int n) {
        if (scratchBytes.length < n) {
            scratchBytes = new byte[Math.max(n, scratchBytes.length * 2)];
        }
        scratch.wrap(scratchBytes);
    }

    public MutableDirectBuffer buffer(long handle) {
        return map.buffer(handle);
    }

    public int payloadOffset(long handle) {
        return map.valueOffset(handle) + STAMP;
    }

    public int payloadLength(long handle) {
        return map.valueLength(handle) - STAMP;
    }

    public int keyOffset(long handle) {
        return map.keyOffset(handle);
    }

    public int keyLength(long handle) {
        return map.keyLength(handle);
    }

    /** Handles of the entries this version updated, in first-update order. */
    public LongArrayList updatedHandles() {
        return updated;
    }

    /** Visits every entry: key and payload ranges of one buffer. */
    public void forEach(PayloadVisitor visitor) {
        map.forEach((buf, ko, kl, vo, vl) -> visitor.visit(buf, ko, kl, vo + STAMP, vl - STAMP));
    }

    public int numKeys() {
        return map.size();
    }

    public long numRemoved() {
        return numRemoved;
    }

    public long memoryUsedBytes() {
        return map.memoryUsedBytes();
    }

    /** Reclaims the pages' garbage (removed and moved entries) once it is over half the memory; invalidates handles. */
    void compactIfWasteful() {
        if (map.wastedBytes() > map.memoryUsedBytes() / 2) {
            map.compact();
        }
    }

    void clear() {
        map.clear();
        updated.clear();
    }

    void close() {
        map.close();
    }

    /** Receives one entry during {@link #forEach}. */
    @FunctionalInterface
    public interface PayloadVisitor {
        void visit(DirectBuffer buffer, int keyOffset, int keyLength, int payloadOffset, int payloadLength);
    }
}

package io.tideway.offheap.map;

import static io.tideway.offheap.map.MapRecordDescriptor.NO_HANDLE;

import java.util.Arrays;

import org.agrona.DirectBuffer;

/**
 * The open-addressing index of a {@link BytesToBytesMap}: a power-of-two table of
 * {@code (handle, hash)} pairs interleaved in one {@code long[]} ({@code [2s]} = handle or
 * {@link MapRecordDescriptor#NO_HANDLE} when empty, {@code [2s + 1]} = hash), probed linearly.
 * It grows by doubling when more than half full; growing re-slots handles by their stored hash and
 * never touches the records. Removal shifts the rest of the probe run back, so there are no
 * tombstones and a probe stops at the first empty slot.
 *
 * <p>Not thread-safe: every field is owned by the map's task thread.
 */
final class HashIndex {
    /** 2^29 slots is a {@code long[2^30]}, 8 GiB: the largest table this index will build. */
    static final int MAX_CAPACITY = 1 << 29;

    private final RecordPages pages;
    private long[] table;
    private int mask;
    private int size;
    private int resizeThreshold;

    HashIndex(final RecordPages pages, final int initialCapacity) {
        this.pages = pages;
        allocate(initialCapacity);
    }

    private void allocate(final int capacity) {
        table = new long[capacity * 2];
        Arrays.fill(table, NO_HANDLE);
        mask = capacity - 1;
        resizeThreshold = capacity / 2;
    }

    /** Slot holding {@code key}, or {@code -(slot + 1)} for the empty slot where it would go. */
    int findSlot(final int hash, final DirectBuffer key, final int offset, final int length) {
        final long[] table = this.table;
        final int mask = this.mask;
        int slot = hash & mask;
        while (true) {
            final long handle = table[slot << 1];
            if (handle == NO_HANDLE) {
                return -(slot + 1);
            }
            if ((int) table[(slot << 1) + 1] == hash && pages.keyEquals(handle, key, offset, length)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Slot that points at {@code handle}, whose key hashes to {@code hash}; -1 if none does. */
    int slotOf(final long handle, final int hash) {
        int slot = hash & mask;
        while (true) {
            final long h = table[slot << 1];
            if (h == handle) {
                return slot;
            }
            if (h == NO_HANDLE) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    long handleAt(final int slot) {
        return table[slot << 1];
    }

    void setHandle(final int slot, final long handle) {
        table[slot << 1] = handle;
    }

    /** Fills an empty slot found by {@link #findSlot}; may grow, which moves entries between slots. */
    void insertAt(final int slot, final long handle, final int hash) {
        table[slot << 1] = handle;
        table[(slot << 1) + 1] = hash;
        if (++size > resizeThreshold) {
            grow();
        }
    }

    /** Adds an entry whose key is known to be absent. */
    void insertUnique(final long handle, final int hash) {
        int slot = hash & mask;
        while (table[slot << 1] != NO_HANDLE) {
            slot = (slot + 1) & mask;
        }
        insertAt(slot, handle, hash);
    }

    /** Empties {@code slot}, then pulls later entries of the same probe run back into the hole. */
    void removeAt(final int slot) {
        final long[] table = this.table;
        int hole = slot;
        int probe = slot;
        while (true) {
            probe = (probe + 1) & mask;
            final long handle = table[probe << 1];
            if (handle == NO_HANDLE) {
                break;
            }
            final int home = (int) table[(probe << 1) + 1] & mask;
            // The entry may move into the hole only if its home is not cyclically in (hole, probe].
            if (((probe - home) & mask) >= ((probe - hole) & mask)) {
                table[hole << 1] = handle;
                table[(hole << 1) + 1] = table[(probe << 1) + 1];
                hole = probe;
            }
        }
        table[hole << 1] = NO_HANDLE;
        size--;
    }

    private void grow() {
        final int capacity = mask + 1;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("BytesToBytesMap index is full: " + size
                + " entries exceed half of the largest index, " + MAX_CAPACITY + " slots");
        }
        final long[] old = table;
        allocate(capacity * 2);
        for (int i = 0; i < old.length; i += 2) {
            final long handle = old[i];
            if (handle != NO_HANDLE) {
                int slot = (int) old[i + 1] & mask;
                while (table[slot << 1] != NO_HANDLE) {
                    slot = (slot + 1) & mask;
                }
                table[slot << 1] = handle;
                table[(slot << 1) + 1] = old[i + 1];
            }
        }
    }

    int size() {
        return size;
    }

    int capacity() {
        return mask + 1;
    }

    long memoryBytes() {
        return (long) table.length * Long.BYTES;
    }

    void clear() {
        Arrays.fill(table, NO_HANDLE);
        size = 0;
    }
}

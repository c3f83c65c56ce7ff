package io.tideway.engine.exec;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * A task-local hash table from a byte string (or null) to a fixed number of payload words, for
 * partial aggregation: the key is hashed and compared where it lies in the caller's buffer, and
 * copied only when it is new. Open addressing, probed linearly, in a {@code long[]} whose slots
 * hold {@code (hash << 32) | recordOffset} (0 = empty), so a probe compares hashes before it
 * touches a key. Records are appended to one on-heap arena in insertion order:
 * <pre>
 *   +-----------------------+-----------------------+  recordOffset (8-aligned, never 0)
 *   | key length (-1: null) | hash                  |
 *   +-----------------------+-----------------------+  + 8
 *   | key bytes, zero-padded to a multiple of 8     |
 *   +-----------------------------------------------+  + 8 + align8(key length)
 *   | payload words (payloadLength bytes)           |
 *   +-----------------------------------------------+
 * </pre>
 * Keys are read and compared 8 bytes at a time (a key's last word overlaps the one before it
 * rather than reading past its end). The hash is this table's own, not the shuffle's
 * {@code Murmur3Hash}: nothing outside the task sees it.
 *
 * <p>Not thread-safe: one task thread owns it.
 */
final class ByteKeyTable {
    private static final int HEADER = 8;
    private static final int NULL_KEY = -1;
    private static final long M = 0x9E3779B97F4A7C15L;

    private final int payloadLength;
    private final UnsafeBuffer arena = new UnsafeBuffer(new byte[0]);
    private byte[] bytes = new byte[4096];
    private int limit = HEADER; // offset 0 is never a record, so a slot of 0 is empty
    private long[] slots = new long[256];
    /** Offset of the null key's record, or 0 while there is none. */
    private int nullRecord;
    private int size;

    ByteKeyTable(int payloadLength) {
        this.payloadLength = payloadLength;
        arena.wrap(bytes);
    }

    /** The hash this table probes by, over {@code buffer[offset, offset + length)}. */
    static int hash(DirectBuffer buffer, int offset, int length) {
        long h = length * M;
        int i = 0;
        for (; i + 8 < length; i += 8) {
            h = Long.rotateLeft((h ^ buffer.getLong(offset + i)) * M, 29);
        }
        h = (h ^ lastWord(buffer, offset, length)) * M;
        h ^= h >>> 32;
        h *= M;
        return (int) (h ^ (h >>> 29));
    }

    /**
     * The key's last (up to) 8 bytes as one word: for a key of 8 bytes or more, the 8 bytes that
     * end it (overlapping the previous word); for a shorter one, its bytes assembled from the
     * widest reads that stay inside it.
     */
    private static long lastWord(DirectBuffer b, int offset, int length) {
        if (length >= 8) {
            return b.getLong(offset + length - 8);
        }
        if (length >= 4) {
            return (b.getInt(offset) & 0xFFFF_FFFFL) | ((long) b.getInt(offset + length - 4) << 32);
        }
        long w = 0;
        for (int i = 0; i < length; i++) {
            w = (w << 8) | (b.getByte(offset + i) & 0xFF);
        }
        return w;
    }

    /**
     * Offset in {@link #buffer()} of the payload of {@code key} (hashed by {@link #hash}), the
     * record appended with {@code initial}'s words if absent. {@link #buffer()} is the same object
     * for the table's life, though its memory moves when the arena grows.
     */
    int upsert(DirectBuffer key, int offset, int length, int hash, DirectBuffer initial) {
        long[] table = slots;
        int mask = table.length - 1;
        int slot = hash & mask;
        long entry;
        while ((entry = table[slot]) != 0) {
            int at = (int) entry;
            if ((int) (entry >>> 32) == hash && keyEquals(at, key, offset, length)) {
                return at + HEADER + align8(length);
            }
            slot = (slot + 1) & mask;
        }
        int at = append(key, offset, length, hash, initial);
        table[slot] = ((long) hash << 32) | at;
        if (++size > table.length >>> 1) {
            grow();
        }
        return at + HEADER + align8(length);
    }

    /** Offset of the payload of the null key, its record appended with {@code initial}'s words if absent. */
    int upsertNull(DirectBuffer initial) {
        if (nullRecord == 0) {
            nullRecord = append(null, 0, NULL_KEY, 0, initial);
            size++;
        }
        return nullRecord + HEADER;
    }

    private boolean keyEquals(int at, DirectBuffer key, int offset, int length) {
        if (arena.getInt(at) != length) {
            return false;
        }
        int keyAt = at + HEADER;
        int i = 0;
        for (; i + 8 < length; i += 8) {
            if (arena.getLong(keyAt + i) != key.getLong(offset + i)) {
                return false;
            }
        }
        return lastWord(arena, keyAt, length) == lastWord(key, offset, length);
    }

    private int append(DirectBuffer key, int offset, int length, int hash, DirectBuffer initial) {
        int keyBytes = length < 0 ? 0 : align8(length);
        int at = limit;
        long end = (long) at + HEADER + keyBytes + payloadLength;
        if (end > bytes.length) {
            if (end > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("partial aggregation table cannot grow past 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(end, 2L * bytes.length)));
            arena.wrap(bytes);
        }
        arena.putInt(at, length);
        arena.putInt(at + 4, hash);
        if (keyBytes > 0) {
            arena.putLong(at + HEADER + keyBytes - 8, 0L); // zero the padding
            arena.putBytes(at + HEADER, key, offset, length);
        }
        arena.putBytes(at + HEADER + keyBytes, initial, 0, payloadLength);
        limit = (int) end;
        return at;
    }

    private void grow() {
        long[] old = slots;
        long[] table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = entry;
            }
        }
        slots = table;
    }

    private static int align8(int n) {
        return (n + 7) & ~7;
    }

    /** The arena the payload offsets point into: one flyweight, rewrapped when the arena grows. */
    UnsafeBuffer buffer() {
        return arena;
    }

    int size() {
        return size;
    }

    /** Bytes the records take. */
    int arenaBytes() {
        return limit;
    }

    /** Receives one record during {@link #forEach}. */
    @FunctionalInterface
    interface RecordVisitor {
        /** {@code keyLength} is -1 for the null key. */
        void visit(UnsafeBuffer buffer, int keyOffset, int keyLength, int payloadOffset);
    }

    /** Visits every record in insertion order. */
    void forEach(RecordVisitor visitor) {
        int at = HEADER;
        while (at < limit) {
            int length = arena.getInt(at);
            int keyBytes = length < 0 ? 0 : align8(length);
            visitor.visit(arena, at + HEADER, length, at + HEADER + keyBytes);
            at += HEADER + keyBytes + payloadLength;
        }
    }

    /** Forgets every record, keeping the memory. */
    void clear() {
        Arrays.fill(slots, 0L);
        limit = HEADER;
        size = 0;
        nullRecord = 0;
    }
}

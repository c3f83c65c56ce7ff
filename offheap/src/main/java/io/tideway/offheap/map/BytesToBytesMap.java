package io.tideway.offheap.map;

import static io.tideway.offheap.map.MapRecordDescriptor.HASH_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.KEY_LENGTH_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.KEY_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.NO_HANDLE;
import static io.tideway.offheap.map.MapRecordDescriptor.VALUE_CAPACITY_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.VALUE_LENGTH_OFFSET;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Off-heap hash map from variable-length key bytes to variable-length value bytes: the core of
 * the state store behind streaming aggregation, where keys and values are binary rows.
 *
 * <p>Records ({@link MapRecordDescriptor}) are appended to off-heap pages ({@code pageSize}
 * bytes each, default 1 MiB; a larger record gets a page of its own). A {@link HashIndex} of
 * {@code (handle, hash)} pairs, probed linearly, finds them; it doubles past load factor 0.5
 * without copying records, and removal uses backward-shift deletion. Keys hash with
 * {@link Murmur3Hash}, which callers can use to partition by the same function.
 *
 * <p>Lookups return a {@code long} handle ({@link MapRecordDescriptor#NO_HANDLE} = absent).
 * With it a caller updates a fixed-width aggregate in place, allocation-free:
 * <pre>{@code
 * long h = map.findOrInsert(key, 0, keyLen, zeros, 0, 16);
 * UnsafeBuffer b = map.buffer(h);
 * b.putLong(map.valueOffset(h) + 8, b.getLong(map.valueOffset(h) + 8) + 1);
 * }</pre>
 * Removed records, and values that {@link #replaceValue} had to move, leave garbage in the pages
 * ({@link #wastedBytes()}); {@link #compact()} reclaims it. No method allocates in steady state,
 * except when the index or the page list grows.
 *
 * <p><b>Threading:</b> not thread-safe. One task thread owns the map and every object it hands
 * out (buffers, cursors); hand-over to another thread needs a happens-before edge such as a
 * mailbox. Buffers from {@link #buffer(long)} must not be used after {@link #close()}.
 */
public final class BytesToBytesMap implements AutoCloseable {
    public static final int DEFAULT_PAGE_SIZE = 1 << 20;
    public static final int DEFAULT_INITIAL_CAPACITY = 64;
    /** Smallest page: anything below would put almost every record on a page of its own. */
    public static final int MIN_PAGE_SIZE = 64;

    private final int pageSize;
    private final int initialCapacity;
    private final MapCursor cursor;
    private RecordPages pages;
    private HashIndex index;

    public BytesToBytesMap() {
        this(DEFAULT_INITIAL_CAPACITY, DEFAULT_PAGE_SIZE);
    }

    /**
     * @param initialCapacity index slots to start with; rounded up to a power of two, at least 2
     * @param pageSize bytes per page, a multiple of 8 and at least {@link #MIN_PAGE_SIZE}
     */
    public BytesToBytesMap(final int initialCapacity, final int pageSize) {
        if (initialCapacity < 1 || initialCapacity > HashIndex.MAX_CAPACITY) {
            throw new IllegalArgumentException("initialCapacity=" + initialCapacity
                + " must be in [1, " + HashIndex.MAX_CAPACITY + "]");
        }
        if (pageSize < MIN_PAGE_SIZE || (pageSize & 7) != 0) {
            throw new IllegalArgumentException("pageSize=" + pageSize
                + " must be a multiple of 8 and at least " + MIN_PAGE_SIZE);
        }
        this.pageSize = pageSize;
        this.initialCapacity = Math.max(2, BitUtil.findNextPositivePowerOfTwo(initialCapacity));
        this.pages = new RecordPages(pageSize);
        this.index = new HashIndex(pages, this.initialCapacity);
        this.cursor = new MapCursor(this);
    }

    /** The hash this map indexes by; the same as {@link Murmur3Hash#hash(DirectBuffer, int, int)}. */
    public int hash(final DirectBuffer buffer, final int offset, final int length) {
        return Murmur3Hash.hash(buffer, offset, length);
    }

    /** Handle of the entry for {@code key}, or {@link MapRecordDescriptor#NO_HANDLE}. */
    public long find(final DirectBuffer key, final int offset, final int length) {
        final int slot = index.findSlot(Murmur3Hash.hash(key, offset, length), key, offset, length);
        return slot >= 0 ? index.handleAt(slot) : NO_HANDLE;
    }

    /** Adds an entry for an absent key; returns its handle, or {@code NO_HANDLE} if the key is present. */
    public long insert(final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength) {
        final int hash = Murmur3Hash.hash(key, keyOffset, keyLength);
        final int slot = index.findSlot(hash, key, keyOffset, keyLength);
        return slot >= 0 ? NO_HANDLE : add(-(slot + 1), hash, key, keyOffset, keyLength, value, valueOffset, valueLength);
    }

    /** Insert-or-replace; returns the entry's handle (see {@link #replaceValue}). */
    public long put(final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength) {
        final int hash = Murmur3Hash.hash(key, keyOffset, keyLength);
        final int slot = index.findSlot(hash, key, keyOffset, keyLength);
        if (slot >= 0) {
            return replaceValue(index.handleAt(slot), value, valueOffset, valueLength);
        }
        return add(-(slot + 1), hash, key, keyOffset, keyLength, value, valueOffset, valueLength);
    }

    /** Handle of the entry for {@code key}, inserted with {@code initialValue} first if absent: one probe. */
    public long findOrInsert(final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer initialValue, final int valueOffset, final int valueLength) {
        final int hash = Murmur3Hash.hash(key, keyOffset, keyLength);
        final int slot = index.findSlot(hash, key, keyOffset, keyLength);
        if (slot >= 0) {
            return index.handleAt(slot);
        }
        return add(-(slot + 1), hash, key, keyOffset, keyLength, initialValue, valueOffset, valueLength);
    }

    private long add(final int emptySlot, final int hash, final DirectBuffer key, final int keyOffset,
        final int keyLength, final DirectBuffer value, final int valueOffset, final int valueLength) {
        if ((keyLength | valueLength) < 0) {
            throw new IllegalArgumentException("keyLength=" + keyLength + " valueLength=" + valueLength
                + " must not be negative");
        }
        final long handle = pages.append(hash, key, keyOffset, keyLength, value, valueOffset, valueLength,
            MapRecordDescriptor.align8(valueLength));
        index.insertAt(emptySlot, handle, hash);
        return handle;
    }

    /**
     * Sets the value of the entry at {@code handle}. A value that fits the record's capacity is
     * written in place and the same handle returned; a larger one is appended as a new record,
     * the index repointed, the old record counted in {@link #wastedBytes()}, and the new handle
     * returned (the old one is then invalid).
     */
    public long replaceValue(final long handle, final DirectBuffer value, final int offset, final int length) {
        final UnsafeBuffer page = pages.page(handle);
        final int at = MapRecordDescriptor.recordOffset(handle);
        final int keyLength = page.getInt(at + KEY_LENGTH_OFFSET);
        if (length >= 0 && length <= page.getInt(at + VALUE_CAPACITY_OFFSET)) {
            page.putBytes(at + MapRecordDescriptor.valueOffset(keyLength), value, offset, length);
            page.putInt(at + VALUE_LENGTH_OFFSET, length);
            return handle;
        }
        if (length < 0) {
            throw new IllegalArgumentException("valueLength=" + length + " must not be negative");
        }
        final int hash = page.getInt(at + HASH_OFFSET);
        final int slot = index.slotOf(handle, hash);
        if (slot < 0) {
            throw new IllegalArgumentException("handle=0x" + Long.toHexString(handle) + " names no live entry");
        }
        final long moved = pages.append(hash, page, at + KEY_OFFSET, keyLength, value, offset, length,
            MapRecordDescriptor.align8(length));
        index.setHandle(slot, moved);
        pages.kill(handle);
        return moved;
    }

    /** Removes the entry for {@code key}; false if there was none. */
    public boolean remove(final DirectBuffer key, final int offset, final int length) {
        final int slot = index.findSlot(Murmur3Hash.hash(key, offset, length), key, offset, length);
        if (slot < 0) {
            return false;
        }
        final long handle = index.handleAt(slot);
        index.removeAt(slot);
        pages.kill(handle);
        return true;
    }

    /** The page holding the entry; key and value bytes are at {@link #keyOffset} and {@link #valueOffset}. */
    public UnsafeBuffer buffer(final long handle) {
        return pages.page(handle);
    }

    public int keyOffset(final long handle) {
        return MapRecordDescriptor.recordOffset(handle) + KEY_OFFSET;
    }

    public int keyLength(final long handle) {
        return pages.page(handle).getInt(MapRecordDescriptor.recordOffset(handle) + KEY_LENGTH_OFFSET);
    }

    /** Offset of the value in {@link #buffer(long)}; always 8-aligned relative to the page start. */
    public int valueOffset(final long handle) {
        final int at = MapRecordDescriptor.recordOffset(handle);
        return at + MapRecordDescriptor.valueOffset(pages.page(handle).getInt(at + KEY_LENGTH_OFFSET));
    }

    public int valueLength(final long handle) {
        return pages.page(handle).getInt(MapRecordDescriptor.recordOffset(handle) + VALUE_LENGTH_OFFSET);
    }

    /** Bytes the value may grow to in place. */
    public int valueCapacity(final long handle) {
        return pages.page(handle).getInt(MapRecordDescriptor.recordOffset(handle) + VALUE_CAPACITY_OFFSET);
    }

    /** Visits every live entry in page order; see {@link MapCursor} for what the visitor may change. */
    public void forEach(final EntryVisitor visitor) {
        final RecordPages pages = this.pages;
        for (int p = 0; p < pages.pageCount(); p++) {
            final UnsafeBuffer page = pages.pageAt(p);
            int at = 0;
            while (at < pages.limit(p)) {
                final int keyField = page.getInt(at + KEY_LENGTH_OFFSET);
                final int keyLength = MapRecordDescriptor.keyLength(keyField);
                final int next = at + (int) MapRecordDescriptor.recordLength(
                    keyLength, page.getInt(at + VALUE_CAPACITY_OFFSET));
                if (!MapRecordDescriptor.isDead(keyField)) {
                    visitor.visit(page, at + KEY_OFFSET, keyLength,
                        at + MapRecordDescriptor.valueOffset(keyLength), page.getInt(at + VALUE_LENGTH_OFFSET));
                }
                at = next;
            }
        }
    }

    /** The map's own cursor, rewound. For two iterations at once, construct another {@link MapCursor}. */
    public MapCursor cursor() {
        return cursor.reset();
    }

    public int size() {
        return index.size();
    }

    public boolean isEmpty() {
        return index.size() == 0;
    }

    /** Off-heap page bytes (in use and spare) plus the on-heap index table; 0 once closed. */
    public long memoryUsedBytes() {
        return pages.isClosed() ? 0 : pages.allocatedBytes() + index.memoryBytes();
    }

    /** Bytes held by dead records: removed entries and values relocated by {@link #replaceValue}. */
    public long wastedBytes() {
        return pages.wastedBytes();
    }

    public int pageSize() {
        return pageSize;
    }

    /** Drops every entry and keeps the index and regular pages for reuse; handles become invalid. */
    public void clear() {
        checkOpen();
        index.clear();
        pages.clear();
    }

    /**
     * Copies the live records into fresh pages, frees the old ones and rebuilds the index at the
     * smallest capacity that holds the entries. Values shrink to their length rounded up to 8.
     * Every handle becomes invalid. Briefly needs memory for both copies.
     */
    public void compact() {
        checkOpen();
        final RecordPages fresh = new RecordPages(pageSize);
        final HashIndex rebuilt = new HashIndex(fresh, capacityFor(index.size()));
        final RecordPages old = pages;
        for (int p = 0; p < old.pageCount(); p++) {
            final UnsafeBuffer page = old.pageAt(p);
            int at = 0;
            while (at < old.limit(p)) {
                final int keyField = page.getInt(at + KEY_LENGTH_OFFSET);
                final int keyLength = MapRecordDescriptor.keyLength(keyField);
                if (!MapRecordDescriptor.isDead(keyField)) {
                    final int hash = page.getInt(at + HASH_OFFSET);
                    final int valueLength = page.getInt(at + VALUE_LENGTH_OFFSET);
                    rebuilt.insertUnique(fresh.append(hash, page, at + KEY_OFFSET, keyLength, page,
                        at + MapRecordDescriptor.valueOffset(keyLength), valueLength,
                        MapRecordDescriptor.align8(valueLength)), hash);
                }
                at += (int) MapRecordDescriptor.recordLength(keyLength, page.getInt(at + VALUE_CAPACITY_OFFSET));
            }
        }
        pages = fresh;
        index = rebuilt;
        old.close();
        cursor.reset();
    }

    private int capacityFor(final int entries) {
        int capacity = initialCapacity;
        while (capacity / 2 < entries + 1 && capacity < HashIndex.MAX_CAPACITY) {
            capacity <<= 1;
        }
        return capacity;
    }

    /** Frees all off-heap memory. Idempotent; afterwards lookups miss and inserts throw. */
    @Override
    public void close() {
        if (pages.isClosed()) {
            return;
        }
        pages.close();
        index = new HashIndex(pages, 2);
        cursor.reset();
    }

    public boolean isClosed() {
        return pages.isClosed();
    }

    /** Current index slots, for tests that force collisions in a table of known size. */
    int indexCapacity() {
        return index.capacity();
    }

    RecordPages pages() {
        return pages;
    }

    private void checkOpen() {
        if (pages.isClosed()) {
            throw new IllegalStateException("BytesToBytesMap is closed");
        }
    }
}

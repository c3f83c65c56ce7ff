package io.tideway.offheap.map;

import static io.tideway.offheap.map.MapRecordDescriptor.HASH_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.KEY_LENGTH_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.KEY_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.VALUE_CAPACITY_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.VALUE_LENGTH_OFFSET;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The off-heap pages that hold {@link BytesToBytesMap} records, laid out as
 * {@link MapRecordDescriptor} says. Records are only appended; a record that does not fit the
 * current page opens a new one, and a record larger than the page size gets a page of its own.
 * {@link #clear()} keeps regular pages as spares for reuse and frees oversized ones.
 *
 * <p>Not thread-safe: every field is owned by the map's task thread.
 */
final class RecordPages {
    private static final UnsafeBuffer[] NO_PAGES = new UnsafeBuffer[0];
    private static final byte[] FREED = new byte[0];

    private final int pageSize;
    private UnsafeBuffer[] pages = new UnsafeBuffer[8];
    private int[] limits = new int[8];
    private int pageCount;
    private UnsafeBuffer[] spares = NO_PAGES;
    private int spareCount;
    private long allocatedBytes;
    private long wastedBytes;
    private boolean closed;

    RecordPages(final int pageSize) {
        this.pageSize = pageSize;
    }

    UnsafeBuffer page(final long handle) {
        return pages[MapRecordDescriptor.pageIndex(handle)];
    }

    /** Appends a live record and returns its handle; {@code valueLength <= valueCapacity}. */
    long append(final int hash, final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength, final int valueCapacity) {
        final long length = MapRecordDescriptor.recordLength(keyLength, valueCapacity);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("record of keyLength=" + keyLength + " valueCapacity="
                + valueCapacity + " exceeds the largest page, " + (Integer.MAX_VALUE - 8) + " bytes");
        }
        final int recordLength = (int) length;
        int index = pageCount - 1;
        if (index < 0 || limits[index] + recordLength > pages[index].capacity()) {
            index = openPage(recordLength);
        }
        final UnsafeBuffer page = pages[index];
        final int at = limits[index];
        page.putInt(at + KEY_LENGTH_OFFSET, keyLength);
        page.putInt(at + VALUE_LENGTH_OFFSET, valueLength);
        page.putInt(at + VALUE_CAPACITY_OFFSET, valueCapacity);
        page.putInt(at + HASH_OFFSET, hash);
        page.putBytes(at + KEY_OFFSET, key, keyOffset, keyLength);
        final int valueAt = at + MapRecordDescriptor.valueOffset(keyLength);
        page.setMemory(at + KEY_OFFSET + keyLength, valueAt - (at + KEY_OFFSET + keyLength), (byte) 0);
        page.putBytes(valueAt, value, valueOffset, valueLength);
        // Zeroed padding keeps page bytes deterministic, so a page can be snapshotted as is.
        page.setMemory(valueAt + valueLength, valueCapacity - valueLength, (byte) 0);
        limits[index] = at + recordLength;
        return MapRecordDescriptor.handle(index, at);
    }

    private int openPage(final int recordLength) {
        if (closed) {
            throw new IllegalStateException("BytesToBytesMap is closed");
        }
        final UnsafeBuffer page;
        if (recordLength > pageSize) {
            page = allocate(recordLength);
        } else if (spareCount > 0) {
            page = spares[--spareCount];
            spares[spareCount] = null;
        } else {
            page = allocate(pageSize);
        }
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
            limits = Arrays.copyOf(limits, pageCount * 2);
        }
        pages[pageCount] = page;
        limits[pageCount] = 0;
        return pageCount++;
    }

    private UnsafeBuffer allocate(final int bytes) {
        allocatedBytes += bytes;
        return new UnsafeBuffer(ByteBuffer.allocateDirect(bytes));
    }

    /** Marks the record dead and counts its bytes as garbage. */
    void kill(final long handle) {
        final UnsafeBuffer page = page(handle);
        final int at = MapRecordDescriptor.recordOffset(handle);
        final int keyLength = page.getInt(at + KEY_LENGTH_OFFSET);
        page.putInt(at + KEY_LENGTH_OFFSET, ~keyLength);
        wastedBytes += MapRecordDescriptor.recordLength(keyLength, page.getInt(at + VALUE_CAPACITY_OFFSET));
    }

    /** Compares the record's key with {@code key[offset, offset + length)}, a word at a time. */
    boolean keyEquals(final long handle, final DirectBuffer key, final int offset, final int length) {
        final UnsafeBuffer page = page(handle);
        final int at = MapRecordDescriptor.recordOffset(handle);
        if (page.getInt(at + KEY_LENGTH_OFFSET) != length) {
            return false;
        }
        final int keyAt = at + KEY_OFFSET;
        final int words = length & ~7;
        int i = 0;
        for (; i < words; i += 8) {
            if (page.getLong(keyAt + i) != key.getLong(offset + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (page.getByte(keyAt + i) != key.getByte(offset + i)) {
                return false;
            }
        }
        return true;
    }

    int pageCount() {
        return pageCount;
    }

    UnsafeBuffer pageAt(final int index) {
        return pages[index];
    }

    int limit(final int index) {
        return limits[index];
    }

    long allocatedBytes() {
        return allocatedBytes;
    }

    long wastedBytes() {
        return wastedBytes;
    }

    /** Forgets every record; regular pages become spares, oversized pages are freed. */
    void clear() {
        for (int i = 0; i < pageCount; i++) {
            final UnsafeBuffer page = pages[i];
            pages[i] = null;
            if (page.capacity() == pageSize) {
                if (spareCount == spares.length) {
                    spares = Arrays.copyOf(spares, Math.max(8, spareCount * 2));
                }
                spares[spareCount++] = page;
            } else {
                free(page);
            }
        }
        pageCount = 0;
        wastedBytes = 0;
    }

    /** Frees every page; later appends throw. Idempotent. */
    void close() {
        if (closed) {
            return;
        }
        clear();
        for (int i = 0; i < spareCount; i++) {
            free(spares[i]);
            spares[i] = null;
        }
        spareCount = 0;
        closed = true;
    }

    /** Rewraps the flyweight over an empty array first, so a stale reference fails a bounds check. */
    private void free(final UnsafeBuffer page) {
        final ByteBuffer memory = page.byteBuffer();
        allocatedBytes -= page.capacity();
        page.wrap(FREED);
        BufferUtil.free(memory);
    }

    boolean isClosed() {
        return closed;
    }
}

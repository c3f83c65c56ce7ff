package io.tideway.offheap.map;

import static io.tideway.offheap.map.MapRecordDescriptor.KEY_LENGTH_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.KEY_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.NO_HANDLE;
import static io.tideway.offheap.map.MapRecordDescriptor.VALUE_CAPACITY_OFFSET;
import static io.tideway.offheap.map.MapRecordDescriptor.VALUE_LENGTH_OFFSET;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Pull-style, allocation-free iteration over the live entries of a {@link BytesToBytesMap}, in
 * page order (insertion order, except that a relocated value moves to the end). A flyweight:
 * after {@link #next()} returns true, the accessors describe the current entry.
 *
 * <p>While a cursor is open, the owner may update values in place, call
 * {@link BytesToBytesMap#replaceValue} and remove the current entry (for instance by passing
 * {@link #buffer()}, {@link #keyOffset()} and {@link #keyLength()} to
 * {@link BytesToBytesMap#remove}); an entry inserted during iteration, or whose value
 * {@code replaceValue} relocated, may be visited (again) when the cursor reaches the end of the pages. {@code clear}, {@code compact} and {@code close} invalidate the cursor: call
 * {@link #reset()} before using it again.
 *
 * <p>Not thread-safe: task thread only, like its map.
 */
public final class MapCursor {
    private final BytesToBytesMap map;
    private RecordPages pages;
    private int pageIndex;
    private int offset;
    private int nextOffset;
    private UnsafeBuffer page;
    private long handle = NO_HANDLE;

    public MapCursor(final BytesToBytesMap map) {
        this.map = map;
        reset();
    }

    /** Rewinds to before the first entry. */
    public MapCursor reset() {
        pages = map.pages();
        pageIndex = 0;
        nextOffset = 0;
        page = null;
        handle = NO_HANDLE;
        return this;
    }

    /** Advances to the next live entry; false when there is none. */
    public boolean next() {
        while (pageIndex < pages.pageCount()) {
            final UnsafeBuffer current = pages.pageAt(pageIndex);
            final int limit = pages.limit(pageIndex);
            while (nextOffset < limit) {
                final int at = nextOffset;
                final int keyField = current.getInt(at + KEY_LENGTH_OFFSET);
                final int keyLength = MapRecordDescriptor.keyLength(keyField);
                nextOffset = at + (int) MapRecordDescriptor.recordLength(
                    keyLength, current.getInt(at + VALUE_CAPACITY_OFFSET));
                if (!MapRecordDescriptor.isDead(keyField)) {
                    page = current;
                    offset = at;
                    handle = MapRecordDescriptor.handle(pageIndex, at);
                    return true;
                }
            }
            pageIndex++;
            nextOffset = 0;
        }
        page = null;
        handle = NO_HANDLE;
        return false;
    }

    /** Handle of the current entry, usable with the map's accessors. */
    public long handle() {
        return handle;
    }

    /** The page holding the current entry; its value may be updated in place. */
    public UnsafeBuffer buffer() {
        return page;
    }

    public int keyOffset() {
        return offset + KEY_OFFSET;
    }

    public int keyLength() {
        return MapRecordDescriptor.keyLength(page.getInt(offset + KEY_LENGTH_OFFSET));
    }

    public int valueOffset() {
        return offset + MapRecordDescriptor.valueOffset(keyLength());
    }

    public int valueLength() {
        return page.getInt(offset + VALUE_LENGTH_OFFSET);
    }
}

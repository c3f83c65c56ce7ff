package io.tideway.engine.source.file;

import io.tideway.offheap.row.RowWriter;

/**
 * Turns one text record (a line, or a whole file) into binary rows of the source's schema: one,
 * or several when the record holds several (a JSON array of objects), the rest given by
 * {@link #more} while {@link #hasMore}. Created per reader, so an implementation may keep scratch
 * state. Owned by one worker thread.
 */
interface RecordParser {
    /**
     * Writes {@code record} into {@code row} (already wrapped).
     *
     * @return false to drop the record (DROPMALFORMED)
     * @throws BadRecordException when the record is malformed in FAILFAST mode
     */
    boolean parse(String record, RowWriter row);

    /** Whether the last record has rows not yet written. */
    default boolean hasMore() {
        return false;
    }

    /** Writes the last record's next row, as {@link #parse} does; called only while {@link #hasMore}. */
    default boolean more(RowWriter row) {
        throw new IllegalStateException("no more rows");
    }
}

package io.tideway.engine.source.file;

import io.tideway.offheap.row.RowWriter;

/**
 * Turns one text record (a line, or a whole file) into one binary row of the source's schema.
 * Created per reader, so an implementation may keep scratch state. Owned by one worker thread.
 */
interface RecordParser {
    /**
     * Writes {@code record} into {@code row} (already wrapped).
     *
     * @return false to drop the record (DROPMALFORMED)
     * @throws BadRecordException when the record is malformed in FAILFAST mode
     */
    boolean parse(String record, RowWriter row);
}

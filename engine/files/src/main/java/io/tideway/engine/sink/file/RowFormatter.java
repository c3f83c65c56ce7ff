package io.tideway.engine.sink.file;

import io.tideway.offheap.row.RowReader;

import java.io.IOException;

/** Writes binary rows as text lines into one open file. Owned by one partition writer. */
interface RowFormatter {
    void write(RowReader row) throws IOException;

    /** Flushes buffered text; the caller closes the underlying writer. */
    void flush() throws IOException;
}

package io.tideway.engine.exec;

import io.tideway.offheap.row.RowWriter;
import io.tideway.offheap.row.GrowableBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** A reusable off-heap buffer and writer for the one output row an operator builds at a time. */
final class RowScratch {
    private final GrowableBuffer memory = new GrowableBuffer(256);
    final UnsafeBuffer buffer = memory.buffer();
    final RowWriter writer;

    RowScratch(int numFields) {
        writer = new RowWriter(numFields);
    }

    RowWriter begin() {
        return writer.wrap(buffer, 0, memory);
    }
}

package io.tideway.engine.exec;

import io.tideway.offheap.row.RowWriter;
import org.agrona.ExpandableDirectByteBuffer;

/** A reusable off-heap buffer and writer for the one output row an operator builds at a time. */
final class RowScratch {
    final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(256);
    final RowWriter writer;

    RowScratch(int numFields) {
        writer = new RowWriter(numFields);
    }

    RowWriter begin() {
        return writer.wrap(buffer, 0);
    }
}

package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.CommitMessage;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowDescriptor;

/**
 * One micro-batch partition's rows, held off-heap until the sink's commit appends them. Layout,
 * each entry 8-aligned:
 * <pre>
 *  | int rowLength | int 0 | row bytes (RowDescriptor format), padded to 8 | next entry ...
 * </pre>
 * Threading: filled by one worker thread, then handed (with the commit message, which the
 * executor publishes) to the query thread, which reads and frees it.
 */
final class BufferedRows implements CommitMessage, AutoCloseable {
    static final int HEADER = 8;

    private final GrowableBuffer buffer = new GrowableBuffer(4096);
    private int end;
    private long rows;

    void add(org.agrona.DirectBuffer src, int offset, int length) {
        buffer.ensureCapacity(end + HEADER + RowDescriptor.align8(length));
        buffer.buffer().putInt(end, length);
        buffer.buffer().putInt(end + 4, 0);
        buffer.buffer().putBytes(end + HEADER, src, offset, length);
        end += HEADER + RowDescriptor.align8(length);
        rows++;
    }

    long rows() {
        return rows;
    }

    void forEach(RowConsumer consumer) {
        for (int at = 0; at < end; ) {
            int length = buffer.buffer().getInt(at);
            consumer.accept(buffer.buffer(), at + HEADER, length);
            at += HEADER + RowDescriptor.align8(length);
        }
    }

    @Override
    public void close() {
        buffer.close();
    }
}

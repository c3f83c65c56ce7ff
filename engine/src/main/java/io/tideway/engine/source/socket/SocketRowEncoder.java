package io.tideway.engine.source.socket;

import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;

/**
 * Writes one socket line as a row {@code (value[, timestamp])} into one reused off-heap buffer
 * and hands it on; shared by the micro-batch and continuous readers. Non-ASCII lines are encoded
 * through a temporary byte array (a testing source; see {@link RowWriter#putString}).
 *
 * <p>Threading: owned by its reader's thread.
 */
final class SocketRowEncoder implements AutoCloseable {
    private final boolean includeTimestamp;
    private final RowWriter writer;
    private final GrowableBuffer scratch = new GrowableBuffer(256);

    SocketRowEncoder(boolean includeTimestamp) {
        this.includeTimestamp = includeTimestamp;
        this.writer = new RowWriter(includeTimestamp ? 2 : 1);
    }

    void emit(RowConsumer out, String line, long receivedMicros) {
        writer.wrap(scratch.buffer(), 0, scratch);
        writer.putString(0, line);
        if (includeTimestamp) {
            writer.putLong(1, receivedMicros);
        }
        out.accept(scratch.buffer(), 0, writer.finish());
    }

    @Override
    public void close() {
        scratch.close();
    }
}

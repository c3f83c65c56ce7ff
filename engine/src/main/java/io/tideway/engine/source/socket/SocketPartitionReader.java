package io.tideway.engine.source.socket;

import io.tideway.engine.spi.PartitionReader;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.offheap.row.GrowableBuffer;

/**
 * Emits a {@link SocketInputPartition}'s lines as rows {@code (value[, timestamp])} through one
 * reused off-heap buffer. Non-ASCII lines are encoded through a temporary byte array (a testing
 * source; see {@link RowWriter#putString}).
 *
 * <p>Threading: owned by one worker thread.
 */
final class SocketPartitionReader implements PartitionReader {
    private final SocketLineBuffer.Slice slice;
    private final boolean includeTimestamp;
    private final RowWriter writer;
    private final GrowableBuffer scratch = new GrowableBuffer(256);
    /** Index of the next line to emit. Worker thread only. */
    private int next;

    SocketPartitionReader(SocketInputPartition partition, boolean includeTimestamp) {
        this.slice = partition.slice();
        this.includeTimestamp = includeTimestamp;
        this.writer = new RowWriter(includeTimestamp ? 2 : 1);
    }

    @Override
    public int read(RowConsumer out, int maxRows) {
        if (next == slice.size()) {
            return -1;
        }
        int emitted = 0;
        while (emitted < maxRows && next < slice.size()) {
            writer.wrap(scratch.buffer(), 0, scratch);
            writer.putString(0, slice.lines()[next]);
            if (includeTimestamp) {
                writer.putLong(1, slice.receivedMicros()[next]);
            }
            out.accept(scratch.buffer(), 0, writer.finish());
            next++;
            emitted++;
        }
        return emitted;
    }
}

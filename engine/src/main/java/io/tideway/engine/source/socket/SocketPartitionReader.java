package io.tideway.engine.source.socket;

import io.tideway.engine.spi.PartitionReader;
import io.tideway.offheap.row.RowConsumer;

/**
 * Emits a {@link SocketInputPartition}'s lines as rows {@code (value[, timestamp])} through a
 * {@link SocketRowEncoder}.
 *
 * <p>Threading: owned by one worker thread.
 */
final class SocketPartitionReader implements PartitionReader {
    private final SocketLineBuffer.Slice slice;
    private final SocketRowEncoder encoder;
    /** Index of the next line to emit. Worker thread only. */
    private int next;

    SocketPartitionReader(SocketInputPartition partition, boolean includeTimestamp) {
        this.slice = partition.slice();
        this.encoder = new SocketRowEncoder(includeTimestamp);
    }

    @Override
    public int read(RowConsumer out, int maxRows) {
        if (next == slice.size()) {
            return -1;
        }
        int emitted = 0;
        while (emitted < maxRows && next < slice.size()) {
            encoder.emit(out, slice.lines()[next], slice.receivedMicros()[next]);
            next++;
            emitted++;
        }
        return emitted;
    }

    @Override
    public void close() {
        encoder.close();
    }
}

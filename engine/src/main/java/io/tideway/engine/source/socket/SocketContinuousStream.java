package io.tideway.engine.source.socket;

import io.tideway.engine.source.PartitionOffsetsJson;
import io.tideway.engine.source.RowCountPartitionOffset;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.offheap.row.RowConsumer;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code socket} source in continuous mode (Spark's {@code TextSocketContinuousStream}, with
 * one partition): the receiver thread buffers lines as in micro-batch mode and the reader emits
 * those after its offset, a line count stored as {@code {"0":n}} (a micro-batch offset, a bare
 * line count, and Spark's {@code [n]} are accepted too).
 *
 * <p>Not fault-tolerant: a restart gets a new connection whose first line continues the count
 * after the start offset; lines the old connection received and did not commit are lost.
 * Committed lines are dropped from the buffer.
 *
 * <p>Threading: planning methods and {@link #stop()} on the query thread, {@link #commit} on the
 * coordinator thread; the receiver thread writes only the {@link SocketLineBuffer}; the reader
 * reads it lock-free when idle and under its lock once per poll with lines.
 */
final class SocketContinuousStream implements ContinuousStream {
    private static final Logger LOG = LoggerFactory.getLogger(SocketContinuousStream.class);
    /** Lines copied out of the buffer per lock acquisition. */
    static final int COPY_BATCH = 256;

    private final SocketSourceOptions options;
    private final SocketLineBuffer buffer = new SocketLineBuffer();
    private final SocketReceiver receiver;
    /** Offset just before this connection's first line, fixed by the reader's start offset; written by the query thread, read by the coordinator. */
    private volatile long base = -1;

    SocketContinuousStream(SocketSourceOptions options) {
        this.options = options;
        this.receiver = SocketReceiver.start(options.host(), options.port(), buffer);
    }

    @Override
    public String description() {
        return "TextSocketV2[host: " + options.host() + ", port: " + options.port() + "]";
    }

    @Override
    public int numPartitions() {
        return 1;
    }

    @Override
    public List<PartitionOffset> initialOffsets() {
        return List.of(new RowCountPartitionOffset(0));
    }

    @Override
    public List<PartitionOffset> deserializeOffsets(String json) {
        return List.of(new RowCountPartitionOffset(SocketOffsetJson.lineCount(json)));
    }

    @Override
    public String serializeOffsets(List<PartitionOffset> offsets) {
        return PartitionOffsetsJson.serialize(offsets);
    }

    /** The one reader of this connection; its start offset numbers the connection's lines. */
    @Override
    public ContinuousPartitionReader createReader(int partition, PartitionOffset start) {
        if (partition != 0) {
            throw new IllegalArgumentException("Partition " + partition + " is out of range: the socket source has 1 partition");
        }
        if (!(start instanceof RowCountPartitionOffset count)) {
            throw new IllegalArgumentException("The socket source's continuous offsets are line counts but got "
                    + (start == null ? "null" : start.getClass().getSimpleName() + " " + start.json()));
        }
        if (base >= 0) {
            throw new IllegalStateException("The socket source reads one connection once; it has a reader already");
        }
        base = count.count();
        if (count.count() > 0) {
            LOG.warn("Resuming after line {} on a new connection: lines an earlier run received"
                    + " but did not commit are lost (the socket source does not support recovery).", count.count());
        }
        return new Reader(count.count());
    }

    /** Lines up to {@code end} are processed: forget them. */
    @Override
    public void commit(List<PartitionOffset> end) {
        long b = base;
        if (b >= 0 && end.get(0) instanceof RowCountPartitionOffset count) {
            buffer.dropBefore(count.count() - b);
        }
    }

    /** Closes the connection and waits (bounded) for the receiver thread to end. */
    @Override
    public void stop() {
        receiver.stop();
    }

    Thread receiverThread() {
        return receiver.thread();
    }

    /** Emits the connection's lines in order. Reader thread only. */
    private final class Reader implements ContinuousPartitionReader {
        private final SocketRowEncoder encoder = new SocketRowEncoder(options.includeTimestamp());
        private final String[] lines = new String[COPY_BATCH];
        private final long[] micros = new long[COPY_BATCH];
        private final long startOffset;
        /** Lines of this connection emitted. */
        private long emitted;

        Reader(long startOffset) {
            this.startOffset = startOffset;
        }

        @Override
        public int poll(RowConsumer out, int maxRows) {
            if (buffer.receivedVolatile() <= emitted || maxRows <= 0) {
                return 0;
            }
            int n = buffer.copyTo(emitted, lines, micros, maxRows);
            for (int i = 0; i < n; i++) {
                encoder.emit(out, lines[i], micros[i]);
                lines[i] = null;
            }
            emitted += n;
            return n;
        }

        @Override
        public PartitionOffset currentOffset() {
            return new RowCountPartitionOffset(startOffset + emitted);
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}

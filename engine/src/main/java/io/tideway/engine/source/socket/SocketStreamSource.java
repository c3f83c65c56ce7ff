package io.tideway.engine.source.socket;

import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.LongOffset;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.StreamSource;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code socket} source (Spark's {@code TextSocketMicroBatchStream}): one row per
 * UTF-8 line received on a connection made when the source is created. An offset is a line
 * count: the batch (a, b] holds lines a+1..b, in one partition. Not fault-tolerant: lines live
 * only in memory and are dropped once committed.
 *
 * <p>Restart: a restarted query hands this new source the offsets of the old connection. The
 * first offset the query thread shows the source (the committed start in {@code latestOffset},
 * or the end of a batch being re-run in {@code planPartitions}) becomes the {@link #base}: line i
 * of this connection is offset {@code base + i + 1}, so offsets keep growing across restarts and
 * the lines an old connection delivered but never committed are lost, as in Spark.
 *
 * <p>Threading: planning methods and {@link #stop()} on the query thread only; the receiver
 * thread writes only the {@link SocketLineBuffer}; workers read copied partitions.
 */
final class SocketStreamSource implements StreamSource {
    private static final Logger LOG = LoggerFactory.getLogger(SocketStreamSource.class);

    private final SocketSourceOptions options;
    private final SocketLineBuffer buffer = new SocketLineBuffer();
    private final SocketReceiver receiver;
    /** Offset just before this connection's first line. Query thread only. */
    private long base;
    /** Whether {@link #base} is fixed. Query thread only. */
    private boolean baseFixed;
    /** {@code Trigger.AvailableNow} target: lines of this connection received at prepare time, or -1. Query thread only. */
    private long availableNowLines = -1;

    SocketStreamSource(SocketSourceOptions options) {
        this.options = options;
        this.receiver = SocketReceiver.start(options.host(), options.port(), buffer);
    }

    @Override
    public String description() {
        return "TextSocketV2[host: " + options.host() + ", port: " + options.port() + "]";
    }

    /** Lines received so far as an offset; null while none arrived in a new query. */
    @Override
    public Offset latestOffset(Offset start, ReadLimit limit) {
        fixBase(start);
        long latest = base + (availableNowLines >= 0 ? availableNowLines : buffer.received());
        if (start == null && latest == 0) {
            return null;
        }
        return new LongOffset(Math.max(latest, lines(start)));
    }

    @Override
    public void prepareForTriggerAvailableNow() {
        availableNowLines = buffer.received();
    }

    /** A line count; a continuous run's {@code {"0":n}} (or Spark's {@code [n]}) is the same count. */
    @Override
    public Offset deserializeOffset(String json) {
        return new LongOffset(SocketOffsetJson.lineCount(json));
    }

    @Override
    public List<InputPartition> planPartitions(Offset start, Offset end) {
        fixBase(end);
        long from = Math.max(lines(start), base) - base;
        long to = lines(end) - base;
        if (lines(start) < base) {
            LOG.warn("Lines ({}, {}] were received by an earlier run of this query and are lost: the socket source does not"
                    + " support recovery.", lines(start), Math.min(base, lines(end)));
        }
        if (to <= from) {
            return List.of();
        }
        return List.of(new SocketInputPartition(0, buffer.copy(from, to)));
    }

    @Override
    public PartitionReader createReader(InputPartition partition) {
        return new SocketPartitionReader((SocketInputPartition) partition, options.includeTimestamp());
    }

    /** Lines up to {@code end} are processed: forget them. */
    @Override
    public void commit(Offset end) {
        if (baseFixed) {
            buffer.dropBefore(lines(end) - base);
        }
    }

    /** Closes the connection and waits (bounded) for the receiver thread to end. */
    @Override
    public void stop() {
        receiver.stop();
    }

    /** Lines this connection has received so far, dropped ones included. Any thread. */
    long linesReceived() {
        return buffer.received();
    }

    /** The receiver thread, for tests and diagnostics. */
    Thread receiverThread() {
        return receiver.thread();
    }

    private void fixBase(Offset first) {
        if (!baseFixed) {
            base = lines(first);
            baseFixed = true;
        }
    }

    private static long lines(Offset offset) {
        if (offset == null) {
            return 0;
        }
        if (offset instanceof LongOffset o) {
            return o.value();
        }
        throw new IllegalArgumentException("The socket source's offsets are LongOffsets (line counts) but got "
                + offset.getClass().getSimpleName() + " " + offset.json());
    }
}

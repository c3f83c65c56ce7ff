package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import io.tideway.offheap.row.RowReader;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code chronicle} sink.
 *
 * <p><b>Micro-batch, exactly-once.</b> Partition writers buffer their rows off-heap
 * ({@link BufferedRows}); {@link #commit} appends, on the query thread, with one appender:
 * {@code tidewayBatchBegin: N}, every row of batch N, {@code tidewayBatchEnd: N}
 * ({@link BatchMarkers}, metadata documents that plain tailers skip). The last end marker is the
 * record of the last committed batch, read once when the sink starts; a batch id at or below it
 * is a re-run of a committed batch and is skipped. A crash in the middle of the appends leaves a
 * begin without an end: the re-run appends the whole batch again after a new begin, and
 * {@link ChronicleSinkReader} drops the cut-short attempt. One micro-batch query per sink queue.
 *
 * <p><b>Continuous, at-least-once.</b> Each task appends its rows as they arrive with its own
 * appender, no markers; rows after the last committed epoch are appended again after a restart.
 *
 * <p>Which mode: {@link io.tideway.engine.spi.SinkContext#continuous()}, fixed for the sink's life.
 *
 * <p>Threading: {@link #createWriter} on worker/task threads; {@link #commit}, {@link #abort},
 * {@link #stop} on the query (or epoch coordinator) thread. {@link #lastCommitted} and
 * {@link #batchAppender}: query thread only.
 */
final class ChronicleStreamSink implements StreamSink {
    private static final Logger LOG = LoggerFactory.getLogger(ChronicleStreamSink.class);

    private final QueueLease lease;
    private final RowExcerptEncoder encoder;
    private final int numFields;
    /** The query runs with a continuous trigger: direct appends, no markers. */
    private final boolean continuous;
    private final Map<Integer, ExcerptAppender> taskAppenders = new ConcurrentHashMap<>();
    private long lastCommitted;
    private ExcerptAppender batchAppender;

    ChronicleStreamSink(QueueLease lease, RowExcerptEncoder encoder, int numFields, boolean continuous) {
        this.lease = lease;
        this.encoder = encoder;
        this.numFields = numFields;
        this.continuous = continuous;
        this.lastCommitted = continuous ? -1 : BatchMarkers.lastCommitted(lease.queue());
    }

    @Override
    public String description() {
        return "ChronicleSink[" + lease.describe() + "]";
    }

    /** The id of the last batch whose end marker is in the queue, or -1. Query thread only. */
    long lastCommittedBatchId() {
        return lastCommitted;
    }

    @Override
    public PartitionWriter createWriter(int partition, long batchId) {
        return continuous ? new DirectWriter(partition) : new BufferingWriter();
    }

    @Override
    public void commit(long batchId, List<CommitMessage> messages) {
        if (continuous) {
            return; // the epoch's rows are appended already
        }
        try {
            if (batchId <= lastCommitted) {
                LOG.info("Skipping already committed batch {} ({})", batchId, lease.describe());
                return;
            }
            if (batchAppender == null) {
                batchAppender = lease.queue().createAppender();
            }
            RowReader reader = new RowReader(numFields);
            BatchMarkers.write(batchAppender, BatchMarkers.BEGIN, batchId);
            for (CommitMessage m : messages) {
                ((BufferedRows) m).forEach((buffer, offset, length) -> append(batchAppender, reader.wrap(buffer, offset, length)));
            }
            BatchMarkers.write(batchAppender, BatchMarkers.END, batchId);
            lastCommitted = batchId;
        } finally {
            free(messages);
        }
    }

    private void append(ExcerptAppender appender, RowReader row) {
        try (DocumentContext dc = appender.writingDocument()) {
            encoder.write(row, dc.wire());
        }
    }

    @Override
    public void abort(long batchId, List<CommitMessage> messages) {
        free(messages);
    }

    private static void free(List<CommitMessage> messages) {
        for (CommitMessage m : messages) {
            if (m instanceof BufferedRows rows) {
                rows.close();
            }
        }
    }

    @Override
    public void stop() {
        if (batchAppender != null) {
            batchAppender.close();
        }
        taskAppenders.values().forEach(ExcerptAppender::close);
        taskAppenders.clear();
        lease.close();
    }

    /**
     * A partition's appender for the life of the query. Its owner moves from task thread to task
     * thread only at epoch hand-offs and task restarts, which the executor orders, so Chronicle's
     * single-thread check is switched off for it.
     */
    private ExcerptAppender taskAppender(int partition) {
        return taskAppenders.computeIfAbsent(partition, p -> {
            ExcerptAppender a = lease.queue().createAppender();
            a.singleThreadedCheckDisabled(true);
            return a;
        });
    }

    /** Micro-batch: copies rows off-heap for {@link #commit}. One worker thread. */
    private static final class BufferingWriter implements PartitionWriter {
        private final BufferedRows rows = new BufferedRows();

        @Override
        public void accept(DirectBuffer buffer, int offset, int length) {
            rows.add(buffer, offset, length);
        }

        @Override
        public CommitMessage commit() {
            return rows;
        }

        @Override
        public void abort() {
            rows.close();
        }
    }

    /** Continuous: appends each row as it arrives. One task thread. */
    private final class DirectWriter implements PartitionWriter {
        private final int partition;
        private final RowReader reader = new RowReader(numFields);
        private ExcerptAppender appender;

        DirectWriter(int partition) {
            this.partition = partition;
        }

        @Override
        public void accept(DirectBuffer buffer, int offset, int length) {
            if (appender == null) {
                appender = taskAppender(partition);
            }
            append(appender, reader.wrap(buffer, offset, length));
        }

        @Override
        public CommitMessage commit() {
            return Appended.INSTANCE;
        }
    }

    /** A continuous epoch's commit message: nothing to do at commit. */
    private enum Appended implements CommitMessage {
        INSTANCE
    }
}

package io.tideway.continuous;

import io.tideway.engine.exec.Operator;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import org.agrona.DirectBuffer;

/**
 * The last link of a partition's operator chain: hands rows to the sink's writer for the current
 * epoch, and at the epoch's marker commits that writer and opens the next one. Built by the query
 * thread; from the task thread's start on, task thread only (the query thread aborts it only for
 * a pipeline that never started).
 */
final class EpochWriter implements Operator {
    private final StreamSink sink;
    private final int partition;
    /** Task thread: the open epoch's writer. */
    private PartitionWriter writer;
    /** Task thread: rows written in the open epoch. */
    private long outputRows;

    EpochWriter(StreamSink sink, int partition, long firstEpoch) {
        this.sink = sink;
        this.partition = partition;
        this.writer = sink.createWriter(partition, firstEpoch);
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        outputRows++;
        writer.accept(buffer, offset, length);
    }

    /** Commits epoch {@code epoch}'s writer and opens the next epoch's. */
    CommitMessage endEpoch(long epoch) {
        CommitMessage message = writer.commit();
        writer = sink.createWriter(partition, epoch + 1);
        return message;
    }

    long takeOutputRows() {
        long n = outputRows;
        outputRows = 0;
        return n;
    }

    void abort() {
        writer.abort();
    }
}

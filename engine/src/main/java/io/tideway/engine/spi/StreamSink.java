package io.tideway.engine.spi;

import java.util.List;

/**
 * A streaming sink (Spark's {@code StreamingWrite}). {@link #createWriter} is called on worker
 * threads; {@link #commit} and {@link #abort} on the query thread, once per batch or epoch, after
 * every writer of that id finished. A sink that can skip an already committed id makes the
 * query exactly-once.
 */
public interface StreamSink {
    String description();

    /**
     * Whether the progress report's {@code sink.numOutputRows} counts the rows written; when false
     * it is -1, as Spark reports it for sinks that are not DataSource V2 writes (foreachBatch, files).
     */
    default boolean reportsNumOutputRows() {
        return true;
    }

    PartitionWriter createWriter(int partition, long batchId);

    void commit(long batchId, List<CommitMessage> messages);

    default void abort(long batchId, List<CommitMessage> messages) {
    }

    /**
     * A micro-batch's tasks failed with {@code failure} (query thread): the sink gives up the batch
     * and returns what the batch fails with. By default it aborts the batch and returns the
     * failure; a sink that hands batches to user code (foreachBatch) may first let the user see it.
     */
    default Exception failBatch(long batchId, Exception failure) {
        abort(batchId, List.of());
        return failure;
    }

    default void stop() {
    }
}

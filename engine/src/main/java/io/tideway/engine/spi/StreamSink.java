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

    PartitionWriter createWriter(int partition, long batchId);

    void commit(long batchId, List<CommitMessage> messages);

    default void abort(long batchId, List<CommitMessage> messages) {
    }

    default void stop() {
    }
}

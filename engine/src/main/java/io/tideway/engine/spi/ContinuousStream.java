package io.tideway.engine.spi;

import java.util.List;

/**
 * A source as the continuous executor sees it (Spark's {@code ContinuousStream}): a fixed set of
 * partitions, each read by one long-running reader from its own offset. The combined offset of
 * all partitions is one JSON object keyed by partition ({@code {"0":{...},"1":{...}}}), written as
 * the source's line of {@code offsets/N}. Planning methods run on the query thread.
 */
public interface ContinuousStream {
    String description();

    int numPartitions();

    /** Offsets for a query with no checkpoint: one per partition. */
    List<PartitionOffset> initialOffsets();

    /**
     * Parses the source's line of {@code offsets/N} into per-partition offsets. A source that can
     * also resume from a micro-batch checkpoint accepts its micro-batch offset JSON here.
     */
    List<PartitionOffset> deserializeOffsets(String json);

    /** The source's line of {@code offsets/N} for these per-partition offsets. */
    String serializeOffsets(List<PartitionOffset> offsets);

    ContinuousPartitionReader createReader(int partition, PartitionOffset start);

    /** Source-specific counters for the progress report's {@code metrics}, as {@link StreamSource#metrics}. */
    default java.util.Map<String, String> metrics(List<PartitionOffset> end) {
        return java.util.Map.of();
    }

    /** Everything up to these offsets is committed; the source may discard it. */
    default void commit(List<PartitionOffset> end) {
    }

    default void stop() {
    }
}

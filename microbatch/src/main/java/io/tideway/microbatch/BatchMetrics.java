package io.tideway.microbatch;

import java.util.List;

/**
 * What one batch did, for its progress report: input rows per source, output rows, and the
 * state of each stateful operator, bottom-up (empty when the query has none).
 */
record BatchMetrics(long[] inputRows, long outputRows, List<StateOp> stateOps) {
    static BatchMetrics stateless(long[] inputRows, long outputRows) {
        return new BatchMetrics(inputRows, outputRows, List.of());
    }

    /** One stateful operator's state after the batch. */
    /** {@code customMetrics}: the state store provider's, summed over partitions (Spark's {@code customMetrics}). */
    record StateOp(String operatorName, long rowsTotal, long rowsUpdated, long rowsRemoved, long rowsDroppedByWatermark,
                   long memoryBytes, long commitMs, int partitions, java.util.Map<String, Long> customMetrics) {
    }
}

package io.tideway.microbatch;

import java.util.List;

/**
 * What one batch did, for its progress report: input rows per source, output rows, the state of
 * each stateful operator, bottom-up (empty when the query has none), and per source the source
 * times ({@code nanoTime} scale) of the first row of each read, from which the batch's end-to-end
 * latency is measured when it commits.
 */
record BatchMetrics(long[] inputRows, long outputRows, List<StateOp> stateOps, long[][] sourceNanoTimes) {
    static BatchMetrics stateless(long[] inputRows, long outputRows, long[][] sourceNanoTimes) {
        return new BatchMetrics(inputRows, outputRows, List.of(), sourceNanoTimes);
    }

    /** One stateful operator's state after the batch. */
    /** {@code customMetrics}: the state store provider's, summed over partitions (Spark's {@code customMetrics}). */
    record StateOp(String operatorName, long rowsTotal, long rowsUpdated, long rowsRemoved, long rowsDroppedByWatermark,
                   long memoryBytes, long commitMs, int partitions, java.util.Map<String, Long> customMetrics) {
    }
}

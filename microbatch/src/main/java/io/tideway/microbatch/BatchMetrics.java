package io.tideway.microbatch;

/**
 * What one batch did, for its progress report: input rows per source, output rows, and the
 * stateful operator's state (zeros and a null name when the query has none).
 */
record BatchMetrics(long[] inputRows, long outputRows, String stateOperator, long stateRowsTotal, long stateRowsUpdated,
                    long stateRowsRemoved, long rowsDroppedByWatermark, long stateMemoryBytes, long stateCommitMs,
                    int statePartitions) {
    static BatchMetrics stateless(long[] inputRows, long outputRows) {
        return new BatchMetrics(inputRows, outputRows, null, 0, 0, 0, 0, 0, 0, 0);
    }
}

package io.tideway.microbatch;

/**
 * What one batch did, for its progress report: input rows per source, output rows, and the
 * aggregation state's size (zeros when the query has no aggregation).
 */
record BatchMetrics(long[] inputRows, long outputRows, long stateRowsTotal, long stateRowsUpdated,
                    long stateMemoryBytes, long stateCommitMs, int statePartitions) {
}

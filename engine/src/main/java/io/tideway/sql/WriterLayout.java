package io.tideway.sql;

import io.tideway.engine.error.Unchecked;

import java.util.List;
import java.util.Map;

/**
 * The layout a {@link DataFrameWriter} was asked for beyond {@code partitionBy}: Spark's
 * {@code bucketBy}/{@code sortBy} (kept for {@code saveAsTable} only, refused by every other write
 * in Spark's words) and {@code clusterBy} (refused with partitioning or bucketing as soon as both
 * are set, as Spark's {@code validatePartitioning}). Not thread-safe (part of a builder).
 */
final class WriterLayout {
    private boolean partitioned;
    private Integer numBuckets;
    private List<String> sortColumns;
    private List<String> clusterColumns;

    void partitionBy() {
        partitioned = true;
        validate();
    }

    void bucketBy(int buckets) {
        numBuckets = buckets;
        validate();
    }

    void sortBy(List<String> columns) {
        sortColumns = columns;
    }

    void clusterBy(List<String> columns) {
        clusterColumns = columns;
        validate();
    }

    /** Whether {@code bucketBy} was called; {@code sortBy} without it is {@code [SORT_BY_WITHOUT_BUCKETING]}. */
    boolean bucketed() {
        if (sortColumns != null && numBuckets == null) {
            throw error("SORT_BY_WITHOUT_BUCKETING", Map.of());
        }
        return numBuckets != null;
    }

    /** Refuses bucketing for {@code operation} ({@code save}, {@code insertInto}, {@code jdbc}). */
    void assertNotBucketed(String operation) {
        if (bucketed()) {
            throw error(sortColumns == null ? "_LEGACY_ERROR_TEMP_1312" : "_LEGACY_ERROR_TEMP_1313",
                    Map.of("operation", operation));
        }
    }

    /** Refuses partitioning for {@code operation} ({@code jdbc}). */
    void assertNotPartitioned(String operation) {
        if (partitioned) {
            throw error("_LEGACY_ERROR_TEMP_1197", Map.of("operation", operation));
        }
    }

    /** {@code insertInto} takes the table's own partitioning: Spark refuses {@code partitionBy} with it. */
    void assertNotPartitionedForInsertInto() {
        if (partitioned) {
            throw error("_LEGACY_ERROR_TEMP_1309", Map.of());
        }
    }

    /** Refuses clustering for {@code operation} ({@code jdbc}). */
    void assertNotClustered(String operation) {
        if (clusterColumns != null) {
            throw error("CLUSTERING_NOT_SUPPORTED", Map.of("operation", operation));
        }
    }

    private void validate() {
        if (clusterColumns != null) {
            if (partitioned) {
                throw error("SPECIFY_CLUSTER_BY_WITH_PARTITIONED_BY_IS_NOT_ALLOWED", Map.of());
            }
            if (bucketed()) {
                throw error("SPECIFY_CLUSTER_BY_WITH_BUCKETING_IS_NOT_ALLOWED", Map.of());
            }
        }
    }

    private static RuntimeException error(String condition, Map<String, String> params) {
        return Unchecked.raise(new AnalysisException(condition, params));
    }
}

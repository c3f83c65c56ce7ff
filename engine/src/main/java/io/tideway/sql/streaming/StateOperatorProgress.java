package io.tideway.sql.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** One stateful operator's part of a progress report, mirroring Spark's {@code StateOperatorProgress}. */
public final class StateOperatorProgress {
    private final String operatorName;
    private final long numRowsTotal;
    private final long numRowsUpdated;
    private final long allUpdatesTimeMs;
    private final long numRowsRemoved;
    private final long allRemovalsTimeMs;
    private final long commitTimeMs;
    private final long memoryUsedBytes;
    private final long numRowsDroppedByWatermark;
    private final long numShufflePartitions;
    private final long numStateStoreInstances;
    private final Map<String, Long> customMetrics;

    /**
     * A stateful operator's progress, each argument a field of Spark's progress JSON of the same
     * name.
     */
    public StateOperatorProgress(String operatorName, long numRowsTotal, long numRowsUpdated, long allUpdatesTimeMs,
                                 long numRowsRemoved, long allRemovalsTimeMs, long commitTimeMs, long memoryUsedBytes,
                                 long numRowsDroppedByWatermark, long numShufflePartitions, long numStateStoreInstances,
                                 Map<String, Long> customMetrics) {
        this.operatorName = operatorName;
        this.numRowsTotal = numRowsTotal;
        this.numRowsUpdated = numRowsUpdated;
        this.allUpdatesTimeMs = allUpdatesTimeMs;
        this.numRowsRemoved = numRowsRemoved;
        this.allRemovalsTimeMs = allRemovalsTimeMs;
        this.commitTimeMs = commitTimeMs;
        this.memoryUsedBytes = memoryUsedBytes;
        this.numRowsDroppedByWatermark = numRowsDroppedByWatermark;
        this.numShufflePartitions = numShufflePartitions;
        this.numStateStoreInstances = numStateStoreInstances;
        this.customMetrics = Map.copyOf(customMetrics);
    }

    /**
     * The operator's name in Spark's words: {@code stateStoreSave}, {@code dedupe},
     * {@code symmetricHashJoin}, {@code flatMapGroupsWithState}, {@code globalLimit}, ...
     */
    public String operatorName() {
        return operatorName;
    }

    /** Rows (keys) in the operator's state after the batch. */
    public long numRowsTotal() {
        return numRowsTotal;
    }

    /** State rows written or updated in the batch. */
    public long numRowsUpdated() {
        return numRowsUpdated;
    }

    /** State rows removed in the batch, by watermark eviction or timeout. */
    public long numRowsRemoved() {
        return numRowsRemoved;
    }

    /** Milliseconds the batch spent writing state rows. */
    public long allUpdatesTimeMs() {
        return allUpdatesTimeMs;
    }

    /** Milliseconds the batch spent removing state rows. */
    public long allRemovalsTimeMs() {
        return allRemovalsTimeMs;
    }

    /** Milliseconds the batch spent committing the operator's state. */
    public long commitTimeMs() {
        return commitTimeMs;
    }

    /** The number of partitions the operator's state is kept in. */
    public long numShufflePartitions() {
        return numShufflePartitions;
    }

    /** The number of state store instances the operator used (one per partition and store). */
    public long numStateStoreInstances() {
        return numStateStoreInstances;
    }

    /** An estimate of the memory the operator's state takes, in bytes. */
    public long memoryUsedBytes() {
        return memoryUsedBytes;
    }

    /** Input rows the operator dropped for arriving later than the watermark. */
    public long numRowsDroppedByWatermark() {
        return numRowsDroppedByWatermark;
    }

    /** The state store provider's own metrics by name, summed over partitions, unmodifiable. */
    public Map<String, Long> customMetrics() {
        return customMetrics;
    }

    ObjectNode jsonValue() {
        ObjectNode n = ProgressJson.MAPPER.createObjectNode();
        n.put("operatorName", operatorName);
        n.put("numRowsTotal", numRowsTotal);
        n.put("numRowsUpdated", numRowsUpdated);
        n.put("allUpdatesTimeMs", allUpdatesTimeMs);
        n.put("numRowsRemoved", numRowsRemoved);
        n.put("allRemovalsTimeMs", allRemovalsTimeMs);
        n.put("commitTimeMs", commitTimeMs);
        n.put("memoryUsedBytes", memoryUsedBytes);
        n.put("numRowsDroppedByWatermark", numRowsDroppedByWatermark);
        n.put("numShufflePartitions", numShufflePartitions);
        n.put("numStateStoreInstances", numStateStoreInstances);
        ProgressJson.putLongMap(n, "customMetrics", new java.util.TreeMap<>(customMetrics));
        return n;
    }

    /** This progress as one-line JSON, with Spark's field names. */
    public String json() {
        return ProgressJson.compact(jsonValue());
    }

    /** This progress as indented JSON. */
    public String prettyJson() {
        return ProgressJson.pretty(jsonValue());
    }
}

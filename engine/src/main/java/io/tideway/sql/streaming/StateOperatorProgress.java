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

    public String operatorName() {
        return operatorName;
    }

    public long numRowsTotal() {
        return numRowsTotal;
    }

    public long numRowsUpdated() {
        return numRowsUpdated;
    }

    public long numRowsRemoved() {
        return numRowsRemoved;
    }

    public long memoryUsedBytes() {
        return memoryUsedBytes;
    }

    public long numRowsDroppedByWatermark() {
        return numRowsDroppedByWatermark;
    }

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

    public String json() {
        return ProgressJson.compact(jsonValue());
    }

    public String prettyJson() {
        return ProgressJson.pretty(jsonValue());
    }
}

package io.tideway.sql.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One source's part of a progress report, mirroring Spark's {@code SourceProgress}. Immutable. */
public final class SourceProgress {
    private final String description;
    private final String startOffset;
    private final String endOffset;
    private final String latestOffset;
    private final long numInputRows;
    private final double inputRowsPerSecond;
    private final double processedRowsPerSecond;
    private final java.util.Map<String, String> metrics;

    public SourceProgress(String description, String startOffset, String endOffset, String latestOffset,
                          long numInputRows, double inputRowsPerSecond, double processedRowsPerSecond) {
        this(description, startOffset, endOffset, latestOffset, numInputRows, inputRowsPerSecond, processedRowsPerSecond,
                java.util.Map.of());
    }

    /** With Spark 3.x's {@code metrics}: source-specific counters (continuous mode: per-partition ring counters). */
    public SourceProgress(String description, String startOffset, String endOffset, String latestOffset,
                          long numInputRows, double inputRowsPerSecond, double processedRowsPerSecond,
                          java.util.Map<String, String> metrics) {
        this.metrics = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metrics));
        this.description = description;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.latestOffset = latestOffset;
        this.numInputRows = numInputRows;
        this.inputRowsPerSecond = inputRowsPerSecond;
        this.processedRowsPerSecond = processedRowsPerSecond;
    }

    public String description() {
        return description;
    }

    public String startOffset() {
        return startOffset;
    }

    public String endOffset() {
        return endOffset;
    }

    public String latestOffset() {
        return latestOffset;
    }

    public long numInputRows() {
        return numInputRows;
    }

    public double inputRowsPerSecond() {
        return inputRowsPerSecond;
    }

    public double processedRowsPerSecond() {
        return processedRowsPerSecond;
    }

    public java.util.Map<String, String> metrics() {
        return metrics;
    }

    ObjectNode jsonValue() {
        ObjectNode n = ProgressJson.MAPPER.createObjectNode();
        n.put("description", description);
        ProgressJson.putOffset(n, "startOffset", startOffset);
        ProgressJson.putOffset(n, "endOffset", endOffset);
        ProgressJson.putOffset(n, "latestOffset", latestOffset);
        n.put("numInputRows", numInputRows);
        ProgressJson.putDouble(n, "inputRowsPerSecond", inputRowsPerSecond);
        ProgressJson.putDouble(n, "processedRowsPerSecond", processedRowsPerSecond);
        if (!metrics.isEmpty()) {
            ObjectNode m = n.putObject("metrics");
            metrics.forEach(m::put);
        }
        return n;
    }

    public String json() {
        return ProgressJson.compact(jsonValue());
    }

    public String prettyJson() {
        return ProgressJson.pretty(jsonValue());
    }

    @Override
    public String toString() {
        return prettyJson();
    }
}

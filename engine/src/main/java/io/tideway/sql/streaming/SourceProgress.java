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

    /** A source's progress without source-specific metrics. */
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

    /**
     * The source's description as Spark writes it, such as
     * {@code RateStreamV2[rowsPerSecond=1, ...]} or {@code FileStreamSource[file:/in]}.
     */
    public String description() {
        return description;
    }

    /** The source's offset (JSON) before the batch, or null for the first batch. */
    public String startOffset() {
        return startOffset;
    }

    /** The source's offset (JSON) the batch read up to. */
    public String endOffset() {
        return endOffset;
    }

    /**
     * The newest offset (JSON) the source had when the batch was planned; null for sources that do
     * not report it, as in Spark.
     */
    public String latestOffset() {
        return latestOffset;
    }

    /** Rows read from this source in the batch (in continuous mode, since the previous epoch). */
    public long numInputRows() {
        return numInputRows;
    }

    /**
     * Rows read per second of wall time since the previous report; NaN, left out of the JSON as
     * Spark does, when it cannot be computed.
     */
    public double inputRowsPerSecond() {
        return inputRowsPerSecond;
    }

    /** Rows read per second of the batch's processing time; NaN when it cannot be computed. */
    public double processedRowsPerSecond() {
        return processedRowsPerSecond;
    }

    /**
     * Source-specific counters by name (in continuous mode the per-partition ring counters), sorted
     * by name; empty for most micro-batch sources.
     */
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

    /** This progress as one-line JSON, with Spark's field names. */
    public String json() {
        return ProgressJson.compact(jsonValue());
    }

    /** This progress as indented JSON, as {@code toString()} prints it. */
    public String prettyJson() {
        return ProgressJson.pretty(jsonValue());
    }

    @Override
    public String toString() {
        return prettyJson();
    }
}

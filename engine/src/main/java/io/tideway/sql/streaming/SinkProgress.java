package io.tideway.sql.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sink's part of a progress report, mirroring Spark's {@code SinkProgress}. Immutable. */
public final class SinkProgress {
    private final String description;
    private final long numOutputRows;

    /** A sink's progress; {@code numOutputRows} is -1 when the sink does not count its rows. */
    public SinkProgress(String description, long numOutputRows) {
        this.description = description;
        this.numOutputRows = numOutputRows;
    }

    /** The sink's description, the text Spark's progress JSON shows for the same sink. */
    public String description() {
        return description;
    }

    /** Rows written, or -1 when unknown. */
    public long numOutputRows() {
        return numOutputRows;
    }

    /**
     * The sink's own metrics by name: empty, as no Tideway sink reports custom metrics (Spark's
     * JSON leaves the field out when it is empty, and so does {@link #json()}).
     */
    public java.util.Map<String, String> metrics() {
        return java.util.Map.of();
    }

    ObjectNode jsonValue() {
        ObjectNode n = ProgressJson.MAPPER.createObjectNode();
        n.put("description", description);
        n.put("numOutputRows", numOutputRows);
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

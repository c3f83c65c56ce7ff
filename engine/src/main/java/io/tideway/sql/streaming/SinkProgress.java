package io.tideway.sql.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sink's part of a progress report, mirroring Spark's {@code SinkProgress}. Immutable. */
public final class SinkProgress {
    private final String description;
    private final long numOutputRows;

    public SinkProgress(String description, long numOutputRows) {
        this.description = description;
        this.numOutputRows = numOutputRows;
    }

    public String description() {
        return description;
    }

    /** Rows written, or -1 when unknown. */
    public long numOutputRows() {
        return numOutputRows;
    }

    ObjectNode jsonValue() {
        ObjectNode n = ProgressJson.MAPPER.createObjectNode();
        n.put("description", description);
        n.put("numOutputRows", numOutputRows);
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

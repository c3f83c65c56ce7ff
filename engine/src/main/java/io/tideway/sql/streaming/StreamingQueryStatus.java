package io.tideway.sql.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a query is doing now, mirroring Spark's {@code StreamingQueryStatus}. Immutable. */
public final class StreamingQueryStatus {
    private final String message;
    private final boolean isDataAvailable;
    private final boolean isTriggerActive;

    public StreamingQueryStatus(String message, boolean isDataAvailable, boolean isTriggerActive) {
        this.message = message;
        this.isDataAvailable = isDataAvailable;
        this.isTriggerActive = isTriggerActive;
    }

    public String message() {
        return message;
    }

    public boolean isDataAvailable() {
        return isDataAvailable;
    }

    public boolean isTriggerActive() {
        return isTriggerActive;
    }

    public String json() {
        return ProgressJson.compact(jsonValue());
    }

    public String prettyJson() {
        return ProgressJson.pretty(jsonValue());
    }

    /** Through Jackson, so a message with quotes, newlines or control characters is still valid JSON. */
    private ObjectNode jsonValue() {
        ObjectNode n = ProgressJson.MAPPER.createObjectNode();
        n.put("message", message);
        n.put("isDataAvailable", isDataAvailable);
        n.put("isTriggerActive", isTriggerActive);
        return n;
    }

    @Override
    public String toString() {
        return prettyJson();
    }
}

package io.tideway.sql.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a query is doing now, mirroring Spark's {@code StreamingQueryStatus}. Immutable. */
public final class StreamingQueryStatus {
    private final String message;
    private final boolean isDataAvailable;
    private final boolean isTriggerActive;

    /** A status with the given description and flags. */
    public StreamingQueryStatus(String message, boolean isDataAvailable, boolean isTriggerActive) {
        this.message = message;
        this.isDataAvailable = isDataAvailable;
        this.isTriggerActive = isTriggerActive;
    }

    /**
     * What the query is doing, in Spark's words ({@code Initializing sources},
     * {@code Waiting for data to arrive}, {@code Processing new data}, {@code Stopped}, ...).
     */
    public String message() {
        return message;
    }

    /** Whether a source had new data when last checked. */
    public boolean isDataAvailable() {
        return isDataAvailable;
    }

    /** Whether a trigger (a micro-batch) is being processed now. */
    public boolean isTriggerActive() {
        return isTriggerActive;
    }

    /** This status as one-line JSON, with Spark's field names. */
    public String json() {
        return ProgressJson.compact(jsonValue());
    }

    /** This status as indented JSON, as {@code toString()} prints it. */
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

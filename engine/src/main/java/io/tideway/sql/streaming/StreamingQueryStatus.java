package io.tideway.sql.streaming;

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
        return "{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"isDataAvailable\":"
                + isDataAvailable + ",\"isTriggerActive\":" + isTriggerActive + "}";
    }

    public String prettyJson() {
        return "{\n  \"message\" : \"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\n  \"isDataAvailable\" : "
                + isDataAvailable + ",\n  \"isTriggerActive\" : " + isTriggerActive + "\n}";
    }

    @Override
    public String toString() {
        return prettyJson();
    }
}

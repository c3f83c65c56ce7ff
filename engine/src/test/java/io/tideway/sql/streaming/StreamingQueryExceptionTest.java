package io.tideway.sql.streaming;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link StreamingQueryException}'s texts, in the layout Spark 4.0.4 prints for a failed query. */
class StreamingQueryExceptionTest {
    private final UUID id = UUID.fromString("7c4cc5d7-ac19-4b0c-b809-e5417932ce54");
    private final UUID runId = UUID.fromString("a6bb14ba-c81a-4021-abe8-0063fd86d5d8");
    private final RuntimeException cause = new RuntimeException("boom");
    private final String debug = "=== Streaming Query ===\nIdentifier: [id = " + id + ", runId = " + runId + "]";

    private StreamingQueryException failed(String queryDebugString) {
        return new StreamingQueryException(queryDebugString, cause, "{}", "{\"rate\":1}", "STREAM_FAILED",
                Map.of("id", id.toString(), "runId", runId.toString(), "message", cause.getMessage()));
    }

    @Test
    void theMessageIsStreamFailedThenTheQuerysDescription() {
        StreamingQueryException e = failed(debug);
        String message = "[STREAM_FAILED] Query [id = 7c4cc5d7-ac19-4b0c-b809-e5417932ce54, runId = "
                + "a6bb14ba-c81a-4021-abe8-0063fd86d5d8] terminated with exception: boom SQLSTATE: XXKST";
        assertEquals(message, e.message());
        assertEquals(message + "\n" + debug, e.getMessage());
        assertEquals("io.tideway.sql.streaming.StreamingQueryException: boom\n" + debug, e.toString());
        assertEquals(message, failed("").getMessage(), "no description, no trailing newline");
    }

    @Test
    void itCarriesTheConditionAndTheQuerysOffsets() {
        StreamingQueryException e = failed(debug);
        assertEquals("STREAM_FAILED", e.getCondition());
        assertEquals("XXKST", e.getSqlState());
        assertEquals(Map.of("id", id.toString(), "runId", runId.toString(), "message", "boom"), e.getMessageParameters());
        assertSame(cause, e.getCause());
        assertSame(cause, e.cause());
        assertEquals("{}", e.startOffset());
        assertEquals("{\"rate\":1}", e.endOffset());
    }
}

package io.tideway.sql.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A status message of any text gives valid JSON, compact and pretty, in Spark's field order and layout. */
class StreamingQueryStatusTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void messageWithQuotesNewlinesAndControlCharactersRoundTrips() throws Exception {
        String message = "Waiting for \"data\"\n\tat C:\\dir \u0001 é";
        StreamingQueryStatus status = new StreamingQueryStatus(message, true, false);
        for (String json : new String[] {status.json(), status.prettyJson()}) {
            JsonNode parsed = MAPPER.readTree(json);
            assertEquals(message, parsed.get("message").asText());
            assertEquals(true, parsed.get("isDataAvailable").asBoolean());
            assertEquals(false, parsed.get("isTriggerActive").asBoolean());
        }
    }

    @Test
    void layoutIsSparks() {
        StreamingQueryStatus status = new StreamingQueryStatus("Initializing sources", false, false);
        assertEquals("{\"message\":\"Initializing sources\",\"isDataAvailable\":false,\"isTriggerActive\":false}", status.json());
        assertEquals("{\n  \"message\" : \"Initializing sources\",\n  \"isDataAvailable\" : false,\n  \"isTriggerActive\" : false\n}",
                status.prettyJson());
    }
}

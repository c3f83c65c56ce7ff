package io.tideway.engine.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.engine.error.ErrorParams;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonSchemaInferrerTest {
    private static final ObjectMapper MAPPER = JsonOptions.mapper(Map.of());

    private static String schema(String json) throws Exception {
        return ErrorParams.sql(JsonSchemaInferrer.infer(MAPPER.readTree(json)));
    }

    @Test
    void objectsSortTheirFieldsAndNumbersWiden() throws Exception {
        assertEquals("STRUCT<a: BIGINT, b: ARRAY<DOUBLE>, c: STRUCT<d: BOOLEAN>>",
                schema("{\"c\": {\"d\": true}, \"b\": [1, 2.5], \"a\": 1}"));
    }

    @Test
    void nullsAndEmptyArraysBecomeStrings() throws Exception {
        assertEquals("STRUCT<x: STRING, y: ARRAY<STRING>>", schema("{\"x\": null, \"y\": []}"));
    }

    @Test
    void arraysOfObjectsMergeTheirFields() throws Exception {
        assertEquals("ARRAY<STRUCT<a: DOUBLE, b: STRING>>", schema("[{\"a\": 1}, {\"a\": 1.5, \"b\": \"x\"}]"));
    }

    @Test
    void conflictingTypesAreStrings() throws Exception {
        assertEquals("ARRAY<STRING>", schema("[1, \"a\"]"));
        assertEquals("BIGINT", schema("1"));
    }
}

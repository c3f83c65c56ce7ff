package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonPathTest {
    private final JsonPath path = new JsonPath();
    private final BytesOut out = new BytesOut();

    private String get(String json, String p) {
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        byte[] q = p.getBytes(StandardCharsets.UTF_8);
        int n = path.get(new UnsafeBuffer(j), 0, j.length, new UnsafeBuffer(q), 0, q.length, out);
        return n < 0 ? null : out.buffer().getStringWithoutLengthUtf8(0, n);
    }

    @Test
    void namesIndexesAndQuotedNames() {
        String doc = "{\"a\": {\"b\": [10, {\"c\": \"x\"}]}, \"s\": \"text\"}";
        assertEquals("10", get(doc, "$.a.b[0]"));
        assertEquals("x", get(doc, "$.a.b[1].c"));
        assertEquals("{\"c\":\"x\"}", get(doc, "$['a'].b[1]"));
        assertEquals("text", get(doc, "$.s"));
    }

    @Test
    void wildcardsCollectMatches() {
        assertEquals("[1,2]", get("{\"a\": [{\"v\": 1}, {\"v\": 2}]}", "$.a[*].v"));
        assertEquals("1", get("{\"a\": [{\"v\": 1}, {\"w\": 2}]}", "$.a[*].v"));
        assertNull(get("{\"a\": 1}", "$.a[*]"));
    }

    @Test
    void invalidPathsAndTextGiveNull() {
        assertNull(get("{\"a\": 1}", "a"));
        assertNull(get("{\"a\": 1}", "$..a"));
        assertNull(get("not json", "$.a"));
        assertNull(get("{\"a\": null}", "$.a"));
    }
}

package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** get_json_object's streaming walker: Spark's path forms and outputs, and its state kept across rows. */
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

    @Test
    void wildcardsUnwrapOneMatchAndFlattenTwo() {
        assertEquals("\"x\"", get("{\"a\": [{\"b\": \"x\"}, {\"c\": 1}]}", "$.a[*].b"));
        assertEquals("[\"x\",[\"y\"]]", get("{\"a\": [{\"b\": \"x\"}, {\"b\": [\"y\"]}]}", "$.a[*].b"));
        assertEquals("[1,2,3,4,5]", get("{\"a\": [[1, 2], [3, [4, 5]]]}", "$.a[*][*]"));
        assertEquals("[2,[4,5]]", get("{\"a\": [[1, 2], [3, [4, 5]]]}", "$.a[*][1]"));
        assertNull(get("{\"a\": []}", "$.a[*]"));
    }

    @Test
    void jsonNullsDuplicatesAndSingleQuotes() {
        assertEquals("null", get("{\"n\": [null, 1]}", "$.n[0]"));
        assertEquals("null", get("null", "$"));
        assertEquals("second", get("{\"d\": null, \"d\": \"second\"}", "$.d"));
        assertEquals("k1", get("{\"k\": \"k1\", \"k\": \"k2\"}", "$.k"));
        assertEquals("single", get("{'a': [{'b': 'single'}]}", "$.a[0].b"));
        assertEquals("1", get("{\"a\": 1} trailing text", "$.a"));
        assertNull(get("{\"a\": 1, \"b\": [}", "$.a"));
    }

    @Test
    void pathSyntaxAsSparksParser() {
        assertEquals("spaced", get("{\"a b\": \"spaced\"}", "$['a b']"));
        assertEquals("spaced", get("{\"a b\": \"spaced\"}", "$.a b"));
        assertEquals("1", get("{\"a\": 1}", "$. a"));
        assertEquals("1", get("[1]", "$[ 0]"));
        assertNull(get("[1]", "$[0 ]"));
        assertNull(get("{\"a\": 1}", "$.*"));
        assertNull(get("{\"a\": 1}", " $.a"));
        assertNull(get("[1]", "$[-1]"));
    }

    @Test
    void aFailedRowLeavesNothingBehind() {
        assertNull(get("{\"a\": [{\"b\": [1, 2", "$.a[*].b"));
        assertEquals("[1,2]", get("{\"a\": [{\"b\": 1}, {\"b\": 2}]}", "$.a[*].b"));
        assertNull(get("{\"a\": {\"b\": [1,", "$.a"));
        assertEquals("{\"b\":1}", get("{\"a\": {\"b\": 1}}", "$.a"));
    }

    @Test
    void offHeapRowsAndMalformedUtf8() {
        byte[] j = "{\"s\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
        direct.putBytes(3, j);
        byte[] q = "$.s".getBytes(StandardCharsets.UTF_8);
        int n = path.get(direct, 3, j.length, new UnsafeBuffer(q), 0, q.length, out);
        assertEquals("caf\u00e9", out.buffer().getStringWithoutLengthUtf8(0, n));
        byte[] bad = {'{', '"', 's', '"', ':', '"', 'x', (byte) 0xFF, '"', '}'};
        n = path.get(new UnsafeBuffer(bad), 0, bad.length, new UnsafeBuffer(q), 0, q.length, out);
        assertEquals("x\uFFFD", out.buffer().getStringWithoutLengthUtf8(0, n));
    }
}

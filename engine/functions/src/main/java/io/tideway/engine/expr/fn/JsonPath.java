package io.tideway.engine.expr.fn;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static io.tideway.engine.expr.fn.JsonPathSteps.INDEX;
import static io.tideway.engine.expr.fn.JsonPathSteps.KEY;
import static io.tideway.engine.expr.fn.JsonPathSteps.NAMED;
import static io.tideway.engine.expr.fn.JsonPathSteps.SUBSCRIPT;
import static io.tideway.engine.expr.fn.JsonPathSteps.WILDCARD;

/**
 * {@code get_json_object(json, path)} at one call site, Spark's {@code GetJsonObjectEvaluator}
 * step for step: Jackson's streaming parser walks the text to the path ({@link JsonPathSteps}),
 * skipping what is off it without building a tree, and copies only the match out: a string
 * without its quotes, anything else as compact JSON; the matches of {@code [*]} as a JSON array,
 * or the one match alone, or flattened by {@code [*][*]} as Hive does. A path Spark does not
 * parse, text that is no JSON, a null member or no match give null. The parsed path, the
 * generators and the copy of an off-heap row are kept between rows, so a warm row allocates only
 * Jackson's parser. One per call site, used by one thread.
 */
public final class JsonPath {
    private static final int RAW = 0;
    private static final int QUOTED = 1;
    private static final int FLATTEN = 2;

    private final JsonTextParser input = new JsonTextParser();
    private final JsonValueOutput output = new JsonValueOutput();
    private byte[] pathBytes;
    /** The steps of {@link #pathBytes}; null if Spark's parser rejects the path. */
    private JsonPathSteps steps;
    /** Per step: the buffer of a {@code [*]} whose matches may be unwrapped, made when first needed. */
    private WildcardBuffer[] buffers;

    /** The match of {@code path} in {@code json} written to {@code out}; its length, or -1 for null. */
    public int get(DirectBuffer jb, int jo, int jl, DirectBuffer pb, int po, int pl, BytesOut out) {
        if (!samePath(pb, po, pl)) {
            pathBytes = new byte[pl];
            pb.getBytes(po, pathBytes);
            steps = JsonPathSteps.parse(new String(pathBytes, StandardCharsets.UTF_8));
            buffers = steps == null ? null : new WildcardBuffer[steps.length()];
        }
        if (steps == null) {
            return -1;
        }
        try {
            return evaluate(input.open(jb, jo, jl), out);
        } catch (IOException notJson) {
            forgetGenerators();
            if (!input.hasNonAscii()) {
                return -1;
            }
            try { // Spark reads malformed UTF-8 as replacement characters: read it again as it does
                return evaluate(input.openAsCharacters(), out);
            } catch (IOException stillNotJson) {
                forgetGenerators();
                return -1;
            }
        }
    }

    private boolean samePath(DirectBuffer pb, int po, int pl) {
        if (pathBytes == null || pathBytes.length != pl) {
            return false;
        }
        for (int i = 0; i < pl; i++) {
            if (pathBytes[i] != pb.getByte(po + i)) {
                return false;
            }
        }
        return true;
    }

    private int evaluate(JsonParser p, BytesOut out) throws IOException {
        try (p) {
            JsonGenerator g = output.begin(out);
            p.nextToken();
            boolean matched = walk(p, g, RAW, 0);
            int length = output.finish();
            return matched ? length : -1;
        }
    }

    private void forgetGenerators() {
        output.discard();
        if (buffers != null) {
            java.util.Arrays.fill(buffers, null);
        }
    }

    /** Spark's {@code evaluatePath}: steps from {@code at} against the current token; whether anything was written. */
    private boolean walk(JsonParser p, JsonGenerator g, int style, int at) throws IOException {
        JsonToken t = p.currentToken();
        if (at == steps.length()) {
            if (t == JsonToken.VALUE_STRING && style == RAW) {
                JsonValueOutput.copyValue(p, g);
                return true;
            }
            if (t == JsonToken.START_ARRAY && style == FLATTEN) {
                boolean dirty = false;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    dirty |= walk(p, g, style, at);
                }
                return dirty;
            }
            g.copyCurrentStructure(p);
            return true;
        }
        byte kind = steps.kinds[at];
        if (t == JsonToken.START_OBJECT && kind == KEY) {
            boolean dirty = false;
            while (p.nextToken() != JsonToken.END_OBJECT) {
                if (dirty) { // the first match wins; later duplicates are skipped
                    p.skipChildren();
                } else {
                    dirty = walk(p, g, style, at + 1);
                }
            }
            return dirty;
        }
        if (t == JsonToken.START_ARRAY && steps.arrayWildcardAt(at)) {
            if (steps.arrayWildcardAt(at + 2)) { // [*][*]: Hive's flattening, not structure-preserving
                return allElements(p, g, FLATTEN, at + 4);
            }
            return style == QUOTED ? allElements(p, g, QUOTED, at + 2) : unwrappedElements(p, g, style, at);
        }
        if (t == JsonToken.START_ARRAY && kind == SUBSCRIPT && steps.kinds[at + 1] == INDEX) {
            int next = at + 2;
            p.nextToken();
            return element(p, g, steps.arrayWildcardAt(next) ? QUOTED : style, next, steps.indices[at + 1]);
        }
        if (t == JsonToken.FIELD_NAME && kind == NAMED && p.currentName().equals(steps.names[at])) {
            return p.nextToken() != JsonToken.VALUE_NULL && walk(p, g, style, at + 1);
        }
        if (t == JsonToken.FIELD_NAME && kind == WILDCARD) {
            p.nextToken();
            return walk(p, g, style, at + 1);
        }
        p.skipChildren();
        return false;
    }

    /** Every element's matches inside one JSON array. */
    private boolean allElements(JsonParser p, JsonGenerator g, int style, int at) throws IOException {
        boolean dirty = false;
        g.writeStartArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            dirty |= walk(p, g, style, at);
        }
        g.writeEndArray();
        return dirty;
    }

    /** {@code [*]} outside quoted style: the matches as an array, or the one match without the array, as Hive. */
    private boolean unwrappedElements(JsonParser p, JsonGenerator g, int style, int at) throws IOException {
        WildcardBuffer b = buffers[at];
        if (b == null) {
            b = buffers[at] = new WildcardBuffer();
        }
        JsonGenerator inner = b.begin();
        int matches = 0;
        inner.writeStartArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            matches += walk(p, inner, style == RAW ? QUOTED : FLATTEN, at + 2) ? 1 : 0;
        }
        inner.writeEndArray();
        inner.flush();
        if (matches > 1) {
            g.writeRawValue(b.chars(), 0, b.size());
        } else if (matches == 1) {
            g.writeRawValue(b.chars(), 1, b.size() - 2);
        }
        return matches > 0;
    }

    /** Spark's {@code arrayIndex}: from the first element, the one at {@code index}; the rest of the array skipped. */
    private boolean element(JsonParser p, JsonGenerator g, int style, int at, long index) throws IOException {
        for (long i = index; p.currentToken() != JsonToken.END_ARRAY; i--) {
            if (i == 0) {
                boolean dirty = walk(p, g, style, at);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
                return dirty;
            }
            p.skipChildren();
            p.nextToken();
        }
        return false;
    }

    /** The matches of one {@code [*]}, written as text first so that a single match can be unwrapped. */
    private static final class WildcardBuffer extends CharArrayWriter {
        private JsonGenerator generator;

        JsonGenerator begin() throws IOException {
            reset();
            if (generator == null) {
                generator = JsonTextParser.FACTORY.createGenerator(this);
            }
            return generator;
        }

        char[] chars() {
            return buf;
        }
    }
}

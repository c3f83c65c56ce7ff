package io.tideway.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The one Jackson instance used for checkpoint JSON. Writing goes through a streaming generator
 * so field order is fixed by code (Spark's files are compared byte for byte); reading goes
 * through the tree model so unknown fields are ignored, as json4s does.
 *
 * <p>Threading: {@link ObjectMapper} and {@link JsonFactory} are thread-safe once configured,
 * which happens in the static initialiser; safe from any thread.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            // "{"a":1} junk" is a corrupt file, not a valid offset.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Compact JSON text produced by {@code body}. */
    static String write(Body body) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // StringWriter cannot fail; kept for the checked signature
        }
        return out.toString();
    }

    /** Parses {@code text}, blaming {@code log}'s file on failure. */
    static JsonNode read(String text, LogText log, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw log.fail("Invalid " + what + " JSON: empty.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw log.fail("Invalid " + what + " JSON: " + e.getOriginalMessage() + " in: " + text, e);
        }
    }

    /** A required-or-defaulted long field; a present but non-integral value is corruption. */
    static long longField(JsonNode obj, String name, long dflt, LogText log) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw log.fail("Field '" + name + "' is not a long: " + v);
        }
        return v.longValue();
    }

    static String textField(JsonNode obj, String name, LogText log) {
        JsonNode v = obj.get(name);
        if (v == null || !v.isTextual()) {
            throw log.fail("Field '" + name + "' is missing or not a string in: " + obj);
        }
        return v.textValue();
    }

    static JsonNode object(JsonNode node, LogText log, String what) {
        if (!node.isObject()) {
            throw log.fail("Expected a JSON object for " + what + " but found: " + node);
        }
        return node;
    }
}

package io.tideway.engine.expr.fn;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tideway.engine.expr.BytesOut;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where {@code get_json_object} and {@code json_tuple} write what they copy out of a JSON text:
 * one Jackson UTF-8 generator kept across rows (Spark opens one per row; the text written is the
 * same) writing into the caller's {@link BytesOut}. A row that fails half-way leaves the
 * generator in an unknown state, so {@link #discard} drops it and the next row opens another.
 * One per call site, used by one thread.
 */
public final class JsonValueOutput {
    private final Sink sink = new Sink();
    private JsonGenerator generator;

    /** The generator, writing from the start of {@code out}. */
    public JsonGenerator begin(BytesOut out) throws IOException {
        sink.target = out.reset();
        if (generator == null) {
            generator = JsonTextParser.FACTORY.createGenerator(sink);
        }
        return generator;
    }

    /** Flushes what was written; its length in the output. */
    public int finish() throws IOException {
        generator.flush();
        return sink.target.length();
    }

    /** Forgets a generator a failed row may have left inside an array or object. */
    public void discard() {
        generator = null;
    }

    /** Copies the parser's current value as Spark does: a string's text without quotes, anything else as JSON. */
    public static void copyValue(JsonParser p, JsonGenerator g) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            if (p.hasTextCharacters()) {
                g.writeRaw(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else {
                g.writeRaw(p.getText());
            }
        } else {
            g.copyCurrentStructure(p);
        }
    }

    /** Appends the generator's bytes to the current row's output. */
    private static final class Sink extends OutputStream {
        private BytesOut target;

        @Override
        public void write(int b) {
            target.append((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.ensure(len);
            target.buffer().putBytes(target.length(), b, off, len);
            target.length(target.length() + len);
        }
    }
}

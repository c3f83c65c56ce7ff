package io.tideway.engine.expr.fn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.agrona.DirectBuffer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Opens Jackson's streaming parser over one row's JSON text for {@code get_json_object} and
 * {@code json_tuple}, with Spark's shared factory for both (unescaped control characters and
 * single quotes allowed, for Hive). The bytes are read in place when the row lives on the heap and
 * copied into one reused array otherwise, so opening a parser costs only Jackson's small parser
 * objects. Spark decodes the text as UTF-8 characters first; {@link #openAsCharacters} does the
 * same for the rare text where reading bytes would differ (a byte-order mark or NUL near the start,
 * which Jackson's byte reader takes as an encoding hint, and malformed UTF-8, which Spark's decoder
 * replaces). One per call site, used by one thread.
 */
public final class JsonTextParser {
    /** Spark's {@code SharedFactory}; generators need no separator between root values, as each row writes one. */
    public static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .rootValueSeparator((String) null)
            .build();

    private byte[] copy = new byte[256];
    private byte[] text;
    private int start;
    private int length;

    /** A parser over {@code len} bytes at {@code off}; the caller closes it (which returns Jackson's buffers). */
    public JsonParser open(DirectBuffer b, int off, int len) throws IOException {
        byte[] array = b.byteArray();
        if (array != null) {
            text = array;
            start = (int) b.wrapAdjustment() + off;
        } else {
            if (copy.length < len) {
                copy = new byte[Math.max(len, 2 * copy.length)];
            }
            b.getBytes(off, copy, 0, len);
            text = copy;
            start = 0;
        }
        length = len;
        return readsAsBytes() ? FACTORY.createParser(text, start, length) : openAsCharacters();
    }

    /** A parser over the last opened text decoded as Spark decodes it, characters with malformed UTF-8 replaced. */
    public JsonParser openAsCharacters() throws IOException {
        return FACTORY.createParser(new InputStreamReader(new ByteArrayInputStream(text, start, length), StandardCharsets.UTF_8));
    }

    /** Whether the last opened text has a byte outside ASCII (only then can the character reading differ after a failure). */
    public boolean hasNonAscii() {
        for (int i = start; i < start + length; i++) {
            if (text[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether Jackson's byte reader would see what Spark's UTF-8 character reader sees (no encoding hint up front). */
    private boolean readsAsBytes() {
        if (length >= 3 && text[start] == (byte) 0xEF && text[start + 1] == (byte) 0xBB && text[start + 2] == (byte) 0xBF) {
            return false;
        }
        for (int i = start; i < start + Math.min(length, 4); i++) {
            if (text[i] == 0) {
                return false;
            }
        }
        return true;
    }
}

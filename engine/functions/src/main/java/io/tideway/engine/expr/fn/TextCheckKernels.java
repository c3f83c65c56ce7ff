package io.tideway.engine.expr.fn;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The implementations of Spark's URL codec functions ({@code url_encode}, {@code url_decode},
 * {@code try_url_decode}: the JDK's form encoding in UTF-8, as Spark's {@code UrlCodec}) and its
 * UTF-8 checks ({@code is_valid_utf8}, {@code make_valid_utf8}, {@code validate_utf8},
 * {@code try_validate_utf8}: well-formed UTF-8 as Unicode defines it, no overlong forms,
 * surrogates or code points past U+10FFFF). The validity check allocates nothing. Stateless.
 */
public final class TextCheckKernels {
    private static final byte[] REPLACEMENT = "\uFFFD".getBytes(StandardCharsets.UTF_8);

    private TextCheckKernels() {
    }

    public static int urlEncode(DirectBuffer b, int off, int len, BytesOut out) {
        return out.reset().append(URLEncoder.encode(StringKernels.string(b, off, len), StandardCharsets.UTF_8)).length();
    }

    /** url_decode; -1 (try_url_decode's null) or Spark's {@code CANNOT_DECODE_URL} for a malformed escape. */
    public static int urlDecode(DirectBuffer b, int off, int len, boolean tryMode, BytesOut out) {
        String s = StringKernels.string(b, off, len);
        try {
            return out.reset().append(URLDecoder.decode(s, StandardCharsets.UTF_8)).length();
        } catch (IllegalArgumentException e) {
            if (tryMode) {
                return -1;
            }
            throw new SparkIllegalArgumentException("CANNOT_DECODE_URL", Map.of("url", s));
        }
    }

    public static boolean isValidUtf8(DirectBuffer b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int n = sequenceLength(b, i, end);
            if (n < 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /** The string with each maximal invalid subsequence replaced by U+FFFD. */
    public static int makeValid(DirectBuffer b, int off, int len, BytesOut out) {
        out.reset();
        int i = off;
        int end = off + len;
        while (i < end) {
            int n = sequenceLength(b, i, end);
            if (n > 0) {
                out.append(b, i, n);
                i += n;
            } else {
                out.append(REPLACEMENT);
                i += -n;
            }
        }
        return out.length();
    }

    /** validate_utf8: the string itself, or Spark's {@code INVALID_UTF8_STRING}; try_validate_utf8's null is -1. */
    public static int validate(DirectBuffer b, int off, int len, boolean tryMode, BytesOut out) {
        if (isValidUtf8(b, off, len)) {
            return out.reset().append(b, off, len).length();
        }
        if (tryMode) {
            return -1;
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < len; i++) {
            shown.append(String.format("\\x%02X", b.getByte(off + i)));
        }
        throw new SparkIllegalArgumentException("INVALID_UTF8_STRING", Map.of("str", shown.toString()));
    }

    /**
     * The length of the well-formed sequence at {@code i}, or minus the length of its maximal
     * invalid subpart (at least one byte), by Unicode's table of well-formed byte sequences.
     */
    private static int sequenceLength(DirectBuffer b, int i, int end) {
        int c = b.getByte(i) & 0xFF;
        if (c < 0x80) {
            return 1;
        }
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= end) {
                return -k;
            }
            int x = b.getByte(i + k) & 0xFF;
            if (x < (k == 1 ? lo : 0x80) || x > (k == 1 ? hi : 0xBF)) {
                return -k;
            }
        }
        return need + 1;
    }
}

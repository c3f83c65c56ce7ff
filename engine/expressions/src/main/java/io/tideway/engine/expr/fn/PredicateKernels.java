package io.tideway.engine.expr.fn;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.BytesOut;
import io.tideway.sql.AnalysisException;
import org.agrona.DirectBuffer;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The string predicates' implementations over UTF-8 bytes: startswith/endswith/contains compare
 * bytes without allocating; LIKE and RLIKE match with {@link Pattern}s, compiled once when the
 * pattern is a literal, else per row through a one-entry {@link PatternCache}. Stateless.
 */
public final class PredicateKernels {
    private PredicateKernels() {
    }

    public static boolean startsWith(DirectBuffer a, int aOff, int aLen, DirectBuffer b, int bOff, int bLen) {
        return bLen <= aLen && regionEquals(a, aOff, b, bOff, bLen);
    }

    public static boolean endsWith(DirectBuffer a, int aOff, int aLen, DirectBuffer b, int bOff, int bLen) {
        return bLen <= aLen && regionEquals(a, aOff + aLen - bLen, b, bOff, bLen);
    }

    public static boolean contains(DirectBuffer a, int aOff, int aLen, DirectBuffer b, int bOff, int bLen) {
        return indexOf(a, aOff, aLen, b, bOff, bLen) >= 0;
    }

    /** The byte offset (from {@code aOff}) of the first occurrence of {@code b} in {@code a}, or -1. */
    public static int indexOf(DirectBuffer a, int aOff, int aLen, DirectBuffer b, int bOff, int bLen) {
        for (int i = 0; i + bLen <= aLen; i++) {
            if (regionEquals(a, aOff + i, b, bOff, bLen)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionEquals(DirectBuffer a, int aOff, DirectBuffer b, int bOff, int len) {
        for (int i = 0; i < len; i++) {
            if (a.getByte(aOff + i) != b.getByte(bOff + i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code p} matches the whole string (LIKE) or a part of it (RLIKE, {@code find}). */
    public static boolean matches(Pattern p, DirectBuffer b, int off, int len, boolean find) {
        String s = StringKernels.string(b, off, len);
        return find ? p.matcher(s).find() : p.matcher(s).matches();
    }

    /** The regular expression of a LIKE pattern, as Spark's {@code StringUtils.escapeLikeRegex}. */
    public static Pattern like(String pattern, char escape) {
        StringBuilder out = new StringBuilder("(?s)");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape) {
                if (i + 1 == pattern.length()) {
                    throw invalidFormat("ESC_AT_THE_END", pattern, null);
                }
                char next = pattern.charAt(++i);
                if (next != '_' && next != '%' && next != escape) {
                    throw invalidFormat("ESC_IN_THE_MIDDLE", pattern, next);
                }
                out.append(Pattern.quote(Character.toString(next)));
            } else if (c == '_') {
                out.append('.');
            } else if (c == '%') {
                out.append(".*");
            } else {
                out.append(Pattern.quote(Character.toString(c)));
            }
        }
        return Pattern.compile(out.toString());
    }

    /** An RLIKE pattern, or Spark's {@code INVALID_PARAMETER_VALUE.PATTERN} naming {@code function}. */
    public static Pattern regex(String pattern, String function) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new SparkRuntimeException("INVALID_PARAMETER_VALUE.PATTERN", Map.of("parameter", ErrorParams.id("regexp"),
                    "functionName", ErrorParams.id(function), "value", ErrorParams.value(pattern)));
        }
    }

    private static RuntimeException invalidFormat(String sub, String pattern, Character c) {
        Map<String, String> p = c == null ? Map.of("format", ErrorParams.value(pattern))
                : Map.of("format", ErrorParams.value(pattern), "char", ErrorParams.value(c.toString()));
        throw Unchecked.raise(new AnalysisException("INVALID_FORMAT." + sub, p));
    }

    /** The last pattern a call site compiled, for patterns that are not literals; one per call site, not thread-safe. */
    public static final class PatternCache {
        private final BytesOut last = new BytesOut();
        private Pattern pattern;

        /** The LIKE ({@code escape >= 0}) or RLIKE ({@code escape < 0}, named {@code function}) pattern of these bytes. */
        public Pattern get(DirectBuffer b, int off, int len, int escape, String function) {
            if (pattern != null && len == last.length() && regionEquals(last.buffer(), 0, b, off, len)) {
                return pattern;
            }
            String text = StringKernels.string(b, off, len);
            pattern = null;
            Pattern p = escape >= 0 ? like(text, (char) escape) : regex(text, function);
            last.reset().append(b, off, len);
            pattern = p;
            return p;
        }
    }
}

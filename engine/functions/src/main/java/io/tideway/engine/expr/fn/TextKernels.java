package io.tideway.engine.expr.fn;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.net.URI;
import java.net.URISyntaxException;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Formatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The implementations of Spark's text formatting and matching functions: format_string/printf
 * ({@link Formatter}, US locale), format_number ({@link DecimalFormat}, half-even), levenshtein,
 * soundex, luhn_check, parse_url and uuid. Stateless.
 */
public final class TextKernels {
    /** Soundex codes of A..Z; '7' (H, W) is skipped without ending a run, '0' (vowels) ends one. */
    private static final String SOUNDEX = "01230127022455012623017202";
    private static final String NUMBER_PATTERN = "#,###,###,###,###,###,##0";

    private TextKernels() {
    }

    /** format_string: {@code args} are the Java values Spark passes (a date as its days, a timestamp as its microseconds). */
    public static int format(DirectBuffer f, int off, int len, Object[] args, BytesOut out) {
        StringBuilder sb = new StringBuilder();
        try (Formatter fm = new Formatter(sb, Locale.US)) {
            fm.format(StringKernels.string(f, off, len), args);
        }
        return out.reset().append(sb.toString()).length();
    }

    /** A string argument of format_string, or null. */
    public static String text(boolean isNull, DirectBuffer b, int off, int len) {
        return isNull ? null : StringKernels.string(b, off, len);
    }

    /** format_number with {@code places} decimals (null, -1, when negative). */
    public static int formatNumber(double v, boolean integral, long lv, long places, BytesOut out) {
        if (places < 0) {
            return -1;
        }
        StringBuilder pattern = new StringBuilder(NUMBER_PATTERN);
        if (places > 0) {
            pattern.append('.').append("0".repeat((int) places));
        }
        return formatNumber(v, integral, lv, pattern.toString(), out);
    }

    /** format_number with a DecimalFormat pattern ('' is the default grouping pattern). */
    public static int formatNumber(double v, boolean integral, long lv, DirectBuffer p, int pOff, int pLen, BytesOut out) {
        String pattern = StringKernels.string(p, pOff, pLen);
        return formatNumber(v, integral, lv, pattern.isEmpty() ? NUMBER_PATTERN : pattern, out);
    }

    private static int formatNumber(double v, boolean integral, long lv, String pattern, BytesOut out) {
        DecimalFormat df = new DecimalFormat("", new DecimalFormatSymbols(Locale.US));
        df.setRoundingMode(RoundingMode.HALF_EVEN);
        df.applyLocalizedPattern(pattern);
        return out.reset().append(integral ? df.format(lv) : df.format(v)).length();
    }

    /** The edit distance in characters, or -1 when it is over {@code threshold} (no threshold: -1 passed as MAX). */
    public static int levenshtein(DirectBuffer a, int aOff, int aLen, DirectBuffer b, int bOff, int bLen, long threshold) {
        int[] s = StringKernels.string(a, aOff, aLen).codePoints().toArray();
        int[] t = StringKernels.string(b, bOff, bLen).codePoints().toArray();
        int[] prev = new int[t.length + 1];
        int[] cur = new int[t.length + 1];
        for (int j = 0; j <= t.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= s.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= t.length; j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1));
            }
            int[] x = prev;
            prev = cur;
            cur = x;
        }
        int d = prev[t.length];
        return d > threshold ? -1 : d;
    }

    /** Spark's soundex: a string that does not start with an ASCII letter comes back as it is. */
    public static int soundex(DirectBuffer b, int off, int len, BytesOut out) {
        out.reset();
        if (len == 0) {
            return 0;
        }
        int c = upper(b.getByte(off));
        if (c < 'A' || c > 'Z') {
            return out.append(b, off, len).length();
        }
        byte[] sx = {(byte) c, '0', '0', '0'};
        int n = 1;
        char last = SOUNDEX.charAt(c - 'A');
        for (int i = 1; i < len && n < 4; i++) {
            int x = upper(b.getByte(off + i));
            if (x < 'A' || x > 'Z') {
                last = '0';
                continue;
            }
            char code = SOUNDEX.charAt(x - 'A');
            if (code == '7') {
                continue;
            }
            if (code != '0' && code != last) {
                sx[n++] = (byte) code;
            }
            last = code;
        }
        return out.append(sx).length();
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }

    /** The Luhn checksum test of a string of digits ('' and any non-digit fail). */
    public static boolean luhn(DirectBuffer b, int off, int len) {
        if (len == 0) {
            return false;
        }
        int sum = 0;
        boolean second = false;
        for (int i = len - 1; i >= 0; i--) {
            int ch = b.getByte(off + i);
            if (ch < '0' || ch > '9') {
                return false;
            }
            int d = second ? (ch - '0') * 2 : ch - '0';
            sum += d % 10 + d / 10;
            second = !second;
        }
        return sum % 10 == 0;
    }

    /**
     * parse_url: the part (HOST, PATH, QUERY, REF, PROTOCOL, FILE, AUTHORITY, USERINFO; others
     * null) of {@code url}, or of QUERY the value of {@code key}; a URL that does not parse is
     * {@code INVALID_URL} when {@code fail}, else null.
     */
    public static int parseUrl(DirectBuffer u, int uOff, int uLen, DirectBuffer p, int pOff, int pLen, DirectBuffer k,
                               int kOff, int kLen, boolean fail, BytesOut out) {
        String url = StringKernels.string(u, uOff, uLen);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            if (fail) {
                throw new SparkIllegalArgumentException("INVALID_URL", Map.of("url", url), e);
            }
            return -1;
        }
        String part = StringKernels.string(p, pOff, pLen);
        String value = switch (part) {
            case "HOST" -> uri.getHost();
            case "PATH" -> uri.getRawPath();
            case "QUERY" -> uri.getRawQuery();
            case "REF" -> uri.getRawFragment();
            case "PROTOCOL" -> uri.getScheme();
            case "FILE" -> uri.getRawQuery() != null ? uri.getRawPath() + "?" + uri.getRawQuery() : uri.getRawPath();
            case "AUTHORITY" -> uri.getRawAuthority();
            case "USERINFO" -> uri.getRawUserInfo();
            default -> null;
        };
        if (k != null && value != null) {
            if (!part.equals("QUERY")) {
                return -1;
            }
            Matcher m = Pattern.compile("(&|^)" + Pattern.quote(StringKernels.string(k, kOff, kLen)) + "=([^&]*)").matcher(value);
            value = m.find() ? m.group(2) : null;
        }
        return value == null ? -1 : out.reset().append(value).length();
    }

    /** Spark's {@code RandomUUIDGenerator.getNextUUID}: a version 4 UUID from the next two longs of {@code rng}. */
    public static int uuid(MersenneTwister rng, BytesOut out) {
        long most = (rng.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long least = (rng.nextLong() | 0x8000000000000000L) & 0xBFFFFFFFFFFFFFFFL;
        return out.reset().append(new UUID(most, least).toString()).length();
    }
}

package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.ArrayOut;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.offheap.row.ArrayWriter;
import org.agrona.DirectBuffer;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * {@code split(str, regex, limit)} into an {@code array<string>}, as Spark 4's
 * {@code UTF8String.split}: a limit of 0 or less keeps every part (trailing empty ones too); an
 * empty pattern splits into characters, at most {@code limit} of them; an invalid pattern is
 * Java's {@code PatternSyntaxException}. A one-byte pattern that is not a regex metacharacter (the
 * common {@code ","}) splits the bytes in place without allocating.
 */
public final class SplitKernels {
    private static final String REGEX_META = ".$|()[{^?*+\\";

    private SplitKernels() {
    }

    /** The pattern a call site compiled last, kept while the pattern's bytes stay the same. One per call site; not thread-safe. */
    public static final class LastPattern {
        private byte[] text = new byte[0];
        private Pattern pattern;

        Pattern get(DirectBuffer b, int off, int len) {
            byte[] t = new byte[len];
            b.getBytes(off, t);
            if (pattern == null || !Arrays.equals(t, text)) {
                pattern = Pattern.compile(new String(t, java.nio.charset.StandardCharsets.UTF_8));
                text = t;
            }
            return pattern;
        }
    }

    public static int split(DirectBuffer b, int o, int n, DirectBuffer pb, int po, int pl, long limit, LastPattern last,
                            CollectionOut out) {
        if (pl == 0) {
            return chars(StringKernels.string(b, o, n), limit, out);
        }
        if (pl == 1 && pb.getByte(po) >= 0 && REGEX_META.indexOf(pb.getByte(po)) < 0) {
            return bytes(b, o, n, pb.getByte(po), limit, out);
        }
        String[] parts = last.get(pb, po, pl).split(StringKernels.string(b, o, n), limit > 0 ? (int) limit : -1);
        ArrayWriter a = out.array(parts.length);
        for (int i = 0; i < parts.length; i++) {
            ArrayOut.putString(a, i, parts[i]);
        }
        return a.finish();
    }

    private static int chars(String s, long limit, CollectionOut out) {
        if (s.isEmpty()) {
            ArrayWriter a = out.array(1);
            ArrayOut.putString(a, 0, "");
            return a.finish();
        }
        int[] cps = s.codePoints().toArray();
        int count = limit > 0 ? (int) Math.min(limit, cps.length) : cps.length;
        ArrayWriter a = out.array(count);
        for (int i = 0; i < count; i++) {
            ArrayOut.putString(a, i, new String(cps, i, 1));
        }
        return a.finish();
    }

    private static int bytes(DirectBuffer b, int o, int n, byte sep, long limit, CollectionOut out) {
        int end = o + n;
        long max = limit > 0 ? limit : Long.MAX_VALUE;
        int parts = 1;
        for (int i = o; i < end && parts < max; i++) {
            if (b.getByte(i) == sep) {
                parts++;
            }
        }
        ArrayWriter a = out.array(parts);
        int start = o;
        int idx = 0;
        for (int i = o; i < end && idx < parts - 1; i++) {
            if (b.getByte(i) == sep) {
                a.putBytes(idx++, b, start, i - start);
                start = i + 1;
            }
        }
        a.putBytes(idx, b, start, end - start);
        return a.finish();
    }
}

package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.ArrayOut;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.offheap.row.ArrayWriter;
import org.agrona.DirectBuffer;

import io.tideway.engine.expr.ByteRangeArray;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.offheap.row.RowReader;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
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
        long word = separatorWord(sep);
        long max = limit > 0 ? limit : Long.MAX_VALUE;
        int parts = 1;
        for (int i = nextSeparator(b, o, end, sep, word); i >= 0 && parts < max; i = nextSeparator(b, i + 1, end, sep, word)) {
            parts++;
        }
        ArrayWriter a = out.array(parts);
        int start = o;
        for (int idx = 0; idx < parts - 1; idx++) {
            int at = nextSeparator(b, start, end, sep, word);
            a.putBytes(idx, b, start, at - start);
            start = at + 1;
        }
        a.putBytes(parts - 1, b, start, end - start);
        return a.finish();
    }

    /** {@code sep} in every byte of a word, for {@link #nextSeparator}. */
    static long separatorWord(byte sep) {
        return (sep & 0xFFL) * 0x0101010101010101L;
    }

    /**
     * The index of the first {@code sep} in {@code [from, to)}, or -1; eight bytes per step (word
     * count's lines are mostly short words, and a byte loop cost two bounds-checked reads a byte).
     */
    static int nextSeparator(DirectBuffer b, int from, int to, byte sep, long sepWord) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = b.getLong(i, ByteOrder.LITTLE_ENDIAN) ^ sepWord;
            // 0x80 in exactly the bytes of x that are zero, i.e. where the text has sep
            long zero = ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL);
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b.getByte(i) == sep) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code explode(split(s, "<c>"))} without the array: when {@code call} is {@code split} with a
     * literal one-byte pattern (not a regex metacharacter) and no positive literal limit, the
     * parts as byte ranges of the string, the same parts {@link #split} writes; else null.
     */
    public static ByteRangeArray ranges(Expression call, EvalContext ctx) {
        if (!(call instanceof ScalarFunction f) || !f.name().equalsIgnoreCase("split")) {
            return null;
        }
        List<Expression> args = f.children();
        if (!(args.get(1) instanceof Literal p) || !(p.value() instanceof String pattern) || pattern.length() != 1
                || pattern.charAt(0) >= 0x80 || REGEX_META.indexOf(pattern.charAt(0)) >= 0) {
            return null;
        }
        if (args.size() > 2 && !(args.get(2) instanceof Literal l && l.value() instanceof Number n && n.longValue() <= 0)) {
            return null;
        }
        return new Ranges(args.get(0).evaluator(ctx), (byte) pattern.charAt(0));
    }

    /** The parts of one string, found as {@link #bytes} finds them. One per operator; not thread-safe. */
    private static final class Ranges implements ByteRangeArray {
        private final Evaluator s;
        private final byte sep;
        private final long sepWord;
        /** Where the separators of the current string are; grows, never shrinks. */
        private int[] separators = new int[16];
        private int parts;

        Ranges(Evaluator s, byte sep) {
            this.s = s;
            this.sep = sep;
            this.sepWord = separatorWord(sep);
        }

        @Override
        public int evalRanges(RowReader row) {
            s.eval(row);
            if (s.isNull) {
                return -1;
            }
            int end = s.off + s.len;
            int found = 0;
            for (int i = nextSeparator(s.buf, s.off, end, sep, sepWord); i >= 0; i = nextSeparator(s.buf, i + 1, end, sep, sepWord)) {
                if (found == separators.length) {
                    separators = Arrays.copyOf(separators, found * 2);
                }
                separators[found++] = i;
            }
            parts = found + 1;
            return parts;
        }

        @Override
        public DirectBuffer rangeBuffer() {
            return s.buf;
        }

        @Override
        public int rangeOffset(int i) {
            return i == 0 ? s.off : separators[i - 1] + 1;
        }

        @Override
        public int rangeLength(int i) {
            return (i == parts - 1 ? s.off + s.len : separators[i]) - rangeOffset(i);
        }
    }
}

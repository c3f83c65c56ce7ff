package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The string functions' implementations, over UTF-8 bytes as rows hold them (Spark's
 * {@code UTF8String}); generated code calls these. ASCII input takes paths that allocate
 * nothing; other input may go through {@link String}. Stateless.
 */
public final class StringKernels {
    private StringKernels() {
    }

    /** The number of characters (code points) in UTF-8 {@code b[off, off+len)}. */
    public static int numChars(DirectBuffer b, int off, int len) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            if ((b.getByte(off + i) & 0xC0) != 0x80) { // not a continuation byte
                n++;
            }
        }
        return n;
    }

    /** Upper case, as Java's root locale (so {@code ß} is {@code SS}); returns the length written to {@code out}. */
    public static int upper(DirectBuffer b, int off, int len, BytesOut out) {
        out.reset();
        if (isAscii(b, off, len)) {
            out.ensure(len);
            for (int i = 0; i < len; i++) {
                byte c = b.getByte(off + i);
                out.buffer().putByte(i, c >= 'a' && c <= 'z' ? (byte) (c - 32) : c);
            }
            out.length(len);
            return len;
        }
        return out.append(string(b, off, len).toUpperCase(Locale.ROOT)).length();
    }

    /** Lower case, as Java's root locale; returns the length written to {@code out}. */
    public static int lower(DirectBuffer b, int off, int len, BytesOut out) {
        out.reset();
        if (isAscii(b, off, len)) {
            out.ensure(len);
            for (int i = 0; i < len; i++) {
                byte c = b.getByte(off + i);
                out.buffer().putByte(i, c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c);
            }
            out.length(len);
            return len;
        }
        return out.append(string(b, off, len).toLowerCase(Locale.ROOT)).length();
    }

    static boolean isAscii(DirectBuffer b, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (b.getByte(off + i) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as a Java string (allocates). */
    public static String string(DirectBuffer b, int off, int len) {
        byte[] bytes = new byte[len];
        b.getBytes(off, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The byte offset, from {@code off}, of character {@code chars} (0-based), or {@code len} when past the end. */
    static int byteOfChar(DirectBuffer b, int off, int len, int chars) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            if ((b.getByte(off + i) & 0xC0) != 0x80) {
                if (n == chars) {
                    return i;
                }
                n++;
            }
        }
        return len;
    }

    /**
     * Spark's {@code substring(s, pos, count)} on characters ({@code UTF8String.substringSQL}):
     * pos 1 is the first character, 0 too, a negative pos counts from the end; copies the bytes.
     */
    public static int substring(DirectBuffer b, int off, int len, long pos, long count, BytesOut out) {
        int chars = numChars(b, off, len);
        return slice(b, off, len, chars, pos, count, out, true);
    }

    /** {@code substring} of a binary, on bytes. */
    public static int substringBinary(DirectBuffer b, int off, int len, long pos, long count, BytesOut out) {
        return slice(b, off, len, len, pos, count, out, false);
    }

    private static int slice(DirectBuffer b, int off, int len, int units, long pos, long count, BytesOut out,
                             boolean utf8) {
        long range = sliceRange(b, off, len, units, pos, count, utf8);
        out.reset();
        return range < 0 ? 0 : out.append(b, off + (int) (range >>> 32), (int) range - (int) (range >>> 32)).length();
    }

    /**
     * The byte range {@code from << 32 | to} (relative to {@code off}) of Spark's
     * {@code substring(pos, count)} over {@code units} characters (or bytes), or -1 when empty.
     */
    private static long sliceRange(DirectBuffer b, int off, int len, int units, long pos, long count, boolean utf8) {
        long start = pos > 0 ? pos - 1 : pos < 0 ? units + pos : 0;
        long end = Math.max(Math.min(start + count, Integer.MAX_VALUE), Integer.MIN_VALUE);
        start = Math.max(start, 0);
        if (start >= end || start >= units) {
            return -1;
        }
        end = Math.min(end, units);
        long from = utf8 ? byteOfChar(b, off, len, (int) start) : start;
        long to = utf8 ? byteOfChar(b, off, len, (int) end) : end;
        return from << 32 | to;
    }

    /** {@code left(s, n)}: the first {@code n} characters ('' for {@code n <= 0}). */
    public static int left(DirectBuffer b, int off, int len, long n, BytesOut out) {
        return n <= 0 ? out.reset().length() : substring(b, off, len, 1, n, out);
    }

    /** {@code right(s, n)}: the last {@code n} characters ('' for {@code n <= 0}). */
    public static int right(DirectBuffer b, int off, int len, long n, BytesOut out) {
        return n <= 0 ? out.reset().length() : substring(b, off, len, -n, n, out);
    }

    /** lpad/rpad: {@code s} padded with {@code pad} (repeated, cut) to {@code n} characters, or cut to {@code n}. */
    public static int pad(DirectBuffer b, int off, int len, long n, DirectBuffer p, int pOff, int pLen, boolean left,
                          BytesOut out) {
        int chars = numChars(b, off, len);
        long spaces = n - chars;
        if (spaces <= 0 || pLen == 0) {
            return substring(b, off, len, 1, Math.max(n, 0), out);
        }
        out.reset();
        if (!left) {
            out.append(b, off, len);
        }
        int padChars = numChars(p, pOff, pLen);
        for (long i = 0; i < spaces / padChars; i++) {
            out.append(p, pOff, pLen);
        }
        out.append(p, pOff, byteOfChar(p, pOff, pLen, (int) (spaces % padChars)));
        if (left) {
            out.append(b, off, len);
        }
        return out.length();
    }

    /** lpad/rpad of binaries, on bytes. */
    public static int padBinary(DirectBuffer b, int off, int len, long n, DirectBuffer p, int pOff, int pLen, boolean left,
                                BytesOut out) {
        long spaces = n - len;
        out.reset();
        if (spaces <= 0 || pLen == 0) {
            return out.append(b, off, (int) Math.max(Math.min(n, len), 0)).length();
        }
        if (!left) {
            out.append(b, off, len);
        }
        for (long i = 0; i < spaces; i++) {
            out.append(p.getByte(pOff + (int) (i % pLen)));
        }
        if (left) {
            out.append(b, off, len);
        }
        return out.length();
    }

    public static int repeat(DirectBuffer b, int off, int len, long n, BytesOut out) {
        out.reset();
        for (long i = 0; i < n; i++) {
            out.append(b, off, len);
        }
        return out.length();
    }

    /** The characters (code points) in reverse order. */
    public static int reverse(DirectBuffer b, int off, int len, BytesOut out) {
        out.reset().ensure(len);
        int end = len;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && (b.getByte(off + start) & 0xC0) == 0x80) {
                start--;
            }
            out.append(b, off + start, end - start);
            end = start;
        }
        return out.length();
    }

    /** Trims {@code trim}'s characters (a space when {@code t} is null) from the start and/or end. */
    public static int trim(DirectBuffer b, int off, int len, DirectBuffer t, int tOff, int tLen, boolean leading,
                           boolean trailing, BytesOut out) {
        int start = 0;
        int end = len;
        if (t == null) {
            while (leading && start < end && b.getByte(off + start) == ' ') {
                start++;
            }
            while (trailing && end > start && b.getByte(off + end - 1) == ' ') {
                end--;
            }
        } else {
            String chars = string(t, tOff, tLen);
            String s = string(b, off, len);
            int i = 0;
            int j = s.length();
            while (leading && i < j && chars.indexOf(s.codePointAt(i)) >= 0) {
                i += Character.charCount(s.codePointAt(i));
            }
            while (trailing && j > i && chars.indexOf(s.codePointBefore(j)) >= 0) {
                j -= Character.charCount(s.codePointBefore(j));
            }
            return out.reset().append(s.substring(i, j)).length();
        }
        return out.reset().append(b, off + start, end - start).length();
    }

    /** Each character of {@code from} becomes the one at its index in {@code to}, or goes when {@code to} is shorter. */
    public static int translate(DirectBuffer b, int off, int len, DirectBuffer f, int fOff, int fLen, DirectBuffer t,
                                int tOff, int tLen, BytesOut out) {
        int[] from = string(f, fOff, fLen).codePoints().toArray();
        int[] to = string(t, tOff, tLen).codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        string(b, off, len).codePoints().forEach(cp -> {
            for (int i = 0; i < from.length; i++) {
                if (from[i] == cp) {
                    if (i < to.length) {
                        sb.appendCodePoint(to[i]);
                    }
                    return;
                }
            }
            sb.appendCodePoint(cp);
        });
        return out.reset().append(sb.toString()).length();
    }

    /** Every occurrence of {@code search} replaced by {@code rep}; an empty {@code search} changes nothing. */
    public static int replace(DirectBuffer b, int off, int len, DirectBuffer s, int sOff, int sLen, DirectBuffer r,
                              int rOff, int rLen, BytesOut out) {
        out.reset();
        if (sLen == 0) {
            return out.append(b, off, len).length();
        }
        int i = 0;
        while (i < len) {
            int at = PredicateKernels.indexOf(b, off + i, len - i, s, sOff, sLen);
            if (at < 0) {
                break;
            }
            out.append(b, off + i, at).append(r, rOff, rLen);
            i += at + sLen;
        }
        return out.append(b, off + i, len - i).length();
    }

    /** overlay(s PLACING r FROM pos [FOR n]): n defaults (n &lt; 0) to r's length, in characters or bytes. */
    public static int overlay(DirectBuffer b, int off, int len, DirectBuffer r, int rOff, int rLen, long pos, long n,
                              boolean binary, BytesOut out) {
        long count = n >= 0 ? n : binary ? rLen : numChars(r, rOff, rLen);
        int units = binary ? len : numChars(b, off, len);
        long head = sliceRange(b, off, len, units, 1, pos - 1, !binary);
        long tail = sliceRange(b, off, len, units, pos + count, Integer.MAX_VALUE, !binary);
        out.reset();
        if (head >= 0) {
            out.append(b, off + (int) (head >>> 32), (int) head - (int) (head >>> 32));
        }
        out.append(r, rOff, rLen);
        if (tail >= 0) {
            out.append(b, off + (int) (tail >>> 32), (int) tail - (int) (tail >>> 32));
        }
        return out.length();
    }

    /** Spark's initcap: lower case, then each character after a space (or at the start) in title case. */
    public static int initcap(DirectBuffer b, int off, int len, BytesOut out) {
        String lower = string(b, off, len).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean start = true;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (start) {
                int title = Character.toTitleCase(cp);
                String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
                if (title == cp && upper.codePointCount(0, upper.length()) > 1) { // ß: full mapping, then title case
                    sb.appendCodePoint(upper.codePointAt(0)).append(upper.substring(Character.charCount(upper.codePointAt(0)))
                            .toLowerCase(Locale.ROOT));
                } else {
                    sb.appendCodePoint(title);
                }
            } else {
                sb.appendCodePoint(cp);
            }
            start = cp == ' ';
        }
        return out.reset().append(sb.toString()).length();
    }

    /** The code point of the first character, or 0 for ''. */
    public static int ascii(DirectBuffer b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int c = b.getByte(off) & 0xFF;
        return c < 0x80 ? c : string(b, off, byteOfChar(b, off, len, 1)).codePointAt(0);
    }

    /** The character with code {@code n mod 256}, '' for a negative {@code n}. */
    public static int chr(long n, BytesOut out) {
        out.reset();
        return n < 0 ? 0 : out.append(String.valueOf((char) (n & 0xFF))).length();
    }

    public static int space(long n, BytesOut out) {
        out.reset();
        for (long i = 0; i < n; i++) {
            out.append((byte) ' ');
        }
        return out.length();
    }

    /** The 1-based character position of {@code sub} in {@code s} from character {@code start} (1-based), else 0. */
    public static int locate(DirectBuffer s, int off, int len, DirectBuffer sub, int subOff, int subLen, long start) {
        if (start < 1) {
            return 0;
        }
        int from = byteOfChar(s, off, len, (int) Math.min(start - 1, Integer.MAX_VALUE));
        if (subLen == 0) {
            return 1; // Spark: an empty substring is found at once
        }
        int at = PredicateKernels.indexOf(s, off + from, len - from, sub, subOff, subLen);
        return at < 0 ? 0 : numChars(s, off, from + at) + 1;
    }

    /** Spark's substring_index: before the {@code count}-th {@code delim} (from the end when negative). */
    public static int substringIndex(DirectBuffer b, int off, int len, DirectBuffer d, int dOff, int dLen, long count,
                                     BytesOut out) {
        out.reset();
        if (count == 0 || dLen == 0) {
            return 0;
        }
        if (count > 0) {
            int i = 0;
            for (long k = 0; k < count; k++) {
                int at = PredicateKernels.indexOf(b, off + i, len - i, d, dOff, dLen);
                if (at < 0) {
                    return out.append(b, off, len).length();
                }
                i += at + (k + 1 < count ? dLen : 0);
            }
            return out.append(b, off, i).length();
        }
        int end = len;
        for (long k = 0; k < -count; k++) {
            int at = lastIndexOf(b, off, end, d, dOff, dLen);
            if (at < 0) {
                return out.append(b, off, len).length();
            }
            end = at;
        }
        return out.append(b, off + end + dLen, len - end - dLen).length();
    }

    private static int lastIndexOf(DirectBuffer a, int aOff, int aLen, DirectBuffer b, int bOff, int bLen) {
        for (int i = aLen - bLen; i >= 0; i--) {
            if (PredicateKernels.startsWith(a, aOff + i, aLen - i, b, bOff, bLen)) {
                return i;
            }
        }
        return -1;
    }

    /** Spark's elt index check: under ANSI an index outside [1, n] is {@code INVALID_ARRAY_INDEX}, else the result is null. */
    public static boolean eltInRange(long index, int n, boolean ansi) {
        if (index >= 1 && index <= n) {
            return true;
        }
        if (ansi) {
            throw new io.tideway.SparkArrayIndexOutOfBoundsException("INVALID_ARRAY_INDEX", java.util.Map.of(
                    "indexValue", String.valueOf(index), "arraySize", String.valueOf(n)));
        }
        return false;
    }

    /**
     * Spark's mask: upper-case letters become {@code upper}, lower-case ones {@code lower}, digits
     * {@code digit}, the rest {@code other}; a replacement of -1 keeps those characters.
     */
    public static int mask(DirectBuffer b, int off, int len, int upper, int lower, int digit, int other, BytesOut out) {
        StringBuilder sb = new StringBuilder(len);
        string(b, off, len).codePoints().forEach(cp -> {
            int r = Character.isUpperCase(cp) ? upper : Character.isLowerCase(cp) ? lower : Character.isDigit(cp) ? digit : other;
            sb.appendCodePoint(r < 0 ? cp : r);
        });
        return out.reset().append(sb.toString()).length();
    }

    /**
     * Spark's {@code find_in_set}: the 1-based position of {@code s} among the comma-separated
     * items of {@code list}, 0 if absent or if {@code s} itself holds a comma.
     */
    public static int findInSet(DirectBuffer s, int so, int sl, DirectBuffer list, int lo, int ll) {
        for (int i = 0; i < sl; i++) {
            if (s.getByte(so + i) == ',') {
                return 0;
            }
        }
        int index = 1;
        int start = lo;
        for (int i = lo; i <= lo + ll; i++) {
            if (i == lo + ll || list.getByte(i) == ',') {
                if (i - start == sl && sameBytes(s, so, list, start, sl)) {
                    return index;
                }
                index++;
                start = i + 1;
            }
        }
        return 0;
    }

    /**
     * Spark's {@code split_part}: the {@code part}-th (1-based, negative from the end) piece of
     * {@code s} split at each {@code delim} (literal; an empty one does not split); '' out of
     * range, Spark's INVALID_INDEX_OF_ZERO for 0.
     */
    public static int splitPart(DirectBuffer s, int so, int sl, DirectBuffer d, int dof, int dl, long part, BytesOut out) {
        if (part == 0) {
            throw new io.tideway.SparkRuntimeException("INVALID_INDEX_OF_ZERO", java.util.Map.of());
        }
        int pieces = 1;
        for (int i = dl == 0 ? sl : nextDelimiter(s, so, sl, 0, d, dof, dl); i < sl; i = nextDelimiter(s, so, sl, i + dl, d, dof, dl)) {
            pieces++;
        }
        long want = part > 0 ? part - 1 : pieces + part;
        out.reset();
        if (want < 0 || want >= pieces) {
            return out.length();
        }
        int start = 0;
        for (long k = 0; k < want; k++) {
            start = nextDelimiter(s, so, sl, start, d, dof, dl) + dl;
        }
        int end = dl == 0 ? sl : nextDelimiter(s, so, sl, start, d, dof, dl);
        return out.append(s, so + start, end - start).length();
    }

    /** The position (relative to {@code so}) of the first {@code d} in {@code s} at or after {@code from}; {@code sl} if none. */
    private static int nextDelimiter(DirectBuffer s, int so, int sl, int from, DirectBuffer d, int dof, int dl) {
        for (int i = from; i + dl <= sl; i++) {
            if (sameBytes(s, so + i, d, dof, dl)) {
                return i;
            }
        }
        return sl;
    }

    private static boolean sameBytes(DirectBuffer a, int ao, DirectBuffer b, int bo, int len) {
        for (int i = 0; i < len; i++) {
            if (a.getByte(ao + i) != b.getByte(bo + i)) {
                return false;
            }
        }
        return true;
    }
}

package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.ArithmeticErrors;
import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The math functions' implementations that are more than one call of {@link Math}: rounding at a
 * scale as Spark does it (a double through its shortest decimal text, an integer exactly), conv,
 * bin, factorial, width_bucket. Generated code calls these. Stateless; nothing allocates on the
 * common path (a double that lies on a rounding tie goes through {@link BigDecimal}).
 */
public final class MathKernels {
    private static final long[] FACTORIALS = {1L, 1L, 2L, 6L, 24L, 120L, 720L, 5040L, 40320L, 362880L, 3628800L,
        39916800L, 479001600L, 6227020800L, 87178291200L, 1307674368000L, 20922789888000L, 355687428096000L,
        6402373705728000L, 121645100408832000L, 2432902008176640000L};
    private static final double SQRT_MAX = Math.sqrt(Double.MAX_VALUE);
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long[] LONG_POWERS_OF_TEN = new long[19];
    private static final byte[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static {
        double p = 1.0;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10.0;
        }
        long q = 1L;
        for (int i = 0; i < LONG_POWERS_OF_TEN.length; i++) {
            LONG_POWERS_OF_TEN[i] = q;
            q *= 10L;
        }
    }

    private MathKernels() {
    }

    /**
     * A double rounded to {@code scale} decimals (negative: tens, hundreds...) half-up or, with
     * {@code halfEven}, half-even, as Spark's {@code BigDecimal(d).setScale(scale, mode).toDouble}:
     * the decimal text of {@code d} ({@link Double#toString}) decides a tie, so 2.675 rounds to 2.68.
     * NaN and the infinities stay as they are.
     */
    public static double round(double d, long scale, boolean halfEven) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        double a = Math.abs(d);
        if (scale >= 0 && (a >= 0x1p52 || scale > 22)) {
            // already integral (or finer than any double's text needs): the text's value, as a double, is d
            return scale > 22 ? bigRound(d, scale, halfEven) : d;
        }
        if (scale < 0 && scale >= -22) {
            double p = POWERS_OF_TEN[(int) -scale];
            double q = a / p;
            if (q < 0x1p52 && !nearTie(q)) {
                double n = Math.floor(q) + (q - Math.floor(q) > 0.5 ? 1.0 : 0.0);
                return n == 0.0 ? 0.0 : Math.copySign(n * p, d);
            }
            return bigRound(d, scale, halfEven);
        }
        if (scale < 0) {
            return bigRound(d, scale, halfEven);
        }
        double p = POWERS_OF_TEN[(int) scale];
        double scaled = a * p;
        if (scaled >= 0x1p52 || nearTie(scaled)) {
            return bigRound(d, scale, halfEven);
        }
        double n = Math.floor(scaled) + (scaled - Math.floor(scaled) > 0.5 ? 1.0 : 0.0);
        // n and p are exact, so n / p is the double nearest the decimal n * 10^-scale, as BigDecimal.doubleValue gives
        return n == 0.0 ? 0.0 : Math.copySign(n / p, d);
    }

    /** Whether {@code x}'s fraction is so near one half that floating-point error could decide the rounding. */
    private static boolean nearTie(double x) {
        double frac = x - Math.floor(x);
        return Math.abs(frac - 0.5) <= 1e-9 * Math.max(1.0, x);
    }

    private static double bigRound(double d, long scale, boolean halfEven) {
        return new BigDecimal(Double.toString(d)).setScale((int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, scale)),
                halfEven ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * An INT or BIGINT rounded at a negative {@code scale} (a scale of 0 or more leaves it), exactly;
     * a result outside the type fails under ANSI ({@code [ARITHMETIC_OVERFLOW] Overflow.}) and wraps without.
     */
    /** round/bround of a tinyint ({@code bits} 8) or smallint (16): a result out of its range is Spark's {@code Overflow} under ANSI. */
    public static long roundSmall(long v, long scale, boolean halfEven, int bits, boolean ansi) {
        long r = roundIntegral(v, scale, halfEven, false, ansi);
        long narrow = bits == 8 ? (byte) r : (short) r;
        if (narrow != r && ansi) {
            throw ArithmeticErrors.overflow("Overflow", null);
        }
        return narrow;
    }

    /** round/bround of a float (held as a double), as Spark rounds the float's own text. */
    public static double roundFloat(double v, long scale, boolean halfEven) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(Float.toString((float) v))
                .setScale((int) scale, halfEven ? java.math.RoundingMode.HALF_EVEN : java.math.RoundingMode.HALF_UP).floatValue();
    }

    public static long roundIntegral(long v, long scale, boolean halfEven, boolean isInt, boolean ansi) {
        if (scale >= 0) {
            return v;
        }
        if (-scale >= LONG_POWERS_OF_TEN.length) {
            return 0L; // 10^19 is more than twice any long
        }
        long p = LONG_POWERS_OF_TEN[(int) -scale];
        long q = v / p;
        long r = Math.abs(v % p);
        long half = p - r; // compare r with p - r instead of 2r with p, which could overflow
        if (r > half || r == half && (!halfEven || (q & 1L) != 0)) {
            q += v < 0 ? -1 : 1;
        }
        long result;
        try {
            result = Math.multiplyExact(q, p);
        } catch (ArithmeticException e) {
            if (ansi) {
                throw ArithmeticErrors.overflow("Overflow", null);
            }
            result = q * p;
        }
        if (isInt && result != (int) result) {
            if (ansi) {
                throw ArithmeticErrors.overflow("Overflow", null);
            }
            return (int) result;
        }
        return result;
    }

    /** ceil or floor of a double at {@code scale} decimals, through its decimal text (Spark's result is a DECIMAL). */
    public static double roundTo(double d, long scale, boolean ceiling) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        return new BigDecimal(Double.toString(d)).setScale((int) Math.max(-1000, Math.min(1000, scale)),
                ceiling ? RoundingMode.CEILING : RoundingMode.FLOOR).doubleValue();
    }

    /** asinh as Spark 4: log(x + sqrt(x^2 + 1)), and sign(x) (log 2 + log |x|) where x^2 would overflow. */
    public static double asinh(double x) {
        double a = Math.abs(x);
        if (a >= SQRT_MAX) {
            return Math.signum(x) * (StrictMath.log(2.0) + StrictMath.log(a));
        }
        return StrictMath.log(x + Math.sqrt(x * x + 1.0));
    }

    /** acosh as Spark 4: log(x + sqrt(x^2 - 1)), and log 2 + log x where x^2 would overflow; NaN below 1. */
    public static double acosh(double x) {
        if (x >= SQRT_MAX) {
            return StrictMath.log(2.0) + StrictMath.log(x);
        }
        if (x < 1.0) {
            return Double.NaN;
        }
        return StrictMath.log(x + Math.sqrt(x * x - 1.0));
    }

    /** abs of an INT or BIGINT; the minimum fails under ANSI ({@code integer overflow}) and stays itself without. */
    public static long abs(long v, boolean isInt, boolean ansi) {
        if (v == (isInt ? Integer.MIN_VALUE : Long.MIN_VALUE)) {
            if (ansi) {
                throw ArithmeticErrors.overflow(isInt, null);
            }
            return v;
        }
        return Math.abs(v);
    }

    /** factorial of 0..20; null (-1) otherwise. */
    public static long factorial(long n) {
        return n < 0 || n > 20 ? -1L : FACTORIALS[(int) n];
    }

    /** {@code v} in binary, two's complement for negatives (Long.toBinaryString). */
    public static int bin(long v, BytesOut out) {
        out.reset();
        int bits = 64 - Long.numberOfLeadingZeros(v);
        if (bits == 0) {
            return out.append((byte) '0').length();
        }
        for (int i = bits - 1; i >= 0; i--) {
            out.append((byte) ((v >>> i & 1L) == 0 ? '0' : '1'));
        }
        return out.length();
    }

    /**
     * Spark's {@code conv}: the number in {@code s} (trimmed of spaces, an optional '-', digits of
     * {@code from} until the first non-digit) written in base |{@code to}|, as an unsigned 64-bit
     * value, or signed when {@code to} is negative. A base outside 2..36 or an empty string gives null
     * (-1); a value above 2^64-1 fails under ANSI and is 2^64-1 without.
     */
    public static int conv(DirectBuffer s, int off, int len, long from, long to, boolean ansi, BytesOut out) {
        if (from < Character.MIN_RADIX || from > Character.MAX_RADIX || Math.abs(to) < Character.MIN_RADIX
                || Math.abs(to) > Character.MAX_RADIX) {
            return -1;
        }
        int start = off;
        int end = off + len;
        while (start < end && s.getByte(start) == ' ') {
            start++;
        }
        while (end > start && s.getByte(end - 1) == ' ') {
            end--;
        }
        if (start == end) {
            return -1;
        }
        boolean negative = s.getByte(start) == '-';
        int i = negative ? start + 1 : start;
        int radix = (int) from;
        long v = 0L;
        long bound = Long.divideUnsigned(-1L - radix, radix);
        for (; i < end; i++) {
            int digit = digit(s.getByte(i));
            if (digit < 0 || digit >= radix) {
                break;
            }
            if (Long.compareUnsigned(v, bound) >= 0 && Long.compareUnsigned(Long.divideUnsigned(-1L - digit, radix), v) < 0) {
                if (ansi) {
                    throw ArithmeticErrors.overflow("Overflow in function conv()", null);
                }
                v = -1L;
                break;
            }
            v = v * radix + digit;
        }
        if (negative && to > 0) {
            v = v < 0 ? -1L : -v;
        }
        if (to < 0 && v < 0) {
            v = -v;
            negative = true;
        }
        int base = (int) Math.abs(to);
        out.reset();
        if (negative && to < 0) {
            out.append((byte) '-');
        }
        int first = out.length();
        do {
            long q = Long.divideUnsigned(v, base);
            out.append(DIGITS[(int) (v - q * base)]);
            v = q;
        } while (v != 0);
        reverse(out, first);
        return out.length();
    }

    private static void reverse(BytesOut out, int from) {
        org.agrona.concurrent.UnsafeBuffer b = out.buffer();
        for (int i = from, j = out.length() - 1; i < j; i++, j--) {
            byte t = b.getByte(i);
            b.putByte(i, b.getByte(j));
            b.putByte(j, t);
        }
    }

    private static int digit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'Z') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 10;
        }
        return -1;
    }

    /** width_bucket, or {@link Long#MIN_VALUE} for null (a non-positive or maximal count, NaN, equal or infinite bounds). */
    public static long widthBucket(double value, double min, double max, long n) {
        if (n <= 0 || n == Long.MAX_VALUE || Double.isNaN(value) || min == max || Double.isNaN(min)
                || Double.isInfinite(min) || Double.isNaN(max) || Double.isInfinite(max)) {
            return Long.MIN_VALUE;
        }
        double lower = Math.min(min, max);
        double upper = Math.max(min, max);
        if (min < max) {
            if (value < lower) {
                return 0L;
            }
            return value >= upper ? n + 1L : (long) ((double) n * (value - lower) / (upper - lower)) + 1L;
        }
        if (value > upper) {
            return 0L;
        }
        return value <= lower ? n + 1L : (long) ((double) n * (upper - value) / (upper - lower)) + 1L;
    }

    /** pmod: the remainder made non-negative for a positive divisor, as Spark ({@code (r + n) % n} when r &lt; 0). */
    public static long pmod(long a, long n, boolean isInt) {
        long r = a % n;
        long m = r < 0 ? (r + n) % n : r;
        return isInt ? (int) m : m;
    }

    public static double pmod(double a, double n) {
        double r = a % n;
        return r < 0 ? (r + n) % n : r;
    }

    /** Integral division truncating toward zero; {@code Long.MIN_VALUE div -1} fails under ANSI, wraps without. */
    public static long div(long a, long b, boolean ansi) {
        if (a == Long.MIN_VALUE && b == -1L) {
            if (ansi) {
                throw ArithmeticErrors.overflow("Overflow in integral divide", "try_divide");
            }
            return Long.MIN_VALUE;
        }
        return a / b;
    }
}

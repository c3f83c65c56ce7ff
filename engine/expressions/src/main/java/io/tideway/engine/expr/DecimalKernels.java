package io.tideway.engine.expr;

import io.tideway.SparkArithmeticException;
import io.tideway.sql.types.DecimalType;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decimal arithmetic as Spark's {@code Decimal} computes it: the exact (or 39-digit) result, then
 * rounded half up to the result type's scale, and out of range when it has more digits than the
 * type's precision — an error under ANSI, null otherwise (the kernels return null; the generated
 * code makes the value null). Values are {@link BigDecimal}s at their type's scale. Called from
 * generated code; stateless.
 */
public final class DecimalKernels {
    /** Spark's {@code Decimal.MATH_CONTEXT}: 39 digits, rounded down, for products and remainders. */
    private static final MathContext MATH_CONTEXT = new MathContext(DecimalType.MAX_PRECISION + 1, RoundingMode.DOWN);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private DecimalKernels() {
    }

    /** A decimal stored as bytes in a row (precision above 18): its unscaled two's-complement value. */
    public static BigDecimal read(DirectBuffer buf, int off, int len, int scale) {
        byte[] bytes = new byte[len];
        buf.getBytes(off, bytes);
        return new BigDecimal(new BigInteger(bytes), scale);
    }

    /**
     * Spark's {@code Decimal.toPrecision(p, s, ROUND_HALF_UP, nullOnOverflow = !ansi)}: {@code v} at
     * scale {@code s}, or null (ANSI: {@code NUMERIC_VALUE_OUT_OF_RANGE}) if that needs more than
     * {@code p} digits.
     */
    public static BigDecimal toPrecision(BigDecimal v, int p, int s, boolean ansi) {
        BigDecimal r = v.setScale(s, RoundingMode.HALF_UP);
        if (r.precision() - r.scale() > p - s && r.signum() != 0) {
            if (ansi) {
                throw outOfRange(v, p, s);
            }
            return null;
        }
        return r;
    }

    /** {@code [NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]} for {@code v}, shown before rounding. */
    public static SparkArithmeticException outOfRange(BigDecimal v, int p, int s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("value", v.toPlainString());
        m.put("precision", String.valueOf(p));
        m.put("scale", String.valueOf(s));
        m.put("config", "\"spark.sql.ansi.enabled\"");
        return new SparkArithmeticException("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", m,
                new io.tideway.QueryContext[0]);
    }

    /** A Java value (BigDecimal, BigInteger, or another Number) as a decimal of type {@code t}; ANSI rules. */
    public static BigDecimal ofJava(Object v, DecimalType t) {
        BigDecimal d = v instanceof BigDecimal b ? b : v instanceof BigInteger i ? new BigDecimal(i)
                : v instanceof Double || v instanceof Float ? new BigDecimal(v.toString())
                : BigDecimal.valueOf(((Number) v).longValue());
        return toPrecision(d, t.precision(), t.scale(), true);
    }

    public static BigDecimal fromLong(long v, int p, int s, boolean ansi) {
        return toPrecision(BigDecimal.valueOf(v), p, s, ansi);
    }

    /** A double as Spark's {@code Decimal(double)} reads it (its shortest text); NaN and infinities have none: null. */
    public static BigDecimal fromDouble(double v, int p, int s, boolean ansi) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return toPrecision(new BigDecimal(Double.toString(v)), p, s, ansi);
    }

    /** Spark's {@code changePrecision} for a cast from one decimal type to another. */
    public static BigDecimal fromDecimal(BigDecimal v, int p, int s, boolean ansi) {
        return toPrecision(v, p, s, ansi);
    }

    /**
     * A string cast to decimal: trimmed, then a number in Java's syntax (an exponent is allowed);
     * null if it is not one (ANSI: {@code CAST_INVALID_INPUT}) or out of range.
     */
    public static BigDecimal fromString(DirectBuffer buf, int off, int len, int p, int s, boolean ansi) {
        String text = buf.getStringWithoutLengthUtf8(off, len);
        BigDecimal v;
        try {
            v = new BigDecimal(text.strip());
        } catch (NumberFormatException x) {
            if (ansi) {
                throw ArithmeticErrors.castInvalidInput(text, new DecimalType(p, s));
            }
            return null;
        }
        return toPrecision(v, p, s, ansi);
    }

    /**
     * A decimal cast to an integral type: truncated toward zero; out of range, an error under ANSI
     * ({@code CAST_OVERFLOW}), else the low bits, as Spark's {@code Decimal.toLong/toInt}.
     */
    public static long toIntegral(BigDecimal v, io.tideway.sql.types.DataType to, boolean ansi, DecimalType from) {
        BigDecimal t = v.setScale(0, RoundingMode.DOWN);
        int bits = to == io.tideway.sql.types.DataTypes.ByteType ? 8 : to == io.tideway.sql.types.DataTypes.ShortType ? 16
                : to == io.tideway.sql.types.DataTypes.IntegerType ? 32 : 64;
        boolean fits = t.toBigInteger().bitLength() < bits;
        if (!fits && ansi) {
            throw ArithmeticErrors.castOverflow(v, from, to);
        }
        long l = t.toBigInteger().longValue();
        return bits == 8 ? (byte) l : bits == 16 ? (short) l : bits == 32 ? (int) l : l;
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b, int p, int s, boolean ansi) {
        return toPrecision(a.add(b), p, s, ansi);
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b, int p, int s, boolean ansi) {
        return toPrecision(a.subtract(b), p, s, ansi);
    }

    public static BigDecimal multiply(BigDecimal a, BigDecimal b, int p, int s, boolean ansi) {
        return toPrecision(a.multiply(b, MATH_CONTEXT), p, s, ansi);
    }

    /** A non-zero divisor: the quotient to 39 places, then the result type's scale. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b, int p, int s, boolean ansi) {
        return toPrecision(a.divide(b, DecimalType.MAX_PRECISION + 1, RoundingMode.DOWN), p, s, ansi);
    }

    public static BigDecimal remainder(BigDecimal a, BigDecimal b, int p, int s, boolean ansi) {
        return toPrecision(a.remainder(b, MATH_CONTEXT), p, s, ansi);
    }

    /** Spark's {@code pmod}: the remainder, moved into the divisor's sign range when negative. */
    public static BigDecimal pmod(BigDecimal a, BigDecimal b, int p, int s, boolean ansi) {
        BigDecimal r = a.remainder(b, MATH_CONTEXT);
        if (r.signum() < 0) {
            r = r.add(b).remainder(b, MATH_CONTEXT);
        }
        return toPrecision(r, p, s, ansi);
    }

    /** round/bround/ceil/floor at {@code scale} digits, then the result type's scale and precision. */
    public static BigDecimal round(BigDecimal v, int scale, RoundingMode mode, int p, int s, boolean ansi) {
        return toPrecision(v.setScale(scale, mode), p, s, ansi);
    }

    /** Seconds as microseconds (timestamp_seconds, a cast to timestamp): the fraction below a microsecond dropped; beyond a long, overflow. */
    public static long secondsToMicros(BigDecimal seconds) {
        BigDecimal micros = seconds.movePointRight(6).setScale(0, RoundingMode.DOWN);
        if (micros.compareTo(LONG_MIN) < 0 || micros.compareTo(LONG_MAX) > 0) {
            throw ArithmeticErrors.overflow("long overflow", null);
        }
        return micros.longValue();
    }

    /** {@code a div b}: the integral quotient as a bigint; beyond a long its low bits, as Spark's {@code Decimal.toLong}. */
    public static long div(BigDecimal a, BigDecimal b, boolean ansi) {
        return a.divideToIntegralValue(b).toBigInteger().longValue();
    }

    /** How Spark prints a decimal: every digit of its scale, never an exponent. */
    public static int toText(BigDecimal v, BytesOut out) {
        return out.reset().append(v.toPlainString()).length();
    }
}

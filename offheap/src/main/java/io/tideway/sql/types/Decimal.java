package io.tideway.sql.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Spark's mutable decimal value ({@code org.apache.spark.sql.types.Decimal}): an unscaled long
 * while it has at most 18 digits, else a {@link BigDecimal}, with a precision and scale that
 * {@link #changePrecision} rounds to (half up). Its arithmetic ({@code $plus}, {@code $minus},
 * {@code $times}, {@code $div}, {@code $percent}, {@link #quot}, {@link #remainder}) returns new
 * values as Spark's does (null for a zero divisor). Rows still hold {@link BigDecimal}s, as in
 * Spark's Java API. Not thread-safe: a value may be changed in place.
 */
public final class Decimal implements Comparable<Object>, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LONG_DIGITS = 18;
    private static final long[] POW_10 = new long[MAX_LONG_DIGITS + 1];
    /** Spark's: 39 digits, the rest dropped. */
    private static final MathContext MATH_CONTEXT = new MathContext(DecimalType.MAX_PRECISION + 1, RoundingMode.DOWN);

    static {
        POW_10[0] = 1;
        for (int i = 1; i <= MAX_LONG_DIGITS; i++) {
            POW_10[i] = POW_10[i - 1] * 10;
        }
    }

    /** The value when it does not fit {@link #longVal}; null otherwise. */
    private BigDecimal decimalVal;
    /** The unscaled value while {@link #decimalVal} is null. */
    private long longVal;
    private int precision = 1;
    private int scale;

    /** Zero, decimal(1,0). */
    public Decimal() {
    }

    // ---- Spark's companion object, as a Java caller sees it

    /** {@code value} by its shortest decimal text ({@code 0.1} is 0.1, decimal(1,1)). */
    public static Decimal apply(double value) {
        return new Decimal().set(new BigDecimal(Double.toString(value)));
    }

    /** {@code value} as decimal(20,0). */
    public static Decimal apply(long value) {
        return new Decimal().set(value);
    }

    /** {@code value} as decimal(10,0). */
    public static Decimal apply(int value) {
        return new Decimal().set(value);
    }

    /** {@code value} with its own precision and scale (a negative scale becomes 0). */
    public static Decimal apply(BigDecimal value) {
        return new Decimal().set(value);
    }

    /** As {@link #apply(BigDecimal)}. */
    public static Decimal apply(scala.math.BigDecimal value) {
        return new Decimal().set(value.bigDecimal());
    }

    /** {@code value}: decimal(38,0) when it fits a long. */
    public static Decimal apply(BigInteger value) {
        return new Decimal().set(value);
    }

    /** As {@link #apply(BigInteger)}. */
    public static Decimal apply(scala.math.BigInt value) {
        return new Decimal().set(value.bigInteger());
    }

    /** {@code value} rounded half up to {@code scale}, refused when it needs more than {@code precision} digits. */
    public static Decimal apply(BigDecimal value, int precision, int scale) {
        return new Decimal().set(value, precision, scale);
    }

    /** As {@link #apply(BigDecimal, int, int)}. */
    public static Decimal apply(scala.math.BigDecimal value, int precision, int scale) {
        return new Decimal().set(value.bigDecimal(), precision, scale);
    }

    /** The value {@code unscaled * 10^-scale} as decimal(precision, scale). */
    public static Decimal apply(long unscaled, int precision, int scale) {
        return new Decimal().set(unscaled, precision, scale);
    }

    /** The value of decimal text ({@code "1.50"}); text that is not a number throws {@code NumberFormatException}. */
    public static Decimal apply(String value) {
        return new Decimal().set(new BigDecimal(value));
    }

    /** A Java or Scala big decimal or big integer, or a {@code Decimal} itself, as a {@code Decimal}. */
    public static Decimal fromDecimal(Object value) {
        if (value instanceof BigDecimal j) {
            return apply(j);
        }
        if (value instanceof scala.math.BigDecimal s) {
            return apply(s);
        }
        if (value instanceof scala.math.BigInt s) {
            return apply(s);
        }
        if (value instanceof BigInteger b) {
            return apply(b);
        }
        if (value instanceof Decimal d) {
            return d;
        }
        throw new scala.MatchError(value);
    }

    /** A decimal from its parts without checking them. */
    public static Decimal createUnsafe(long unscaled, int precision, int scale) {
        checkScale(scale);
        Decimal d = new Decimal();
        d.longVal = unscaled;
        d.precision = precision;
        d.scale = scale;
        return d;
    }

    /** 18: the digits a long holds. */
    public static int MAX_LONG_DIGITS() {
        return MAX_LONG_DIGITS;
    }

    /** 9: the digits an int holds. */
    public static int MAX_INT_DIGITS() {
        return 9;
    }

    /** The powers of ten a long holds, 10^0 to 10^18, as a copy. */
    public static long[] POW_10() {
        return POW_10.clone();
    }

    /** The greatest precision a value stored in {@code numBytes} bytes has. */
    public static int maxPrecisionForBytes(int numBytes) {
        return (int) Math.round(Math.floor(Math.log10(Math.pow(2, 8 * numBytes - 1) - 1)));
    }

    /** The fewest bytes that store each precision 0 to 38. */
    public static int[] minBytesForPrecision() {
        int[] bytes = new int[39];
        for (int p = 0; p < bytes.length; p++) {
            int n = 1;
            while (Math.pow(2.0, 8 * n - 1) < Math.pow(10.0, p)) {
                n++;
            }
            bytes[p] = n;
        }
        return bytes;
    }

    // ---- setters

    /** This decimal set to {@code value}, decimal(20,0). */
    public Decimal set(long value) {
        if (value <= -POW_10[MAX_LONG_DIGITS] || value >= POW_10[MAX_LONG_DIGITS]) {
            decimalVal = BigDecimal.valueOf(value);
            longVal = 0;
        } else {
            decimalVal = null;
            longVal = value;
        }
        precision = 20;
        scale = 0;
        return this;
    }

    /** This decimal set to {@code value}, decimal(10,0). */
    public Decimal set(int value) {
        decimalVal = null;
        longVal = value;
        precision = 10;
        scale = 0;
        return this;
    }

    /** This decimal set to {@code unscaled * 10^-scale}; Spark's overflow error when it has more than {@code precision} digits. */
    public Decimal set(long unscaled, int precision, int scale) {
        if (setOrNull(unscaled, precision, scale) == null) {
            // Spark names this decimal's value before the set, not the unscaled value refused
            throw SparkErrorBridge.arithmetic("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", Map.of("value", toString(),
                    "precision", Integer.toString(precision), "scale", Integer.toString(scale),
                    "config", "\"spark.sql.ansi.enabled\""));
        }
        return this;
    }

    /** As {@link #set(long, int, int)}, returning null (and leaving this unchanged) on overflow. */
    public Decimal setOrNull(long unscaled, int precision, int scale) {
        checkScale(scale);
        if (unscaled <= -POW_10[MAX_LONG_DIGITS] || unscaled >= POW_10[MAX_LONG_DIGITS]) {
            if (precision < 19) {
                return null;
            }
            decimalVal = BigDecimal.valueOf(unscaled, scale);
            longVal = 0;
        } else {
            long p = POW_10[Math.min(precision, MAX_LONG_DIGITS)];
            if (unscaled <= -p || unscaled >= p) {
                return null;
            }
            decimalVal = null;
            longVal = unscaled;
        }
        this.precision = precision;
        this.scale = scale;
        return this;
    }

    /** This decimal set to {@code value} rounded half up to {@code scale}; Spark's error when it then needs more than {@code precision} digits. */
    public Decimal set(scala.math.BigDecimal value, int precision, int scale) {
        return set(value.bigDecimal(), precision, scale);
    }

    /** As {@link #set(scala.math.BigDecimal, int, int)}. */
    public Decimal set(BigDecimal value, int precision, int scale) {
        checkScale(scale);
        BigDecimal v = value.setScale(scale, RoundingMode.HALF_UP);
        if (v.precision() > precision) {
            throw SparkErrorBridge.arithmetic("NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION", Map.of("roundedValue",
                    v.toString(), "originalValue", value.toString(), "precision", Integer.toString(precision),
                    "scale", Integer.toString(scale)));
        }
        decimalVal = v;
        longVal = 0;
        this.precision = precision;
        this.scale = scale;
        return this;
    }

    /** This decimal set to {@code value} with its own precision and scale (at least the scale; a negative scale becomes 0). */
    public Decimal set(scala.math.BigDecimal value) {
        return set(value.bigDecimal());
    }

    /** As {@link #set(scala.math.BigDecimal)}. */
    public Decimal set(BigDecimal value) {
        decimalVal = value;
        longVal = 0;
        if (value.precision() < value.scale()) {
            // 0.01 has precision 1 in BigDecimal; as a decimal type it needs 2
            precision = value.scale();
            scale = value.scale();
        } else if (value.scale() < 0) {
            precision = value.precision() - value.scale();
            scale = 0;
            decimalVal = value.setScale(0);
        } else {
            precision = value.precision();
            scale = value.scale();
        }
        return this;
    }

    /** This decimal set to {@code value}: decimal(38,0) when it fits a long, else its own precision. */
    public Decimal set(BigInteger value) {
        if (value.bitLength() < 64) {
            decimalVal = null;
            longVal = value.longValue();
            precision = DecimalType.MAX_PRECISION;
            scale = 0;
            return this;
        }
        return set(new BigDecimal(value));
    }

    /** This decimal set to a copy of {@code other}. */
    public Decimal set(Decimal other) {
        decimalVal = other.decimalVal;
        longVal = other.longVal;
        precision = other.precision;
        scale = other.scale;
        return this;
    }

    // ---- readers

    /** The declared number of digits. */
    public int precision() {
        return precision;
    }

    /** The declared digits after the point. */
    public int scale() {
        return scale;
    }

    /** The value as a Scala {@code BigDecimal}. */
    public scala.math.BigDecimal toBigDecimal() {
        return scala.math.BigDecimal$.MODULE$.apply(toJavaBigDecimal());
    }

    /** The value as a Java {@link BigDecimal} of this scale. */
    public BigDecimal toJavaBigDecimal() {
        return decimalVal != null ? decimalVal : BigDecimal.valueOf(longVal, scale);
    }

    /** The integral part as a Scala {@code BigInt}. */
    public scala.math.BigInt toScalaBigInt() {
        return scala.math.BigInt$.MODULE$.apply(toJavaBigInteger());
    }

    /** The integral part as a {@link BigInteger}. */
    public BigInteger toJavaBigInteger() {
        return decimalVal != null ? decimalVal.toBigInteger() : BigInteger.valueOf(toLong());
    }

    /** The unscaled value; {@code ArithmeticException} when it does not fit a long. */
    public long toUnscaledLong() {
        return decimalVal != null ? decimalVal.unscaledValue().longValueExact() : longVal;
    }

    /** Java's {@link BigDecimal#toString()} of the value (scientific notation for small magnitudes, as Spark's). */
    @Override
    public String toString() {
        return toJavaBigDecimal().toString();
    }

    /** The value without an exponent. */
    public String toPlainString() {
        return toJavaBigDecimal().toPlainString();
    }

    /** {@code Decimal(compact, unscaled, p, s)} or {@code Decimal(expanded, value, p, s)}: how the value is held. */
    public String toDebugString() {
        return decimalVal != null
                ? "Decimal(expanded, " + decimalVal + ", " + precision + ", " + scale + ")"
                : "Decimal(compact, " + longVal + ", " + precision + ", " + scale + ")";
    }

    public double toDouble() {
        return toJavaBigDecimal().doubleValue();
    }

    public float toFloat() {
        return toJavaBigDecimal().floatValue();
    }

    /** The integral part, truncated toward zero, wrapping as Java's narrowing does. */
    public long toLong() {
        return decimalVal == null ? longVal / POW_10[scale] : decimalVal.longValue();
    }

    public int toInt() {
        return (int) toLong();
    }

    public short toShort() {
        return (short) toLong();
    }

    public byte toByte() {
        return (byte) toLong();
    }

    /** The integral part as a byte; Spark's {@code CAST_OVERFLOW} when it does not fit. */
    public byte roundToByte() {
        return (byte) roundTo(Byte.MIN_VALUE, Byte.MAX_VALUE, "\"TINYINT\"");
    }

    /** The integral part as a short; Spark's {@code CAST_OVERFLOW} when it does not fit. */
    public short roundToShort() {
        return (short) roundTo(Short.MIN_VALUE, Short.MAX_VALUE, "\"SMALLINT\"");
    }

    /** The integral part as an int; Spark's {@code CAST_OVERFLOW} when it does not fit. */
    public int roundToInt() {
        return (int) roundTo(Integer.MIN_VALUE, Integer.MAX_VALUE, "\"INT\"");
    }

    /** The integral part as a long; Spark's {@code CAST_OVERFLOW} when it does not fit. */
    public long roundToLong() {
        return roundTo(Long.MIN_VALUE, Long.MAX_VALUE, "\"BIGINT\"");
    }

    private long roundTo(long min, long max, String target) {
        BigInteger whole = toJavaBigInteger();
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw SparkErrorBridge.arithmetic("CAST_OVERFLOW", Map.of("value", toString() + "BD",
                    "sourceType", "\"DECIMAL(" + precision + "," + scale + ")\"", "targetType", target));
        }
        return whole.longValue();
    }

    /**
     * Rescales this value to {@code scale}, rounding half up, and declares {@code precision};
     * false (and the value unchanged) when it would need more digits.
     */
    public boolean changePrecision(int precision, int scale) {
        return changePrecision(precision, scale, RoundingMode.HALF_UP);
    }

    private boolean changePrecision(int precision, int scale, RoundingMode mode) {
        if (precision == this.precision && scale == this.scale) {
            return true;
        }
        checkScale(scale);
        // Spark's algorithm, so a value keeps the form (compact or expanded) Spark's would
        if (decimalVal == null) {
            if (scale < this.scale) {
                longVal = rescaleDown(longVal, this.scale - scale, mode);
            } else if (scale > this.scale) {
                int diff = scale - this.scale;
                long p = POW_10[Math.max(MAX_LONG_DIGITS - diff, 0)];
                if (diff <= MAX_LONG_DIGITS && longVal > -p && longVal < p) {
                    longVal *= POW_10[diff];
                } else {
                    decimalVal = BigDecimal.valueOf(longVal, this.scale);
                }
            }
        }
        if (decimalVal != null) {
            BigDecimal v = decimalVal.setScale(scale, mode);
            if (v.precision() > precision) {
                return false;
            }
            decimalVal = v;
        } else {
            long p = POW_10[Math.min(precision, MAX_LONG_DIGITS)];
            if (longVal <= -p || longVal >= p) {
                return false;
            }
        }
        this.precision = precision;
        this.scale = scale;
        return true;
    }

    /** {@code unscaled} with {@code digits} fewer decimals, rounded as {@code mode}. */
    private static long rescaleDown(long unscaled, int digits, RoundingMode mode) {
        long pow = POW_10[digits];
        long dropped = unscaled % pow;
        long v = unscaled / pow;
        switch (mode) {
            case FLOOR -> v += dropped < 0 ? -1 : 0;
            case CEILING -> v += dropped > 0 ? 1 : 0;
            default -> v += Math.abs(dropped) * 2 >= pow ? (dropped < 0 ? -1 : 1) : 0;
        }
        return v;
    }

    private static void checkScale(int scale) {
        if (scale < 0) {
            throw new IllegalArgumentException("Negative scale is not allowed: " + scale);
        }
    }

    // ---- comparison and arithmetic

    @Override
    public Decimal clone() {
        return new Decimal().set(this);
    }

    /** By value, regardless of precision and scale. */
    public int compare(Decimal other) {
        if (decimalVal == null && other.decimalVal == null && scale == other.scale) {
            return Long.compare(longVal, other.longVal);
        }
        return toJavaBigDecimal().compareTo(other.toJavaBigDecimal());
    }

    /** As {@link #compare(Decimal)}; another class throws {@code ClassCastException}. */
    public int compare(Object other) {
        return compare((Decimal) other);
    }

    @Override
    public int compareTo(Object other) {
        return compare((Decimal) other);
    }

    /** Equal values are equal whatever their scale ({@code 1.0} equals {@code 1}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Decimal d && compare(d) == 0;
    }

    @Override
    public int hashCode() {
        return toJavaBigDecimal().stripTrailingZeros().hashCode();
    }

    public boolean isZero() {
        return decimalVal != null ? decimalVal.signum() == 0 : longVal == 0;
    }

    /** {@code this + that}. */
    public Decimal $plus(Decimal that) {
        if (decimalVal == null && that.decimalVal == null && scale == that.scale) {
            return apply(longVal + that.longVal, Math.max(precision, that.precision) + 1, scale);
        }
        return apply(toJavaBigDecimal().add(that.toJavaBigDecimal()));
    }

    /** {@code this - that}. */
    public Decimal $minus(Decimal that) {
        if (decimalVal == null && that.decimalVal == null && scale == that.scale) {
            return apply(longVal - that.longVal, Math.max(precision, that.precision) + 1, scale);
        }
        return apply(toJavaBigDecimal().subtract(that.toJavaBigDecimal()));
    }

    /** {@code this * that}, to 39 significant digits. */
    public Decimal $times(Decimal that) {
        return apply(toJavaBigDecimal().multiply(that.toJavaBigDecimal(), MATH_CONTEXT));
    }

    /** {@code this / that} to 39 decimal places, the rest dropped; null when {@code that} is zero. */
    public Decimal $div(Decimal that) {
        return that.isZero() ? null
                : apply(toJavaBigDecimal().divide(that.toJavaBigDecimal(), DecimalType.MAX_PRECISION + 1, MATH_CONTEXT.getRoundingMode()));
    }

    /** {@code this % that}; null when {@code that} is zero. */
    public Decimal $percent(Decimal that) {
        return that.isZero() ? null : apply(toJavaBigDecimal().remainder(that.toJavaBigDecimal(), MATH_CONTEXT));
    }

    /** The integral part of {@code this / that}; null when {@code that} is zero. */
    public Decimal quot(Decimal that) {
        return that.isZero() ? null : apply(toJavaBigDecimal().divideToIntegralValue(that.toJavaBigDecimal(), MATH_CONTEXT));
    }

    /** As {@link #$percent}. */
    public Decimal remainder(Decimal that) {
        return $percent(that);
    }

    /** {@code -this}, of the same precision and scale. */
    public Decimal unary_$minus() {
        return decimalVal != null ? apply(decimalVal.negate(), precision, scale) : apply(-longVal, precision, scale);
    }

    public Decimal abs() {
        return signum() < 0 ? unary_$minus() : this;
    }

    /** The greatest whole value not above this one. */
    public Decimal floor() {
        return scale == 0 ? this : toWhole(RoundingMode.FLOOR);
    }

    /** The least whole value not below this one. */
    public Decimal ceil() {
        return scale == 0 ? this : toWhole(RoundingMode.CEILING);
    }

    private Decimal toWhole(RoundingMode mode) {
        Decimal copy = clone();
        copy.changePrecision(Math.min(precision - scale + 1, DecimalType.MAX_PRECISION), 0, mode);
        return copy;
    }

    private int signum() {
        return decimalVal != null ? decimalVal.signum() : Long.signum(longVal);
    }
}

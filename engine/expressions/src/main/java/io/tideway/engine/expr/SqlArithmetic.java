package io.tideway.engine.expr;

import io.tideway.sql.types.DataTypes;

/**
 * Spark SQL's rules for integral arithmetic and numeric casts, defined once: the interpreted
 * evaluators and the generated code both call these methods. {@code ansi} is the query's
 * {@code spark.sql.ansi.enabled} (Spark 4's default is true): with it, overflow and division by
 * zero fail ({@link ArithmeticErrors}); without it, integers wrap as in Java and division by
 * zero gives null. Integral values travel as {@code long}; {@code isInt} narrows to 32 bits.
 * Stateless and allocation-free unless it throws.
 */
public final class SqlArithmetic {
    private SqlArithmetic() {
    }

    public static long add(long a, long b, boolean isInt, boolean ansi) {
        if (isInt) {
            return narrow(a + b, ansi, "try_add");
        }
        if (!ansi) {
            return a + b;
        }
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw ArithmeticErrors.overflow(false, "try_add");
        }
    }

    public static long subtract(long a, long b, boolean isInt, boolean ansi) {
        if (isInt) {
            return narrow(a - b, ansi, "try_subtract");
        }
        if (!ansi) {
            return a - b;
        }
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw ArithmeticErrors.overflow(false, "try_subtract");
        }
    }

    public static long multiply(long a, long b, boolean isInt, boolean ansi) {
        if (isInt) {
            return narrow(a * b, ansi, "try_multiply"); // two ints' product fits a long
        }
        if (!ansi) {
            return a * b;
        }
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw ArithmeticErrors.overflow(false, "try_multiply");
        }
    }

    public static long negate(long a, boolean isInt, boolean ansi) {
        if (ansi && a == (isInt ? Integer.MIN_VALUE : Long.MIN_VALUE)) {
            throw ArithmeticErrors.overflow(isInt, null);
        }
        return isInt ? (int) -a : -a;
    }

    /**
     * Whether a division or remainder by {@code divisor} is null: a zero divisor gives null, or
     * fails under ANSI. The remainder itself is Java's {@code %} (its sign follows the dividend,
     * as in Spark, and {@code MIN % -1} is 0).
     */
    public static boolean divisorIsZero(long divisor, boolean ansi) {
        if (divisor != 0) {
            return false;
        }
        if (ansi) {
            throw ArithmeticErrors.divideByZero();
        }
        return true;
    }

    /** As {@link #divisorIsZero(long, boolean)} for a double divisor (Spark checks {@code == 0} for every type). */
    public static boolean divisorIsZero(double divisor, boolean ansi) {
        if (divisor != 0.0) {
            return false;
        }
        if (ansi) {
            throw ArithmeticErrors.divideByZero();
        }
        return true;
    }

    /** As {@link #divisorIsZero(long, boolean)} for a decimal divisor. */
    public static boolean divisorIsZero(java.math.BigDecimal divisor, boolean ansi) {
        if (divisor.signum() != 0) {
            return false;
        }
        if (ansi) {
            throw ArithmeticErrors.divideByZero();
        }
        return true;
    }

    /** A long cast to int: wraps, or fails under ANSI when it does not fit. */
    public static long longToInt(long v, boolean ansi) {
        if (ansi && v != (int) v) {
            throw ArithmeticErrors.castOverflow(v, DataTypes.LongType, DataTypes.IntegerType);
        }
        return (int) v;
    }

    /**
     * A double cast to int or bigint: truncated toward zero; NaN and out-of-range values
     * saturate as Java's casts do (Spark's non-ANSI {@code toInt}), or fail under ANSI.
     */
    public static long doubleToIntegral(double d, boolean isInt, boolean ansi) {
        if (ansi) {
            double t = d < 0 ? Math.ceil(d) : Math.floor(d);
            boolean fits = isInt ? t >= Integer.MIN_VALUE && t <= Integer.MAX_VALUE
                    : t >= -0x1p63 && t < 0x1p63;
            if (Double.isNaN(d) || !fits) {
                throw ArithmeticErrors.castOverflow(d, DataTypes.DoubleType, isInt ? DataTypes.IntegerType : DataTypes.LongType);
            }
        }
        return isInt ? (int) d : (long) d;
    }

    /**
     * Spark SQL's order of doubles, for comparisons, sorting and grouping: {@code -0.0} equals
     * {@code 0.0}, and NaN equals NaN and is above every other value.
     */
    public static int compare(double a, double b) {
        return a == b ? 0 : Double.compare(a, b);
    }

    /**
     * The result of a tinyint or smallint {@code + - *} (computed exactly as a long): wrapped to
     * {@code bits}, or under ANSI out of range Spark's {@code BINARY_ARITHMETIC_OVERFLOW} naming
     * the operands.
     */
    public static long narrowSmall(long r, int bits, boolean ansi, long a, String symbol, long b, String tryFunction) {
        long wrapped = bits == 8 ? (byte) r : (short) r;
        if (ansi && wrapped != r) {
            throw ArithmeticErrors.binaryOverflow(a + "S", symbol, b + "S", tryFunction);
        }
        return wrapped;
    }

    /** A long cast to tinyint or smallint: wraps, or fails under ANSI when it does not fit. */
    public static long longToSmall(long v, int bits, boolean ansi, io.tideway.sql.types.DataType from) {
        long wrapped = bits == 8 ? (byte) v : (short) v;
        if (ansi && wrapped != v) {
            throw ArithmeticErrors.castOverflow(v, from, bits == 8 ? DataTypes.ByteType : DataTypes.ShortType);
        }
        return wrapped;
    }

    /** A double (or float) cast to tinyint or smallint: truncated; out of range wraps through int, or fails under ANSI. */
    public static long doubleToSmall(double d, int bits, boolean ansi, io.tideway.sql.types.DataType from) {
        if (ansi) {
            double t = d < 0 ? Math.ceil(d) : Math.floor(d);
            double max = bits == 8 ? Byte.MAX_VALUE : Short.MAX_VALUE;
            if (Double.isNaN(d) || t < -max - 1 || t > max) {
                throw ArithmeticErrors.castOverflow(d, from, bits == 8 ? DataTypes.ByteType : DataTypes.ShortType);
            }
        }
        int i = (int) d;
        return bits == 8 ? (byte) i : (short) i;
    }

    /** Negation of a tinyint or smallint: its minimum has no negation (ANSI: {@code byte/short overflow}). */
    public static long negateSmall(long a, int bits, boolean ansi) {
        long r = bits == 8 ? (byte) -a : (short) -a;
        if (ansi && r != -a) {
            throw ArithmeticErrors.overflow(bits == 8 ? "byte overflow" : "short overflow", null);
        }
        return r;
    }

    private static long narrow(long r, boolean ansi, String tryFunction) {
        if (ansi && r != (int) r) {
            throw ArithmeticErrors.overflow(true, tryFunction);
        }
        return (int) r;
    }
}

package io.tideway.engine.expr;

import io.tideway.engine.expr.fn.SessionZone;

import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The conversions of {@link Cast}, called by its generated code (inlined in chains and compiled
 * alone as its interpreted evaluator). Numbers to numbers and integers to strings allocate
 * nothing; a string that does not parse is null, or under ANSI Spark's {@code CAST_INVALID_INPUT}.
 * A conversion that may give null reports through a {@link Parsed} owned by its call site.
 * Stateless.
 */
public final class CastKernels {
    private CastKernels() {
    }

    /** The result of a conversion that may be null: one per call site, reused row after row; not thread-safe. */
    public static final class Parsed {
        public boolean isNull;
        public long l;
        public double d;

        /** The parsed double as a float, held as the double it equals. */
        public double f() {
            return (float) d;
        }
    }

    // ---- to string ----

    /** An int or bigint in decimal. */
    public static int longToString(long v, BytesOut out) {
        out.reset().ensure(20);
        int n = out.buffer().putLongAscii(0, v);
        out.length(n);
        return n;
    }

    public static int booleanToString(long v, BytesOut out) {
        out.reset();
        return out.append(v != 0 ? TRUE : FALSE).length();
    }

    /** A float (held as a double) as Java, and Spark, print it: {@code 1.5}, {@code 1.0E10}. */
    public static int floatToString(double v, BytesOut out) {
        return ascii(Float.toString((float) v), out);
    }

    public static int doubleToString(double v, BytesOut out) {
        return ascii(Double.toString(v), out);
    }

    /** Spark's text of a timestamp: its local time in the session zone, the fraction without trailing zeros. */
    public static int timestampToString(long micros, SessionZone zone, BytesOut out) {
        return out.reset().append(io.tideway.engine.expr.fn.DateTimeKernels.timestampText(micros, zone)).length();
    }

    public static int dateToString(long days, BytesOut out) {
        return ascii(Date.valueOf(LocalDate.ofEpochDay(days)).toString(), out);
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private static int ascii(String s, BytesOut out) {
        out.reset().ensure(s.length());
        int n = out.buffer().putStringWithoutLengthAscii(0, s);
        out.length(n);
        return n;
    }

    // ---- between numbers, dates and timestamps ----

    public static long doubleToTimestamp(double d) {
        return (long) (d * 1e6);
    }

    /** The start of the date's day in the session zone. */
    public static long dateToTimestamp(long days, SessionZone zone) {
        return zone.toUtc(Math.multiplyExact(days, 86_400_000_000L)); // Spark: ArithmeticException "long overflow"
    }

    /** The date the timestamp falls on in the session zone. */
    public static long timestampToDate(long micros, SessionZone zone) {
        return Math.floorDiv(zone.toLocal(micros), 86_400_000_000L);
    }

    /** Seconds since the epoch, rounded down. */
    public static long timestampToSeconds(long micros) {
        return Math.floorDiv(micros, 1_000_000L);
    }

    // ---- from string ----

    /** A string as a BIGINT ({@code toInt}: an INT); see {@link #parseLong}. */
    public static void stringToIntegral(DirectBuffer b, int off, int len, boolean toInt, boolean ansi, Parsed out) {
        parseLong(b, off, len, ansi, out);
        if (!out.isNull && toInt && out.l != (int) out.l) {
            out.isNull = true;
        }
        if (out.isNull && ansi) {
            throw ArithmeticErrors.castInvalidInput(b.getStringWithoutLengthUtf8(off, len),
                    toInt ? DataTypes.IntegerType : DataTypes.LongType);
        }
    }

    /** A string cast to tinyint ({@code bits} 8) or smallint (16): a whole number in range, else null (ANSI: an error). */
    public static void stringToSmall(DirectBuffer b, int off, int len, int bits, boolean ansi, Parsed out) {
        parseLong(b, off, len, ansi, out);
        if (!out.isNull && out.l != (bits == 8 ? (byte) out.l : (short) out.l)) {
            out.isNull = true;
        }
        if (out.isNull && ansi) {
            throw ArithmeticErrors.castInvalidInput(b.getStringWithoutLengthUtf8(off, len),
                    bits == 8 ? DataTypes.ByteType : DataTypes.ShortType);
        }
    }

    public static void stringToDouble(DirectBuffer b, int off, int len, boolean ansi, Parsed out) {
        fromText(b, off, len, DataTypes.DoubleType, ansi, out);
    }

    public static void stringToBoolean(DirectBuffer b, int off, int len, boolean ansi, Parsed out) {
        fromText(b, off, len, DataTypes.BooleanType, ansi, out);
    }

    /** A text with no offset is a local time in the session zone. */
    public static void stringToTimestamp(DirectBuffer b, int off, int len, SessionZone zone, boolean ansi, Parsed out) {
        fromText(b, off, len, DataTypes.TimestampType, zone, ansi, out);
    }

    /** A string as a timestamp_ntz: read on {@code zone}'s wall clock (UTC), failing as a cast to TIMESTAMP_NTZ does. */
    public static void stringToTimestampNtz(DirectBuffer b, int off, int len, SessionZone zone, boolean ansi, Parsed out) {
        fromText(b, off, len, DataTypes.TimestampType, zone, false, out);
        if (out.isNull && ansi) {
            throw ArithmeticErrors.castInvalidInput(b.getStringWithoutLengthUtf8(off, len), DataTypes.TimestampNTZType);
        }
    }

    public static void stringToDate(DirectBuffer b, int off, int len, boolean ansi, Parsed out) {
        fromText(b, off, len, DataTypes.DateType, null, ansi, out);
    }

    private static void fromText(DirectBuffer b, int off, int len, DataType to, boolean ansi, Parsed out) {
        fromText(b, off, len, to, null, ansi, out);
    }

    private static void fromText(DirectBuffer b, int off, int len, DataType to, SessionZone zone, boolean ansi, Parsed out) {
        String raw = b.getStringWithoutLengthUtf8(off, len);
        String s = raw.trim();
        out.isNull = false;
        try {
            if (to == DataTypes.DoubleType) {
                out.d = parseDouble(s);
            } else if (to == DataTypes.BooleanType) {
                parseBoolean(s, out);
            } else if (to == DataTypes.TimestampType) {
                parsed(DateTimeStrings.toTimestamp(s, zone.id()), out);
            } else {
                parsed(DateTimeStrings.toDate(s), out);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            out.isNull = true;
        }
        if (out.isNull && ansi) {
            throw ArithmeticErrors.castInvalidInput(raw, to);
        }
    }

    /** Java's double syntax plus Spark's special literals ({@code inf}, {@code -infinity}, {@code nan}, any case). */
    private static double parseDouble(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                return Double.parseDouble(s);
        }
    }

    private static void parsed(OptionalLong v, Parsed out) {
        if (v.isPresent()) {
            out.l = v.getAsLong();
        } else {
            out.isNull = true;
        }
    }

    private static void parseBoolean(String s, Parsed out) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> out.l = 1;
            case "false", "f", "no", "n", "0" -> out.l = 0;
            default -> out.isNull = true;
        }
    }

    /**
     * Parses {@code [+-]digits[.digits]} between blanks; the fraction is truncated, as Spark's
     * legacy cast does, and refused under ANSI; a value beyond a long is null (the caller fails
     * under ANSI). Accumulates negatively so {@code Long.MIN_VALUE} parses.
     */
    private static void parseLong(DirectBuffer b, int o, int n, boolean ansi, Parsed out) {
        out.isNull = true;
        int i = o;
        int end = o + n;
        while (i < end && b.getByte(i) <= ' ') {
            i++;
        }
        while (end > i && b.getByte(end - 1) <= ' ') {
            end--;
        }
        boolean negative = false;
        if (i < end && (b.getByte(i) == '-' || b.getByte(i) == '+')) {
            negative = b.getByte(i) == '-';
            i++;
        }
        if (i >= end) {
            return;
        }
        long v = 0;
        for (; i < end; i++) {
            byte ch = b.getByte(i);
            if (ch == '.' && !ansi) {
                for (i++; i < end; i++) {
                    if (b.getByte(i) < '0' || b.getByte(i) > '9') {
                        return;
                    }
                }
                break;
            }
            if (ch < '0' || ch > '9') {
                return;
            }
            if (v < Long.MIN_VALUE / 10 || v * 10 < Long.MIN_VALUE + (ch - '0')) {
                return;
            }
            v = v * 10 - (ch - '0');
        }
        if (!negative && v == Long.MIN_VALUE) {
            return;
        }
        out.isNull = false;
        out.l = negative ? v : -v;
    }
}

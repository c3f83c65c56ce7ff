package io.tideway.engine.expr;

import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The conversions behind {@link Cast}; numeric and string-to-number paths do not allocate unless
 * they fail. Under ANSI ({@code spark.sql.ansi.enabled}) a malformed string or a number out of the
 * target's range fails with Spark's error ({@link ArithmeticErrors}); without it, it is null
 * (strings) or wraps and saturates as Spark's legacy casts do ({@link SqlArithmetic}).
 */
final class CastEvaluator extends Evaluator {
    private final Evaluator c;
    private final DataType from;
    private final DataType to;
    private final boolean ansi;
    private final GrowableBuffer scratch = new GrowableBuffer(64);

    private CastEvaluator(Evaluator c, DataType from, DataType to, boolean ansi) {
        this.c = c;
        this.from = from;
        this.to = to;
        this.ansi = ansi;
    }

    static Evaluator create(Evaluator child, DataType from, DataType to, boolean ansi) {
        return new CastEvaluator(child, from, to, ansi);
    }

    @Override
    public void eval(RowReader row) {
        c.eval(row);
        isNull = c.isNull || from == DataTypes.NullType;
        if (isNull) {
            return;
        }
        if (from.equals(to)) {
            copyFrom(c);
        } else if (to == DataTypes.StringType) {
            toStringValue();
        } else if (to == DataTypes.BinaryType) {
            buf = c.buf;
            off = c.off;
            len = c.len;
        } else if (from == DataTypes.StringType) {
            fromString();
        } else if (to == DataTypes.DoubleType) {
            d = numericAsDouble();
        } else if (to == DataTypes.BooleanType) {
            l = (from == DataTypes.DoubleType ? c.d != 0 : c.l != 0) ? 1 : 0;
        } else if (to == DataTypes.TimestampType) {
            l = from == DataTypes.DoubleType ? (long) (c.d * 1e6)
                    : from == DataTypes.DateType ? LocalDate.ofEpochDay(c.l).atStartOfDay(ZoneId.systemDefault()).toEpochSecond() * 1_000_000L
                    : c.l * 1_000_000L;
        } else if (to == DataTypes.DateType) {
            l = from == DataTypes.TimestampType ? RowConverter.toTimestamp(c.l).toLocalDateTime().toLocalDate().toEpochDay() : c.l;
        } else if (from == DataTypes.DoubleType) {
            l = SqlArithmetic.doubleToIntegral(c.d, to == DataTypes.IntegerType, ansi);
        } else {
            long v = from == DataTypes.TimestampType ? Math.floorDiv(c.l, 1_000_000L) : c.l;
            l = to == DataTypes.IntegerType && from != DataTypes.IntegerType ? SqlArithmetic.longToInt(v, ansi) : v;
        }
    }

    private double numericAsDouble() {
        if (from == DataTypes.DoubleType) {
            return c.d;
        }
        if (from == DataTypes.TimestampType) {
            return c.l / 1e6;
        }
        return c.l;
    }

    private void toStringValue() {
        int n;
        if (from == DataTypes.LongType || from == DataTypes.IntegerType) {
            n = scratch.buffer().putLongAscii(0, c.l);
        } else if (from == DataTypes.BooleanType) {
            n = scratch.buffer().putStringWithoutLengthAscii(0, c.l != 0 ? "true" : "false");
        } else if (from == DataTypes.BinaryType) {
            buf = c.buf;
            off = c.off;
            len = c.len;
            return;
        } else {
            String text = render();
            scratch.ensureCapacity(text.length() * 3);
            n = scratch.buffer().putStringWithoutLengthUtf8(0, text);
        }
        buf = scratch.buffer();
        off = 0;
        len = n;
    }

    private String render() {
        if (from == DataTypes.DoubleType) {
            return Double.toString(c.d);
        } else if (from == DataTypes.TimestampType) {
            return Values.formatTimestamp(RowConverter.toTimestamp(c.l));
        } else if (from == DataTypes.DateType) {
            return Date.valueOf(LocalDate.ofEpochDay(c.l)).toString();
        } else if (from instanceof ArrayType at) {
            return Values.formatArray(c.buf, c.off, c.len, at.elementType());
        }
        return "";
    }

    private void fromString() {
        if (to == DataTypes.LongType || to == DataTypes.IntegerType) {
            parseLong(c.buf, c.off, c.len);
            if (!isNull && to == DataTypes.IntegerType && l != (int) l) {
                isNull = true;
            }
            if (isNull && ansi) {
                throw ArithmeticErrors.castInvalidInput(c.buf.getStringWithoutLengthUtf8(c.off, c.len), to);
            }
            return;
        }
        String s = c.buf.getStringWithoutLengthUtf8(c.off, c.len).trim();
        try {
            if (to == DataTypes.DoubleType) {
                d = parseDouble(s);
            } else if (to == DataTypes.BooleanType) {
                parseBoolean(s);
            } else if (to == DataTypes.TimestampType) {
                parsed(DateTimeStrings.toTimestamp(s, ZoneId.systemDefault()));
            } else if (to == DataTypes.DateType) {
                parsed(DateTimeStrings.toDate(s));
            } else {
                isNull = true;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            isNull = true;
        }
        if (isNull && ansi) {
            throw ArithmeticErrors.castInvalidInput(c.buf.getStringWithoutLengthUtf8(c.off, c.len), to);
        }
    }

    /** Java's double syntax plus Spark's special literals ({@code inf}, {@code -infinity}, {@code nan}, any case). */
    private static double parseDouble(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
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

    /** Sets the value to what a date or timestamp string parsed to, or null if it did not parse. */
    private void parsed(java.util.OptionalLong v) {
        if (v.isPresent()) {
            l = v.getAsLong();
        } else {
            isNull = true;
        }
    }

    private void parseBoolean(String s) {
        switch (s.toLowerCase()) {
            case "true", "t", "yes", "y", "1" -> l = 1;
            case "false", "f", "no", "n", "0" -> l = 0;
            default -> isNull = true;
        }
    }

    /**
     * Parses {@code [+-]digits[.digits]} between blanks; the fraction is truncated, as Spark's
     * legacy cast does, and refused under ANSI; a value beyond a long is null (the caller fails
     * under ANSI). Accumulates negatively so {@code Long.MIN_VALUE} parses.
     */
    private void parseLong(DirectBuffer b, int o, int n) {
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
            isNull = true;
            return;
        }
        long v = 0;
        for (; i < end; i++) {
            byte ch = b.getByte(i);
            if (ch == '.' && !ansi) {
                for (i++; i < end; i++) {
                    if (b.getByte(i) < '0' || b.getByte(i) > '9') {
                        isNull = true;
                        return;
                    }
                }
                break;
            }
            if (ch < '0' || ch > '9') {
                isNull = true;
                return;
            }
            if (v < Long.MIN_VALUE / 10 || v * 10 < Long.MIN_VALUE + (ch - '0')) {
                isNull = true;
                return;
            }
            v = v * 10 - (ch - '0');
        }
        if (!negative && v == Long.MIN_VALUE) {
            isNull = true;
            return;
        }
        l = negative ? v : -v;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

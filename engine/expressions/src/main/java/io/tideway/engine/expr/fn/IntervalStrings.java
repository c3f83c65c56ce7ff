package io.tideway.engine.expr.fn;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.expr.CastKernels;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.YearMonthIntervalType;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interval text as Spark's {@code IntervalUtils} reads it: the value of an ANSI interval literal
 * ({@code '1 02:03:04'} for {@code DAY TO SECOND}, {@code '1-2'} for {@code YEAR TO MONTH}), and
 * the cast of a string to an interval type, which also takes the whole literal
 * ({@code INTERVAL '1 02:03:04' DAY TO SECOND}). Stateless; allocates (text parsing).
 */
public final class IntervalStrings {
    private static final long[] UNIT_MICROS = {IntervalKernels.MICROS_PER_DAY, IntervalKernels.MICROS_PER_HOUR,
        IntervalKernels.MICROS_PER_MINUTE, IntervalKernels.MICROS_PER_SECOND};
    private static final Pattern LITERAL = Pattern.compile("(?i)^INTERVAL\\s*([+-])?\\s*'([^']*)'\\s*(.+)$");

    private IntervalStrings() {
    }

    /**
     * The microseconds of {@code [+|-]d h:m:s.n} with the fields from {@code f} to {@code e} (only
     * those); a text of another shape throws {@link NumberFormatException}.
     */
    public static long dayTime(String text, byte f, byte e) {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        String body = negative || t.startsWith("+") ? t.substring(1) : t;
        String[] parts = new String[4];
        String rest = body;
        if (f == 0) {
            int sp = rest.indexOf(' ');
            parts[0] = e == 0 || sp < 0 ? rest : rest.substring(0, sp);
            rest = e == 0 || sp < 0 ? "" : rest.substring(sp + 1);
        }
        String[] clock = rest.isEmpty() ? new String[0] : rest.split(":", -1);
        int k = 0;
        for (int field = Math.max(f, 1); field <= e && k < clock.length; field++) {
            parts[field] = clock[k++];
        }
        if (k < clock.length) {
            throw new NumberFormatException(text);
        }
        long micros = 0;
        for (int field = f; field <= e; field++) {
            String p = parts[field];
            if (p == null || p.isEmpty() || p.charAt(0) == '+' || p.charAt(0) == '-' || field < 3 && p.contains(".")) {
                throw new NumberFormatException(text);
            }
            BigDecimal v = new BigDecimal(p);
            micros = Math.addExact(micros, v.multiply(BigDecimal.valueOf(UNIT_MICROS[field])).longValueExact());
        }
        return negative ? -micros : micros;
    }

    /** The months of {@code [+|-]y-m}, {@code [+|-]y} or {@code [+|-]m} as the fields say; else {@link NumberFormatException}. */
    public static int yearMonth(String text, byte f, byte e) {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        String body = negative || t.startsWith("+") ? t.substring(1) : t;
        long months;
        if (f != e) {
            int dash = body.indexOf('-');
            if (dash <= 0) {
                throw new NumberFormatException(text);
            }
            months = Math.addExact(Math.multiplyExact(digits(body.substring(0, dash), text), 12L),
                    digits(body.substring(dash + 1), text));
        } else {
            months = digits(body, text) * (f == YearMonthIntervalType.YEAR() ? 12L : 1L);
        }
        return Math.toIntExact(negative ? -months : months);
    }

    private static long digits(String s, String text) {
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
            throw new NumberFormatException(text);
        }
        return Long.parseLong(s);
    }

    /**
     * The value part of {@code INTERVAL [+|-]'value' FIELDS} when {@code FIELDS} are {@code fields}
     * (the sign applied), else the text as it is.
     */
    private static String unwrap(String text, String fields) {
        Matcher m = LITERAL.matcher(text.strip());
        if (!m.matches() || !m.group(3).strip().replaceAll("\\s+", " ").equalsIgnoreCase(fields)) {
            return text;
        }
        String v = m.group(2).strip();
        if ("-".equals(m.group(1))) {
            v = v.startsWith("-") ? v.substring(1) : "-" + v;
        }
        return v;
    }

    /** Spark's cast of a string to a day-time interval; a text it does not read is {@code INVALID_INTERVAL_FORMAT}. */
    public static void castToDayTime(DirectBuffer b, int off, int len, DayTimeIntervalType t, CastKernels.Parsed out) {
        String text = b.getStringWithoutLengthUtf8(off, len);
        String fields = t.typeName().substring("interval ".length()).toUpperCase(Locale.ROOT);
        try {
            out.l = dayTime(unwrap(text, fields), t.startField(), t.endField());
            out.isNull = false;
        } catch (NumberFormatException | ArithmeticException e) {
            throw unmatched(text, "day-time", format(t.startField(), t.endField(), fields, true), t.typeName(), true);
        }
    }

    /** Spark's cast of a string to a year-month interval. */
    public static void castToYearMonth(DirectBuffer b, int off, int len, YearMonthIntervalType t, CastKernels.Parsed out) {
        String text = b.getStringWithoutLengthUtf8(off, len);
        String fields = t.typeName().substring("interval ".length()).toUpperCase(Locale.ROOT);
        try {
            out.l = yearMonth(unwrap(text, fields), t.startField(), t.endField());
            out.isNull = false;
        } catch (NumberFormatException | ArithmeticException e) {
            throw unmatched(text, "year-month", format(t.startField(), t.endField(), fields, false), t.typeName(), false);
        }
    }

    /**
     * Spark's cast of a string to a calendar interval ({@code stringToInterval}): an optional
     * {@code interval}, then {@code [+|-]number unit} pairs (years to microseconds, plurals too);
     * writes the 16 bytes into {@code out} and returns their length, or -1 (null) for text it does
     * not read.
     */
    public static int castToCalendar(DirectBuffer b, int off, int len, io.tideway.engine.expr.BytesOut out) {
        String[] words = b.getStringWithoutLengthUtf8(off, len).strip().toLowerCase(Locale.ROOT).split("\\s+");
        int i = words.length > 0 && words[0].equals("interval") ? 1 : 0;
        if (i >= words.length || words[i].isEmpty()) {
            return -1;
        }
        long months = 0;
        long days = 0;
        long micros = 0;
        try {
            for (; i < words.length; i += 2) {
                if (i + 1 >= words.length) {
                    return -1;
                }
                BigDecimal v = new BigDecimal(words[i]);
                String unit = words[i + 1].endsWith("s") ? words[i + 1].substring(0, words[i + 1].length() - 1) : words[i + 1];
                switch (unit) {
                    case "year" -> months = Math.addExact(months, v.longValueExact() * 12);
                    case "month" -> months = Math.addExact(months, v.longValueExact());
                    case "week" -> days = Math.addExact(days, v.longValueExact() * 7);
                    case "day" -> days = Math.addExact(days, v.longValueExact());
                    case "hour", "minute", "second", "millisecond", "microsecond" -> micros = Math.addExact(micros,
                            v.multiply(BigDecimal.valueOf(unitMicros(unit))).longValueExact());
                    default -> {
                        return -1;
                    }
                }
            }
            out.reset().ensure(io.tideway.engine.row.TemporalValues.CALENDAR_BYTES);
            io.tideway.engine.row.TemporalValues.write(out.buffer(), 0, Math.toIntExact(months), Math.toIntExact(days), micros);
            out.length(io.tideway.engine.row.TemporalValues.CALENDAR_BYTES);
            return io.tideway.engine.row.TemporalValues.CALENDAR_BYTES;
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }

    private static long unitMicros(String unit) {
        return switch (unit) {
            case "hour" -> IntervalKernels.MICROS_PER_HOUR;
            case "minute" -> IntervalKernels.MICROS_PER_MINUTE;
            case "second" -> IntervalKernels.MICROS_PER_SECOND;
            case "millisecond" -> 1000L;
            default -> 1L;
        };
    }

    /** Spark's {@code supportedFormat}: the bare value, then the literal form. */
    private static String format(byte f, byte e, String fields, boolean dayTime) {
        String value;
        if (dayTime) {
            String[] shapes = {"d", "h", "m", "s.n"};
            StringBuilder v = new StringBuilder(shapes[f]);
            for (int i = f + 1; i <= e; i++) {
                v.append(i == 1 ? " " : ":").append(shapes[i]);
            }
            value = v.toString();
        } else {
            value = f != e ? "y-m" : f == YearMonthIntervalType.YEAR() ? "y" : "m";
        }
        return "`[+|-]" + value + "`, `INTERVAL [+|-]'[+|-]" + value + "' " + fields + "`";
    }

    private static SparkIllegalArgumentException unmatched(String input, String kind, String formats, String typeName,
            boolean notice) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("input", input);
        p.put("intervalStr", kind);
        p.put("supportedFormat", formats);
        p.put("typeName", typeName);
        return new SparkIllegalArgumentException("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING"
                + (notice ? "_WITH_NOTICE" : ""), p);
    }
}

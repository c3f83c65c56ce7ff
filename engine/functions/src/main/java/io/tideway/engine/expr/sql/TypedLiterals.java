package io.tideway.engine.expr.sql;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Literal;
import io.tideway.sql.catalyst.parser.ParseException;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.YearMonthIntervalType;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's typed literals that Calcite's grammar does not read: {@code TIMESTAMP_NTZ '...'},
 * {@code TIMESTAMP_LTZ '...'}, and the interval literals {@code INTERVAL 1 DAY},
 * {@code INTERVAL 3 HOURS 2 MINUTES}, {@code INTERVAL '1-2' YEAR TO MONTH},
 * {@code INTERVAL '1 2:03:04' DAY TO SECOND}. {@link #blank} hides each literal from Calcite
 * behind a placeholder identifier of the same length (positions stay the user's);
 * {@link #at} reads the literal back where the translator meets the placeholder. The result is
 * Spark's (not legacy) literal: the multi-unit form gives a year-month interval when its units are
 * years and months, a day-time interval when they are weeks to microseconds, and fails on a mix.
 * Stateless.
 */
final class TypedLiterals {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private TypedLiterals() {
    }

    /** {@code rewritten} with every interval literal of {@code original} replaced by a placeholder word. */
    static String blank(String original, String rewritten) {
        char[] c = rewritten.toCharArray();
        int n = original.length();
        for (int i = 0; i < n; i++) {
            char ch = original.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`') {
                int close = original.indexOf(ch, i + 1);
                i = close < 0 ? n : close;
                continue;
            }
            boolean wordStart = i == 0 || !SourceText.isWordPart(original.charAt(i - 1));
            if (wordStart && (original.regionMatches(true, i, "interval", 0, 8) || timestampTag(original, i) > 0)) {
                Parsed p = parse(original, i);
                if (p == null && castTarget(original, i)) {
                    // CAST(x AS INTERVAL): a calendar interval type, which Calcite's grammar lacks
                    "INTERVA_".getChars(0, 8, c, i);
                    i += 7;
                    continue;
                }
                if (p != null) {
                    c[i] = 'I';
                    for (int j = i + 1; j < p.end; j++) {
                        c[j] = '_';
                    }
                    i = p.end - 1;
                }
            }
        }
        return new String(c);
    }

    /** Whether the word INTERVAL at {@code i} is a cast's whole target type: {@code AS INTERVAL)}. */
    private static boolean castTarget(String s, int i) {
        int before = i - 1;
        while (before >= 0 && Character.isWhitespace(s.charAt(before))) {
            before--;
        }
        int after = i + 8;
        while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
            after++;
        }
        return before >= 1 && s.regionMatches(true, before - 1, "as", 0, 2)
                && (before < 2 || !SourceText.isWordPart(s.charAt(before - 2)))
                && after < s.length() && s.charAt(after) == ')';
    }

    /** The interval literal at {@code offset} of {@code original}, or null if there is none. */
    static Literal at(String original, int offset) {
        if (offset < 0 || !original.regionMatches(true, offset, "interval", 0, 8) && timestampTag(original, offset) < 0) {
            return null;
        }
        Parsed p = parse(original, offset);
        return p == null ? null : p.literal;
    }

    private record Parsed(int end, Literal literal) {
    }

    /** A token of the literal: a sign, a number, a quoted string or a word. */
    private record Token(int start, int end, char kind, String text) {
    }

    private static Token next(String s, int at) {
        int i = at;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length()) {
            return null;
        }
        char ch = s.charAt(i);
        if (ch == '+' || ch == '-') {
            return new Token(i, i + 1, 's', String.valueOf(ch));
        }
        if (ch == '\'' || ch == '"') {
            int close = s.indexOf(ch, i + 1);
            return close < 0 ? null : new Token(i, close + 1, 'q', s.substring(i + 1, close));
        }
        int j = i;
        if (Character.isDigit(ch) || ch == '.') {
            while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                j++;
            }
            return new Token(i, j, 'n', s.substring(i, j));
        }
        while (j < s.length() && SourceText.isWordPart(s.charAt(j))) {
            j++;
        }
        return j == i ? null : new Token(i, j, 'w', s.substring(i, j));
    }

    /** The length of {@code TIMESTAMP_NTZ} or {@code TIMESTAMP_LTZ} at {@code i}, or -1. */
    private static int timestampTag(String s, int i) {
        boolean tag = s.regionMatches(true, i, "timestamp_ntz", 0, 13) || s.regionMatches(true, i, "timestamp_ltz", 0, 13);
        return tag && (i + 13 == s.length() || !SourceText.isWordPart(s.charAt(i + 13))) ? 13 : -1;
    }

    /**
     * {@code TIMESTAMP_NTZ '...'}: a wall-clock time; {@code TIMESTAMP_LTZ '...'}: a timestamp read
     * in the session zone (as {@code TIMESTAMP '...'}). Null when no string follows the tag.
     */
    private static Parsed timestamp(String s, int start) {
        Token t = next(s, start + 13);
        if (t == null || t.kind != 'q') {
            return null;
        }
        java.util.OptionalLong micros = io.tideway.engine.expr.DateTimeStrings.toTimestamp(t.text, java.time.ZoneOffset.UTC);
        if (micros.isEmpty()) {
            throw parseError("INVALID_TYPED_LITERAL", Map.of("valueType", "\"" + s.substring(start, start + 13)
                    .toUpperCase(Locale.ROOT) + "\"", "value", "'" + t.text + "'"));
        }
        java.time.LocalDateTime local = io.tideway.engine.row.TemporalValues.ntzToLocal(micros.getAsLong());
        boolean ntz = s.regionMatches(true, start, "timestamp_ntz", 0, 13);
        return new Parsed(t.end, new Literal(local, ntz ? io.tideway.sql.types.DataTypes.TimestampNTZType
                : io.tideway.sql.types.DataTypes.TimestampType));
    }

    /** The literal starting with the word INTERVAL (or a timestamp tag) at {@code start}, or null when no value follows it. */
    private static Parsed parse(String s, int start) {
        if (timestampTag(s, start) > 0) {
            return timestamp(s, start);
        }
        int at = start + 8;
        Token t = next(s, at);
        if (t == null || t.kind == 'w') {
            return null;
        }
        StringBuilder units = new StringBuilder();
        long months = 0;
        long micros = 0;
        byte ymMin = 9;
        byte ymMax = -1;
        byte dtMin = 9;
        byte dtMax = -1;
        int end = at;
        int pairs = 0;
        while (t != null && t.kind != 'w') {
            boolean negative = false;
            Token value = t;
            if (t.kind == 's') {
                negative = t.text.equals("-");
                value = next(s, t.end);
                if (value == null || value.kind != 'n' && value.kind != 'q') {
                    if (pairs == 0) {
                        return null;
                    }
                    break;
                }
            }
            Token unit = next(s, value.end);
            if (unit == null || unit.kind != 'w' || unitField(unit.text) == null) {
                if (pairs == 0) {
                    return null;
                }
                break;
            }
            Token after = next(s, unit.end);
            if (pairs == 0 && after != null && after.kind == 'w' && after.text.equalsIgnoreCase("to")) {
                Token to = next(s, after.end);
                if (to == null || to.kind != 'w') {
                    return null;
                }
                return unitToUnit(value, negative, unit.text, to);
            }
            String text = value.text;
            if (value.kind == 'q') {
                if (text.chars().anyMatch(Character::isLetter)) {
                    throw parseError("_LEGACY_ERROR_TEMP_0026", Map.of("value", text));
                }
                text = text.strip();
                if (negative) {
                    text = text.startsWith("-") ? text.substring(1) : "-" + text;
                }
            } else if (negative) {
                text = "-" + text;
            }
            String u = unitField(unit.text);
            BigDecimal v;
            try {
                v = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw parseError("INVALID_INTERVAL_FORMAT.INVALID_VALUE", Map.of("input", " " + text + " " + unit.text,
                        "value", text));
            }
            switch (u) {
                case "year" -> {
                    months += v.longValueExact() * 12;
                    ymMin = (byte) Math.min(ymMin, 0);
                    ymMax = (byte) Math.max(ymMax, 0);
                }
                case "month" -> {
                    months += v.longValueExact();
                    ymMin = (byte) Math.min(ymMin, 1);
                    ymMax = (byte) Math.max(ymMax, 1);
                }
                default -> {
                    micros += v.multiply(BigDecimal.valueOf(unitMicros(u))).longValue();
                    byte f = switch (u) {
                        case "week", "day" -> 0;
                        case "hour" -> 1;
                        case "minute" -> 2;
                        default -> 3;
                    };
                    dtMin = (byte) Math.min(dtMin, f);
                    dtMax = (byte) Math.max(dtMax, f);
                }
            }
            units.append(u);
            end = unit.end;
            pairs++;
            t = next(s, end);
        }
        if (ymMax >= 0 && dtMax >= 0) {
            throw parseError("_LEGACY_ERROR_TEMP_0029", Map.of("literal", s.substring(start, end)));
        }
        if (ymMax >= 0) {
            return new Parsed(end, new Literal((int) months, new YearMonthIntervalType(ymMin, ymMax)));
        }
        return new Parsed(end, new Literal(micros, new DayTimeIntervalType(dtMin, dtMax)));
    }

    /** {@code INTERVAL 'value' FROM TO TO}. */
    private static Parsed unitToUnit(Token value, boolean negative, String fromText, Token toToken) {
        if (value.kind != 'q') {
            throw parseError("_LEGACY_ERROR_TEMP_0027", Map.of());
        }
        String text = value.text;
        if (negative) {
            text = text.startsWith("-") ? text.substring(1) : "-" + text;
        }
        String from = fromText.toLowerCase(Locale.ROOT);
        String to = toToken.text.toLowerCase(Locale.ROOT);
        if (from.equals("year") && to.equals("month")) {
            int months;
            try {
                months = io.tideway.engine.expr.fn.IntervalStrings.yearMonth(text, (byte) 0, (byte) 1);
            } catch (NumberFormatException | ArithmeticException x) {
                throw parseError("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING", Map.of("input", text,
                        "intervalStr", "year-month", "supportedFormat", "`[+|-]y-m`, `INTERVAL [+|-]'[+|-]y-m' YEAR TO MONTH`",
                        "typeName", "interval year to month"));
            }
            return new Parsed(toToken.end, new Literal(months, new YearMonthIntervalType((byte) 0, (byte) 1)));
        }
        byte f = DayTimeIntervalType.stringToField(from);
        byte e = DayTimeIntervalType.stringToField(to);
        if (f < 0 || e < 0 || e <= f) {
            throw parseError("_LEGACY_ERROR_TEMP_0028", Map.of("from", from, "to", to));
        }
        long micros = dayTime(text.strip(), f, e);
        return new Parsed(toToken.end, new Literal(micros, new DayTimeIntervalType(f, e)));
    }

    /** Spark's {@code parseDayTime}: {@code [+|-]d h:m:s.f} with the fields from {@code f} to {@code e}. */
    private static long dayTime(String text, byte f, byte e) {
        try {
            return io.tideway.engine.expr.fn.IntervalStrings.dayTime(text, f, e);
        } catch (NumberFormatException | ArithmeticException x) {
            throw parseError("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING", Map.of("input", text,
                    "intervalStr", "day-time", "supportedFormat", "", "typeName",
                    new DayTimeIntervalType(f, e).typeName()));
        }
    }

    /** The unit a word names in the multi-unit form (plurals too), or null. */
    private static String unitField(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("s")) {
            w = w.substring(0, w.length() - 1);
        }
        return switch (w) {
            case "year", "month", "week", "day", "hour", "minute", "second", "millisecond", "microsecond" -> w;
            default -> null;
        };
    }

    private static long unitMicros(String unit) {
        return switch (unit) {
            case "week" -> 7 * MICROS_PER_DAY;
            case "day" -> MICROS_PER_DAY;
            case "hour" -> MICROS_PER_HOUR;
            case "minute" -> MICROS_PER_MINUTE;
            case "second" -> MICROS_PER_SECOND;
            case "millisecond" -> 1000L;
            default -> 1L;
        };
    }

    /** Spark raises these while building the literal, without a position in the message. */
    private static RuntimeException parseError(String condition, Map<String, String> params) {
        return Unchecked.raise(new ParseException(condition, params));
    }
}

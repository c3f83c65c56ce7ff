package io.tideway.engine.expr.fn;

import io.tideway.QueryContext;
import io.tideway.SparkDateTimeException;
import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's datetime patterns ({@code yyyy-MM-dd HH:mm:ss}) for formatting and parsing, one call
 * site's formatter cached for its last pattern (so a literal pattern is compiled once). Parsing is
 * strict, fields the pattern lacks default to 1970-01-01 00:00:00, and a text without an offset is
 * read in the session zone. Formatting and parsing go through {@code java.time} and allocate.
 * Not thread-safe: one per call site of generated code.
 */
public final class DateTimeFormats {
    private static final QueryContext[] NO_CONTEXT = new QueryContext[0];
    private String pattern;
    private DateTimeFormatter formatter;
    private DateTimeFormatter parser;

    /**
     * The formatter ({@code parsing}: the parser) of the pattern in {@code b[off, off+len)}, after
     * Spark's pattern checks ({@link DateTimePatternCheck}).
     */
    private void use(DirectBuffer b, int off, int len, boolean parsing) {
        String p = StringKernels.string(b, off, len);
        if (!p.equals(pattern)) {
            if (parsing) {
                parser = DateTimePatternCheck.checked(p, true, () -> parser(p));
            } else {
                formatter = DateTimePatternCheck.checked(p, false, () -> DateTimeFormatter.ofPattern(p, Locale.US));
            }
            pattern = p;
        }
    }

    /**
     * The pattern as a strict parser, as Spark builds it: {@code y} (year of era, which strict
     * resolution cannot use without an era) read as the proleptic year {@code u}, and a run of
     * {@code S} taking one to that many fraction digits; missing fields default to 1970-01-01.
     */
    private static DateTimeFormatter parser(String p) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        StringBuilder run = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && c == 'S') {
                int n = 1;
                while (i + 1 < p.length() && p.charAt(i + 1) == 'S') {
                    n++;
                    i++;
                }
                if (run.length() > 0) {
                    b.appendPattern(run.toString());
                    run.setLength(0);
                }
                b.appendFraction(ChronoField.NANO_OF_SECOND, 1, n, false);
                continue;
            }
            run.append(!quoted && c == 'y' ? 'u' : c);
        }
        if (run.length() > 0) {
            b.appendPattern(run.toString());
        }
        return b.parseDefaulting(ChronoField.YEAR, 1970).toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Writes the timestamp {@code micros} in the zone with the pattern; returns the length. */
    public int format(long micros, SessionZone zone, DirectBuffer p, int pOff, int pLen, BytesOut out) {
        use(p, pOff, pLen, false);
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        return out.reset().append(formatter.format(ZonedDateTime.ofInstant(instant, zone.id()))).length();
    }

    /**
     * The timestamp (micros) the text names in the pattern; on a text that does not match, with
     * {@code fail} Spark's {@code CANNOT_PARSE_TIMESTAMP}, else {@link Long#MIN_VALUE} for null.
     */
    public long parse(DirectBuffer t, int tOff, int tLen, DirectBuffer p, int pOff, int pLen, SessionZone zone,
            boolean fail, String tolerantFunction) {
        use(p, pOff, pLen, true);
        String text = StringKernels.string(t, tOff, tLen);
        try {
            TemporalAccessor parsed = parser.parse(text);
            LocalDate date = LocalDate.of(parsed.get(ChronoField.YEAR),
                    parsed.isSupported(ChronoField.MONTH_OF_YEAR) ? parsed.get(ChronoField.MONTH_OF_YEAR) : 1,
                    parsed.isSupported(ChronoField.DAY_OF_MONTH) ? parsed.get(ChronoField.DAY_OF_MONTH) : 1);
            LocalTime time = parsed.query(TemporalQueries.localTime());
            if (parsed.query(TemporalQueries.localDate()) != null) {
                date = parsed.query(TemporalQueries.localDate());
            }
            LocalDateTime local = LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time);
            ZoneId zone1 = parsed.query(TemporalQueries.zone());
            ZonedDateTime z = ZonedDateTime.ofLocal(local, zone1 != null ? zone1 : zone.id(), null);
            return Math.addExact(Math.multiplyExact(z.toEpochSecond(), 1_000_000L), z.getNano() / 1000);
        } catch (DateTimeParseException e) {
            if (!fail) {
                return Long.MIN_VALUE;
            }
            throw new SparkDateTimeException("CANNOT_PARSE_TIMESTAMP",
                    Map.of("message", e.getMessage(), "func", "`" + tolerantFunction + "`"), NO_CONTEXT);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            if (!fail) {
                return Long.MIN_VALUE;
            }
            throw new SparkDateTimeException("CANNOT_PARSE_TIMESTAMP",
                    Map.of("message", "Text '" + text + "' could not be parsed: " + e.getMessage(),
                            "func", "`" + tolerantFunction + "`"), NO_CONTEXT);
        }
    }
}

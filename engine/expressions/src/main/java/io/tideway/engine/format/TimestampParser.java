package io.tideway.engine.format;

import io.tideway.engine.row.RowConverter;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Parses timestamps and dates in Spark's default forms: {@code yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]},
 * a space instead of {@code T}, or a bare date; or, when the {@code timestampFormat} /
 * {@code dateFormat} option is set, in that pattern only (Spark's datetime patterns, which
 * {@link DateTimeFormatter} reads). A time without an offset is in the session time zone
 * ({@code spark.sql.session.timeZone}). Immutable and thread-safe.
 */
public final class TimestampParser {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private final ZoneId zone;
    /** The {@code timestampFormat} option, or null for the default forms. */
    private final DateTimeFormatter timestampFormat;
    /** The {@code dateFormat} option, or null for {@code yyyy-MM-dd}. */
    private final DateTimeFormatter dateFormat;

    public TimestampParser(ZoneId zone) {
        this(zone, null, null);
    }

    /** With the {@code timestampFormat} and {@code dateFormat} option values (each may be null). */
    public TimestampParser(ZoneId zone, String timestampFormat, String dateFormat) {
        this.zone = zone;
        this.timestampFormat = pattern(timestampFormat, "timestampFormat");
        this.dateFormat = pattern(dateFormat, "dateFormat");
    }

    private static DateTimeFormatter pattern(String pattern, String option) {
        if (pattern == null) {
            return null;
        }
        try {
            return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .toFormatter(java.util.Locale.US);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value '" + pattern + "' for option '" + option + "': "
                    + e.getMessage(), e);
        }
    }

    /** A {@link Timestamp} with microsecond precision; throws {@link DateTimeParseException}. */
    public Timestamp timestamp(String text) {
        if (timestampFormat != null) {
            return withPattern(text);
        }
        String t = text.trim();
        Instant instant;
        if (t.length() <= 10) {
            instant = LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } else {
            var parsed = LOCAL.parse(t);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed),
                    java.time.LocalTime.of(parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
                            parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
                            parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0));
            instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.of(local, java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))).toInstant()
                    : local.atZone(zone).toInstant();
        }
        long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        return RowConverter.toTimestamp(micros);
    }

    private Timestamp withPattern(String text) {
        var parsed = timestampFormat.parse(text);
        LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), java.time.LocalTime.of(
                field(parsed, ChronoField.HOUR_OF_DAY), field(parsed, ChronoField.MINUTE_OF_HOUR),
                field(parsed, ChronoField.SECOND_OF_MINUTE), field(parsed, ChronoField.NANO_OF_SECOND)));
        ZoneId at = parsed.query(java.time.temporal.TemporalQueries.zone());
        Instant instant = local.atZone(at == null ? zone : at).toInstant();
        return RowConverter.toTimestamp(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1000));
    }

    private static int field(java.time.temporal.TemporalAccessor t, ChronoField f) {
        return t.isSupported(f) ? t.get(f) : 0;
    }

    /** A date from {@code yyyy-MM-dd}, or the {@code dateFormat} pattern. */
    public Date date(String text) {
        return Date.valueOf(dateFormat == null ? LocalDate.parse(text.trim()) : LocalDate.from(dateFormat.parse(text)));
    }

    /** Seconds since the epoch, as Spark reads a JSON number into a timestamp. */
    public static Timestamp fromEpochSeconds(long seconds) {
        return RowConverter.toTimestamp(Math.multiplyExact(seconds, 1_000_000L));
    }
}

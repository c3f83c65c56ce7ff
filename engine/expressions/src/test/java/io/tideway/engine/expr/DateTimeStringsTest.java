package io.tideway.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The string forms Spark's {@code stringToDate}/{@code stringToTimestamp} accept, and those they refuse. */
class DateTimeStringsTest {
    private static long day(String iso) {
        return LocalDate.parse(iso).toEpochDay();
    }

    private static long micros(String isoUtc) {
        java.time.Instant i = java.time.Instant.parse(isoUtc);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @Test
    void datesTakeShortFieldsAndIgnoreATimePart() {
        assertEquals(OptionalLong.of(day("2024-03-05")), DateTimeStrings.toDate("2024-3-5"));
        assertEquals(OptionalLong.of(day("2024-01-01")), DateTimeStrings.toDate("2024-01"));
        assertEquals(OptionalLong.of(day("2024-01-01")), DateTimeStrings.toDate("2024"));
        assertEquals(OptionalLong.of(day("2024-01-01")), DateTimeStrings.toDate(" 2024-01-01 23:59:59 "));
        assertEquals(OptionalLong.of(day("2024-01-01")), DateTimeStrings.toDate("2024-01-01Tanything"));
    }

    @Test
    void datesRefuseMalformedAndImpossibleValues() {
        for (String s : new String[] {"", "yesterday", "2023-02-29", "24-01-01", "2024-01 x", "2024-001-01", "2024/01/01"}) {
            assertTrue(DateTimeStrings.toDate(s).isEmpty(), s);
        }
    }

    @Test
    void timestampsTakeSeparatorsFractionsAndZones() {
        ZoneOffset utc = ZoneOffset.UTC;
        assertEquals(OptionalLong.of(micros("2024-01-01T10:00:05Z")), DateTimeStrings.toTimestamp("2024-01-01T10:00:05", utc));
        assertEquals(OptionalLong.of(micros("2024-01-01T10:00:00Z")), DateTimeStrings.toTimestamp("2024-01-01T10:00:00Z", utc));
        assertEquals(OptionalLong.of(micros("2024-01-01T10:00:00Z")), DateTimeStrings.toTimestamp("2024-01-01 12:00:00+02:00", utc));
        assertEquals(OptionalLong.of(micros("2024-01-01T10:00:00Z")), DateTimeStrings.toTimestamp("2024-01-01 12:00:00+2:00", utc));
        assertEquals(OptionalLong.of(micros("2024-01-01T10:00:00Z")), DateTimeStrings.toTimestamp("2024-01-01 11:00:00 UTC+1", utc));
        assertEquals(OptionalLong.of(micros("2024-01-01T10:00:00.123Z")), DateTimeStrings.toTimestamp("2024-01-01 10:00:00.123", utc));
        assertEquals(OptionalLong.of(micros("2024-01-01T10:00:00.123456Z")), DateTimeStrings.toTimestamp("2024-01-01 10:00:00.123456789", utc));
        assertEquals(OptionalLong.of(micros("2024-03-05T01:02:00Z")), DateTimeStrings.toTimestamp("2024-3-5 1:2", utc));
        assertEquals(OptionalLong.of(micros("2024-02-01T00:00:00Z")), DateTimeStrings.toTimestamp("2024-02", utc));
        assertEquals(OptionalLong.of(micros("2024-01-01T09:00:00Z")),
                DateTimeStrings.toTimestamp("2024-01-01 10:00:00", ZoneOffset.ofHours(1)));
    }

    @Test
    void timestampsRefuseMalformedAndImpossibleValues() {
        for (String s : new String[] {"", "yesterday", "2023-02-29 00:00:00", "2024-01-01 25:00:00", "2024-01-01 10:00:00 Nowhere/City",
            "2024-01-01 100:00:00", "+2024:01"}) {
            assertTrue(DateTimeStrings.toTimestamp(s, ZoneOffset.UTC).isEmpty(), s);
        }
    }
}

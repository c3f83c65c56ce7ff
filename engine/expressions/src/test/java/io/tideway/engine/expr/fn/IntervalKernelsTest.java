package io.tideway.engine.expr.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tideway.engine.expr.IntervalText;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.YearMonthIntervalType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Interval arithmetic against {@code java.time}'s (which Spark's {@code DateTimeUtils} calls), the
 * ANSI interval text and the interval string forms.
 */
class IntervalKernelsTest {
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final SessionZone LA_ZONE = SessionZone.of(LA);

    private static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @Test
    void dayTimeAdditionMovesWholeDaysOnTheWallClockAsZonedDateTimeDoes() {
        String[] starts = {"2024-03-09T09:30:00Z", "2024-03-10T09:30:00Z", "2024-11-03T08:30:00Z", "2024-11-03T09:30:00Z",
            "2024-11-02T08:30:00Z", "2024-03-10T10:59:59.123456Z"};
        long[] amounts = {IntervalKernels.MICROS_PER_DAY, 25 * IntervalKernels.MICROS_PER_HOUR, -IntervalKernels.MICROS_PER_DAY,
            3 * IntervalKernels.MICROS_PER_DAY + 17, -36 * IntervalKernels.MICROS_PER_HOUR};
        for (String s : starts) {
            Instant start = Instant.parse(s);
            for (long amount : amounts) {
                long days = amount / IntervalKernels.MICROS_PER_DAY;
                Instant expected = start.atZone(LA).plusDays(days)
                        .plus(amount - days * IntervalKernels.MICROS_PER_DAY, ChronoUnit.MICROS).toInstant();
                assertEquals(micros(expected), IntervalKernels.timestampAddDayTime(micros(start), amount, LA_ZONE), s + " + " + amount);
            }
            for (int months : new int[] {1, -1, 12, 13}) {
                ZonedDateTime z = start.atZone(LA).plusMonths(months);
                assertEquals(micros(z.toInstant()), IntervalKernels.timestampAddMonths(micros(start), months, LA_ZONE));
            }
        }
    }

    @Test
    void divisionRoundsHalfUpAwayFromZero() {
        assertEquals(3, IntervalKernels.divide(5, 2, false));
        assertEquals(-3, IntervalKernels.divide(-5, 2, false));
        assertEquals(-3, IntervalKernels.divide(5, -2, false));
        assertEquals(2, IntervalKernels.divide(7, 3, false));
        assertEquals(8, IntervalKernels.divide(15, 2, true));
        assertEquals(-8, IntervalKernels.multiply(-5, 1.5, true));
        assertThrows(ArithmeticException.class, () -> IntervalKernels.divide(1, 0, false));
        assertThrows(ArithmeticException.class, () -> IntervalKernels.multiply(Integer.MAX_VALUE, 2, true));
    }

    @Test
    void ansiTextOfEveryFieldRange() {
        DayTimeIntervalType dayToSecond = (DayTimeIntervalType) DataTypes.DayTimeIntervalType;
        assertEquals("INTERVAL '1 02:03:04.5' DAY TO SECOND", IntervalText.dayTime(93_784_500_000L, dayToSecond));
        assertEquals("INTERVAL '-0 00:01:30' DAY TO SECOND", IntervalText.dayTime(-90_000_000L, dayToSecond));
        assertEquals("INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND", IntervalText.dayTime(Long.MIN_VALUE, dayToSecond));
        assertEquals("INTERVAL '26' HOUR", IntervalText.dayTime(26 * IntervalKernels.MICROS_PER_HOUR,
                DataTypes.createDayTimeIntervalType(DayTimeIntervalType.HOUR(), DayTimeIntervalType.HOUR())));
        assertEquals("INTERVAL '00.000001' SECOND", IntervalText.dayTime(1,
                DataTypes.createDayTimeIntervalType(DayTimeIntervalType.SECOND(), DayTimeIntervalType.SECOND())));
        assertEquals("INTERVAL '-1-2' YEAR TO MONTH", IntervalText.yearMonth(-14, DataTypes.createYearMonthIntervalType()));
        assertEquals("INTERVAL '14' MONTH", IntervalText.yearMonth(14,
                DataTypes.createYearMonthIntervalType(YearMonthIntervalType.MONTH(), YearMonthIntervalType.MONTH())));
    }

    @Test
    void intervalStringsTakeOnlyTheirFields() {
        assertEquals(93_784_000_000L, IntervalStrings.dayTime("1 02:03:04", (byte) 0, (byte) 3));
        assertEquals(-1_500_000L, IntervalStrings.dayTime("-0 00:00:01.5", (byte) 0, (byte) 3));
        assertEquals(620_000_000L, IntervalStrings.dayTime("10:20", (byte) 2, (byte) 3));
        assertThrows(NumberFormatException.class, () -> IntervalStrings.dayTime("1 02:03", (byte) 0, (byte) 3));
        assertThrows(NumberFormatException.class, () -> IntervalStrings.dayTime("1.5", (byte) 0, (byte) 0));
        assertEquals(-38, IntervalStrings.yearMonth("-3-2", (byte) 0, (byte) 1));
        assertEquals(36, IntervalStrings.yearMonth("3", (byte) 0, (byte) 0));
        assertThrows(NumberFormatException.class, () -> IntervalStrings.yearMonth("3", (byte) 0, (byte) 1));
    }
}

package io.tideway.engine.util;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {
    @Test
    void calendarIntervalsKeepMonthsApartAndSignEachValue() {
        assertEquals(new Durations.CalendarInterval(0, 10_000_000L), Durations.parseCalendarInterval("10 seconds"));
        assertEquals(new Durations.CalendarInterval(0, -10_000_000L), Durations.parseCalendarInterval("-10 seconds"));
        assertEquals(new Durations.CalendarInterval(0, 60_000_000L), Durations.parseCalendarInterval("interval 1 minute"));
        assertEquals(new Durations.CalendarInterval(0, 3_600_000_000L - 1_800_000_000L),
                Durations.parseCalendarInterval("1 hour -30 minutes"));
        assertEquals(new Durations.CalendarInterval(13, 0), Durations.parseCalendarInterval("1 year 1 month"));
        assertEquals(new Durations.CalendarInterval(0, 5), Durations.parseCalendarInterval("5 microseconds"));
    }

    @Test
    void whatIsNoIntervalIsRefused() {
        for (String text : new String[] {"10 bananas", "", "ten seconds", "10 seconds and more", "10"}) {
            assertThrows(IllegalArgumentException.class, () -> Durations.parseCalendarInterval(text), text);
        }
    }
}

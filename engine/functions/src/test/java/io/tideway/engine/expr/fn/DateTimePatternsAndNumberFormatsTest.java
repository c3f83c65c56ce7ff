package io.tideway.engine.expr.fn;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.SparkUpgradeException;
import io.tideway.engine.expr.BytesOut;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Spark's datetime-pattern checks and to_char's number formats, against Spark 4.0.4's outputs. */
class DateTimePatternsAndNumberFormatsTest {
    private final BytesOut out = new BytesOut();
    private final NumberFormatter formatter = new NumberFormatter();

    private static DateTimeFormatter format(String pattern) {
        return DateTimePatternCheck.checked(pattern, false, () -> DateTimeFormatter.ofPattern(pattern, Locale.US));
    }

    private String toChar(String value, String pattern) {
        UnsafeBuffer p = new UnsafeBuffer(pattern.getBytes(StandardCharsets.UTF_8));
        int len = formatter.format(new BigDecimal(value), p, 0, p.capacity(), out);
        return StringKernels.string(out.buffer(), 0, len);
    }

    @Test
    void patternsSparkRefuses() {
        // SimpleDateFormat reads YYYY, EEEEEE and '{': Spark reports its upgrade error
        assertEquals("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION",
                assertThrows(SparkUpgradeException.class, () -> format("YYYY")).getCondition());
        assertThrows(SparkUpgradeException.class, () -> format("EEEEEE"));
        assertThrows(SparkUpgradeException.class, () -> format("{yyyy}"));
        // neither reads e, A or b
        assertEquals("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN",
                assertThrows(SparkIllegalArgumentException.class, () -> format("e")).getCondition());
        assertEquals("INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER",
                assertThrows(SparkIllegalArgumentException.class, () -> format("A")).getCondition());
        assertThrows(IllegalArgumentException.class, () -> format("yyyy bb"));
        // quoted letters are text; E formats but does not parse
        format("yyyy-MM-dd'T'HH:mm 'week' EEE");
        assertThrows(SparkUpgradeException.class,
                () -> DateTimePatternCheck.checked("EEEE, MMMM d", true, () -> DateTimeFormatter.ofPattern("EEEE")));
    }

    @Test
    void numberFormatsAsSpark() {
        assertEquals("1,234.50", toChar("1234.5", "9,999.99"));
        assertEquals("454.00", toChar("454.00", "000D00"));
        assertEquals("$78.12", toChar("78.12", "$99.99"));
        assertEquals("12,454.8-", toChar("-12454.8", "99G999D9S"));
        assertEquals("#", toChar("454", "9"));
        assertEquals("0045", toChar("45", "0000"));
        assertEquals("  <42>", toChar("-42", "9999PR"));
        assertEquals("  -42", toChar("-42", "S9999"));
        assertEquals(".###", toChar("12.5", ".999"));
        assertEquals("   ", toChar("0", "999"));
    }
}

package io.tideway.engine.spi;

import io.tideway.SparkIllegalArgumentException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed getters fail as Spark's {@code CaseInsensitiveStringMap} getters do. */
class OptionsTest {
    @Test
    void numbersFailWithParseLongsException() {
        Options o = new Options(Map.of("N", "ten", "m", "7"));
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> o.getLong("n", 1));
        assertEquals("For input string: \"ten\"", e.getMessage());
        assertEquals(7, o.getInt("M", 1));
        assertEquals(3, o.getInt("absent", 3));
    }

    @Test
    void booleansAcceptTrueAndFalseInAnyCaseOnly() {
        Options o = new Options(Map.of("a", "TRUE", "b", "False", "c", "5"));
        assertTrue(o.getBoolean("a", false));
        assertFalse(o.getBoolean("b", true));
        SparkIllegalArgumentException e = assertThrows(SparkIllegalArgumentException.class, () -> o.getBoolean("c", true));
        assertEquals("5 is not a boolean string.", e.getMessage());
        assertEquals("_LEGACY_ERROR_TEMP_3206", e.getCondition());
    }
}

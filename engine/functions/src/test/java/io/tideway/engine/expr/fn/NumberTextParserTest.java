package io.tideway.engine.expr.fn;

import io.tideway.SparkIllegalArgumentException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** to_number's formats: the decimal type a format gives, Spark's format checks, and texts read as Spark 4.0.4 reads them. */
class NumberTextParserTest {
    private static BigDecimal parse(String text, String format) {
        return new NumberTextParser(new NumberFormatPattern(format), true).parse(text);
    }

    private static String problem(String format) {
        var p = new NumberFormatPattern(format).problem();
        return p == null ? null : p.getKey();
    }

    @Test
    void typeFromTheFormat() {
        NumberFormatPattern p = new NumberFormatPattern("99,999.99");
        assertEquals(7, p.precision());
        assertEquals(2, p.scale());
        NumberFormatPattern pr = new NumberFormatPattern("S$999d9");
        assertEquals(4, pr.precision());
        assertEquals(1, pr.scale());
    }

    @Test
    void textsAsSpark() {
        assertEquals(new BigDecimal("454"), parse("454", "999"));
        assertEquals(new BigDecimal("454.00"), parse("454.00", "000.00"));
        assertEquals(new BigDecimal("12454"), parse("12,454", "99,999"));
        assertEquals(new BigDecimal("78.12"), parse("$78.12", "$99.99"));
        assertEquals(new BigDecimal("-12454.8"), parse("12,454.8-", "99,999.9S"));
        assertEquals(new BigDecimal("-12"), parse("<12>", "99PR"));
        assertEquals(new BigDecimal("12"), parse(" 12", "999"));
        assertEquals(new BigDecimal("7"), parse("007", "000"));
        assertEquals(new BigDecimal("12.300"), parse("12.3", "99.999"));
    }

    @Test
    void mismatchesFailOrAreNull() {
        SparkIllegalArgumentException e = assertThrows(SparkIllegalArgumentException.class, () -> parse("4545", "999"));
        assertEquals("INVALID_FORMAT.MISMATCH_INPUT", e.getCondition());
        assertThrows(SparkIllegalArgumentException.class, () -> parse("7", "000"));
        assertThrows(SparkIllegalArgumentException.class, () -> parse("0.5", ".9"));
        assertNull(new NumberTextParser(new NumberFormatPattern("999"), false).parse("abc"));
        // Spark 4.0.4 builds the decimal from the digits' text: none at all is Java's NumberFormatException
        assertThrows(NumberFormatException.class, () -> parse("", "999"));
    }

    @Test
    void formatChecksAsSpark() {
        assertNull(problem("S$99,999.99"));
        assertEquals("EMPTY", problem(""));
        assertEquals("WRONG_NUM_DIGIT", problem("ABC"));
        assertEquals("WRONG_NUM_TOKEN", problem("9.9.9"));
        assertEquals("CONT_THOUSANDS_SEPS", problem(",9"));
        assertEquals("THOUSANDS_SEPS_MUST_BEFORE_DEC", problem("9.9,9"));
        assertEquals("CUR_MUST_BEFORE_DIGIT", problem("9$"));
        assertEquals("UNEXPECTED_TOKEN", problem("9S9"));
    }
}

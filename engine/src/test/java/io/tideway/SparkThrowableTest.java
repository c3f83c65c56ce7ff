package io.tideway;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.streaming.StreamingQueryException;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exception types a Spark 4.0 Java program catches: Spark's superclasses, the condition,
 * SQLSTATE and parameters they carry, and messages as Spark 4.0.4 prints them (expected strings
 * are what Spark 4.0.4 itself printed for the same condition and parameters).
 */
class SparkThrowableTest {

    @Test
    void eachTypeExtendsWhatSparksExtends() {
        Map<String, String> m = Map.of("message", "m");
        QueryContext[] none = new QueryContext[0];
        assertInstanceOf(Exception.class, new SparkException("plain"));
        assertFalse(RuntimeException.class.isAssignableFrom(SparkException.class), "checked, as Spark's");
        assertInstanceOf(IllegalArgumentException.class, new SparkIllegalArgumentException("INTERNAL_ERROR", m));
        assertInstanceOf(RuntimeException.class, new SparkRuntimeException("INTERNAL_ERROR", m));
        assertInstanceOf(UnsupportedOperationException.class, new SparkUnsupportedOperationException("INTERNAL_ERROR", m));
        assertInstanceOf(ArithmeticException.class, new SparkArithmeticException("INTERNAL_ERROR", m, none));
        assertInstanceOf(NumberFormatException.class, new SparkNumberFormatException("INTERNAL_ERROR", m, none));
        assertInstanceOf(IllegalArgumentException.class, new SparkNumberFormatException("INTERNAL_ERROR", m, none));
        assertInstanceOf(DateTimeException.class, new SparkDateTimeException("INTERNAL_ERROR", m, none));
        assertFalse(RuntimeException.class.isAssignableFrom(StreamingQueryException.class), "checked, as Spark's");
        for (Class<?> c : new Class<?>[]{SparkException.class, SparkIllegalArgumentException.class, SparkRuntimeException.class,
                SparkUnsupportedOperationException.class, SparkArithmeticException.class, SparkNumberFormatException.class,
                SparkDateTimeException.class, AnalysisException.class, StreamingQueryException.class}) {
            assertTrue(SparkThrowable.class.isAssignableFrom(c), c.getName());
            assertTrue(Exception.class.isAssignableFrom(c), c.getName());
        }
    }

    @Test
    void aConditionsMessageEndsWithItsSqlState() {
        SparkException e = SparkException.internalError("oops");
        assertEquals("[INTERNAL_ERROR] oops SQLSTATE: XX000", e.getMessage());
        assertEquals("INTERNAL_ERROR", e.getCondition());
        assertEquals("INTERNAL_ERROR", e.getErrorClass(), "the deprecated alias");
        assertEquals("XX000", e.getSqlState());
        assertTrue(e.isInternalError());
        assertEquals(Map.of("message", "oops"), e.getMessageParameters());
        assertArrayEquals(new QueryContext[0], e.getQueryContext());
        assertEquals("[INTERNAL_ERROR] m SQLSTATE: XX000",
                new SparkIllegalArgumentException("INTERNAL_ERROR", Map.of("message", "m")).getMessage());
    }

    @Test
    void aSubConditionJoinsBothTemplates() {
        AnalysisException e = new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION",
                Map.of("objectName", "`nope`", "proposal", "`v`"));
        assertEquals("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `nope` cannot "
                + "be resolved. Did you mean one of the following? [`v`]. SQLSTATE: 42703", e.getMessage());
        assertEquals("42703", e.getSqlState(), "a sub-condition has its main condition's SQLSTATE");
        assertFalse(e.isInternalError());
    }

    @Test
    void legacyConditionsPrintNeitherPrefixNorSqlState() {
        SparkUnsupportedOperationException e = new SparkUnsupportedOperationException("_LEGACY_ERROR_TEMP_2253",
                Map.of("sourceName", "rate-micro-batch"));
        assertEquals("Data source rate-micro-batch does not support continuous processing.", e.getMessage());
        assertEquals("_LEGACY_ERROR_TEMP_2253", e.getCondition());
        assertNull(e.getSqlState());
    }

    @Test
    void aMessageWithoutConditionHasNoSqlStateOrParameters() {
        SparkException plain = new SparkException("plain");
        assertEquals("plain", plain.getMessage());
        assertNull(plain.getCondition());
        assertNull(plain.getSqlState());
        assertFalse(plain.isInternalError());
        assertTrue(plain.getMessageParameters().isEmpty());
        AnalysisException own = new AnalysisException("Tideway does not run full outer joins yet");
        assertNull(own.getCondition());
        assertNull(own.getSqlState());
    }

    @Test
    void aSummaryFollowsOnItsOwnLine() {
        SparkArithmeticException e = new SparkArithmeticException("INTERNAL_ERROR", Map.of("message", "m"),
                new QueryContext[0], "the summary");
        assertEquals("[INTERNAL_ERROR] m SQLSTATE: XX000\nthe summary", e.getMessage());
    }

    @Test
    void parametersAreAnUnmodifiableCopy() {
        java.util.HashMap<String, String> params = new java.util.HashMap<>(Map.of("message", "m"));
        SparkRuntimeException e = new SparkRuntimeException("INTERNAL_ERROR", params);
        params.put("message", "changed");
        assertEquals(Map.of("message", "m"), e.getMessageParameters());
        assertThrows(UnsupportedOperationException.class, () -> e.getMessageParameters().put("x", "y"));
    }

    @Test
    void aMissingParameterOrUnknownConditionIsAnInternalError() {
        SparkException missing = assertThrows(SparkException.class,
                () -> new AnalysisException("FIELD_NOT_FOUND", Map.of("fieldName", "`x`")));
        assertTrue(missing.getMessage().startsWith("[INTERNAL_ERROR] Undefined error message parameter for error class: "
                + "'FIELD_NOT_FOUND'"), missing.getMessage());
        SparkException unknown = assertThrows(SparkException.class, () -> new AnalysisException("NO_SUCH_CONDITION", Map.of()));
        assertEquals("[INTERNAL_ERROR] Cannot find main error class 'NO_SUCH_CONDITION' SQLSTATE: XX000", unknown.getMessage());
        assertTrue(unknown.isInternalError());
    }

    @Test
    void aCauseIsKept() {
        IllegalStateException cause = new IllegalStateException("inner");
        assertSame(cause, SparkException.internalError("outer", cause).getCause());
        assertSame(cause, new SparkIllegalArgumentException("INTERNAL_ERROR", Map.of("message", "m"), cause).getCause());
    }
}

package io.tideway.engine.sql;

import io.tideway.sql.AnalysisException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which text {@code sql(text, args)} binds, and which it leaves alone. */
class SqlParametersTest {
    @Test
    void namedMarkersBecomeLiterals() {
        assertEquals("SELECT 1 + x FROM t WHERE y > 'a''b'",
                SqlParameters.bind("SELECT :p + x FROM t WHERE y > :q", Map.of("p", 1, "q", "a'b"), null));
    }

    @Test
    void positionalMarkersBindInOrder() {
        assertEquals("SELECT 1, 2L, 1.5D, 2.50BD, DATE '2024-02-29', NULL",
                SqlParameters.bind("SELECT ?, ?, ?, ?, ?, ?", null,
                        new Object[] {1, 2L, 1.5, new java.math.BigDecimal("2.50"), java.time.LocalDate.of(2024, 2, 29), null}));
    }

    @Test
    void quotedTextCommentsCastsAndFieldTypesAreNotMarkers() {
        String text = "SELECT ':a ?', `b:c`, x::int, CAST(s AS STRUCT<f:INT>), v:path -- what?\n FROM t /* :z */";
        assertEquals(text, SqlParameters.bind(text, Map.of(), new Object[0]));
    }

    @Test
    void unboundMarkersAreSparksError() {
        AnalysisException named = assertThrows(AnalysisException.class, () -> SqlParameters.bind("SELECT :missing", null, null));
        assertTrue(named.getMessage().startsWith("[UNBOUND_SQL_PARAMETER] Found the unbound parameter: missing."), named.getMessage());
        assertTrue(named.getMessage().endsWith("; line 1 pos 7"), named.getMessage());
        AnalysisException positional = assertThrows(AnalysisException.class,
                () -> SqlParameters.bind("SELECT ?, ?", null, new Object[] {1}));
        assertTrue(positional.getMessage().contains("unbound parameter: _10."), positional.getMessage());
    }
}

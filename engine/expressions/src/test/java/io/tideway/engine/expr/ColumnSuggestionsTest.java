package io.tideway.engine.expr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The order Spark 4.0.4 proposes columns in for an unknown name (from the conformance goldens). */
class ColumnSuggestionsTest {
    private static final String[] DEVICES = {"device", "deviceType", "signal", "time"};

    @Test
    void nearestFirstAndStableForTies() {
        assertEquals(List.of("`signal`", "`time`", "`device`", "`deviceType`"), ColumnSuggestions.ordered("sginal", DEVICES));
        assertEquals(List.of("`time`", "`device`", "`signal`", "`deviceType`"), ColumnSuggestions.ordered("nope", DEVICES));
        assertEquals(List.of("`device`", "`time`", "`deviceType`", "`signal`"), ColumnSuggestions.ordered("devise", DEVICES));
        assertEquals(List.of("`time`", "`signal`", "`device`", "`deviceType`"), ColumnSuggestions.ordered("kind", DEVICES));
    }

    @Test
    void candidatesAreComparedBacktickedAsSparkQuotesThem() {
        // unquoted, "word" is nearer to "nope" than "ts"; backticked, "`ts`" is (Spark 4.0.4 printed [`ts`, `word`])
        assertEquals(List.of("`ts`", "`word`"), ColumnSuggestions.ordered("nope", new String[] {"word", "ts"}));
    }

    @Test
    void atMostFive() {
        assertEquals(5, ColumnSuggestions.ordered("x", new String[] {"a", "b", "c", "d", "e", "f", "g"}).size());
    }

    @Test
    void theNameIsQuotedOnlyWhereNeeded() {
        assertEquals("window.start", ColumnSuggestions.sqlName("window.start"));
        assertEquals("`a b`", ColumnSuggestions.sqlName("a b"));
        assertEquals("`1`", ColumnSuggestions.sqlName("1"));
        assertEquals(3, ColumnSuggestions.levenshtein("kitten", "sitting"));
    }
}

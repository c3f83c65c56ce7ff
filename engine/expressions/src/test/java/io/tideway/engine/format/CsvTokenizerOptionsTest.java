package io.tideway.engine.format;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTokenizerOptionsTest {
    @Test
    void readsSparkOptionNames() {
        CsvTokenizer t = CsvTokenizer.of(Map.of("sep", "\\t", "nullValue", "NA"));
        assertEquals(List.of("a", "b c"), List.of(t.tokenize("a\tb c")));
        assertEquals(java.util.Arrays.asList("x", "NA"), java.util.Arrays.asList(t.tokenize("x\tNA")), "the value parser reads NA as null");
    }

    @Test
    void delimiterAliasAndQuotes() {
        CsvTokenizer t = CsvTokenizer.of(Map.of("delimiter", ";"));
        assertEquals(List.of("1", "a;b"), List.of(t.tokenize("1;\"a;b\"")));
    }

    @Test
    void refusesAnEmptySeparator() {
        assertThrows(IllegalArgumentException.class, () -> CsvTokenizer.of(Map.of("sep", "")));
    }
}

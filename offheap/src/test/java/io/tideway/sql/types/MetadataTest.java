package io.tideway.sql.types;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetadataTest {
    @Test
    void printsKeysAsJsonStrings() {
        Metadata m = new MetadataBuilder().putLong("spark.watermarkDelayMs", 5000).putLong("a\"b\\c\nd", 1).build();
        assertEquals("{\"a\\\"b\\\\c\\nd\":1,\"spark.watermarkDelayMs\":5000}", m.toString());
    }
}

package io.tideway.engine.stat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Frequent items in the order Spark 4.0.4 listed them ({@code df.stat().freqItems} of Spark's
 * documentation example, a local relation cut into two partitions).
 */
class FrequentItemsTest {

    private static List<List<Object>> example() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(i % 2 == 0 ? 1 : i);
        }
        return LocalSlices.of(values, 2);
    }

    @Test
    void itemsInSparksOrder() {
        assertEquals(List.of(1, 99), new FrequentItems(2).of(example()));
        assertEquals(List.of(1, 49, 97, 99, 43, 91, 45, 93, 47, 95), new FrequentItems(10).of(example()));
    }

    @Test
    void stringsHashAsSparksUtf8Strings() {
        List<Object> words = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            words.add("w" + ((i * 37) % 100) % 4);
        }
        assertEquals(List.of("w2", "w1", "w3", "w0"), new FrequentItems(5).of(LocalSlices.of(words, 2)));
    }

    @Test
    void slicesAsSparkParallelizes() {
        assertEquals(List.of(List.of(1, 2), List.of(3, 4, 5)), LocalSlices.of(List.of(1, 2, 3, 4, 5), 2));
        assertEquals(List.of(List.of(7)), LocalSlices.of(List.of(7), 2));
        assertEquals(List.of(List.of()), LocalSlices.of(List.of(), 2));
    }
}

package io.tideway.engine.expr.fn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The draws Apache Commons Math 3.6.1's MersenneTwister gives for the same seeds (the values Spark's shuffle and uuid see). */
class MersenneTwisterTest {
    @Test
    void drawsAsCommonsMath() {
        MersenneTwister m = new MersenneTwister(7L);
        assertEquals(-3538691670293216243L, m.nextLong());
        assertEquals(3988572375830678326L, m.nextLong());
        assertEquals(7, m.nextInt(10));
        assertEquals(918282, m.nextInt(1 << 20));
    }

    @Test
    void drawsAsCommonsMathPastOneTable() {
        MersenneTwister m = new MersenneTwister(-123456789012L);
        for (int i = 0; i < 1000; i++) {
            m.nextInt(1000);
        }
        assertEquals(-2040475945742870598L, m.nextLong());
        assertEquals(1, m.nextInt(3));
    }
}

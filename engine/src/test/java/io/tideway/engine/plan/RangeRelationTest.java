package io.tideway.engine.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A range's slices are cut where Spark's RangeExec cuts its partitions. */
class RangeRelationTest {
    private static String bounds(RangeRelation r) {
        return r.start() + ".." + r.end();
    }

    @Test
    void slicesSplitTheElementsEvenly() {
        RangeRelation r = new RangeRelation(0, 20000, 1, 2);
        assertEquals("0..10000", bounds(r.slice(0)));
        assertEquals("10000..20000", bounds(r.slice(1)));
        RangeRelation odd = new RangeRelation(0, 10, 3, 3); // 0, 3, 6, 9
        assertEquals("0..3", bounds(odd.slice(0)));
        assertEquals("3..6", bounds(odd.slice(1)));
        assertEquals("6..12", bounds(odd.slice(2)));
    }

    @Test
    void descendingAndEmptyRangesSliceToo() {
        RangeRelation down = new RangeRelation(10, 0, -2, 2); // 10, 8, 6, 4, 2
        assertEquals("10..6", bounds(down.slice(0)));
        assertEquals("6..0", bounds(down.slice(1)));
        RangeRelation empty = new RangeRelation(5, 0, 1, 2);
        assertEquals("5..5", bounds(empty.slice(1)));
        RangeRelation wide = new RangeRelation(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 2); // MIN, -1, MAX-1
        assertEquals(Long.MIN_VALUE + ".." + (Long.MIN_VALUE + Long.MAX_VALUE), bounds(wide.slice(0)));
        assertEquals((Long.MIN_VALUE + Long.MAX_VALUE) + ".." + Long.MAX_VALUE, bounds(wide.slice(1)));
    }
}

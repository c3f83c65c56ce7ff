package io.tideway.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GroupingSetsPlannerTest {
    @Test
    void rollupIsEachPrefixLongestFirst() {
        assertEquals(List.of(List.of(0, 1, 2), List.of(0, 1), List.of(0), List.of()), GroupingSetsPlanner.rollupSets(3));
    }

    @Test
    void cubeIsEverySubsetInSparksOrder() {
        assertEquals(List.of(List.of(0, 1), List.of(0), List.of(1), List.of()), GroupingSetsPlanner.cubeSets(2));
        assertEquals(8, GroupingSetsPlanner.cubeSets(3).size());
        assertEquals(List.of(List.of()), GroupingSetsPlanner.cubeSets(0));
    }
}

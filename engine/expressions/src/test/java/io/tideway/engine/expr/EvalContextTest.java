package io.tideway.engine.expr;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A task's view of the query's context: its own partition index, the query's settings and batch values. */
class EvalContextTest {
    @Test
    void partitionViewSharesTheBatchValues() {
        EvalContext query = new EvalContext(false, ZoneId.of("UTC")).forStream();
        EvalContext task = query.forPartition(3);
        assertEquals(0, query.partitionIndex());
        assertEquals(3, task.partitionIndex());
        assertTrue(task.randomSeeds());
        assertEquals(ZoneId.of("UTC"), task.timeZone());
        query.setBatchTimestampMs(1234);
        query.setWatermarkMs(99);
        assertEquals(1_234_000L, task.batchTimestampMicros());
        assertEquals(99, task.watermarkMs());
        Object node = new Object();
        assertSame(query.eventTimeStats(node), task.eventTimeStats(node));
        assertSame(query.nodeState(node, Object::new), task.forPartition(5).nodeState(node, Object::new));
        assertSame(task, task.forPartition(3));
    }
}

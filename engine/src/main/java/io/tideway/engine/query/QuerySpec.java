package io.tideway.engine.query;

import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.spi.StreamSink;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;

/**
 * Everything {@code DataStreamWriter.start()} decided, handed to an executor: the analysed plan,
 * the sink, the output mode, the trigger, the checkpoint root (and whether it is a temporary
 * one to delete on a clean stop), and the query name (may be null).
 */
public record QuerySpec(TidewaySession session, String name, LogicalPlan plan, StreamSink sink, String sinkName,
                        OutputMode outputMode, Trigger trigger, Path checkpointRoot, boolean temporaryCheckpoint) {
}

package io.tideway.engine.spi;

import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;

/**
 * What a sink is created with. {@code queryName} may be null. {@code continuous} says the query
 * runs with a continuous trigger: its epochs are logged only when they end, so a sink cannot
 * recognise a re-run epoch and gives at-least-once there.
 */
public record SinkContext(Options options, StructType schema, OutputMode outputMode, String queryName,
                          Path checkpointDir, io.tideway.sql.TidewaySession session, boolean continuous) {
}

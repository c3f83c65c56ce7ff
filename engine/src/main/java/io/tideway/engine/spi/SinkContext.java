package io.tideway.engine.spi;

import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;

/** What a sink is created with. {@code queryName} may be null. */
public record SinkContext(Options options, StructType schema, OutputMode outputMode, String queryName,
                          Path checkpointDir, io.tideway.sql.TidewaySession session) {
}

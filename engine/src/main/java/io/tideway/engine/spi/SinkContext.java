package io.tideway.engine.spi;

import io.tideway.checkpoint.QueryMetadataFile;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.StructType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * What a sink is created with. {@code queryName} may be null. {@code continuous} says the query
 * runs with a continuous trigger: its epochs are logged only when they end, so a sink cannot
 * recognise a re-run epoch and gives at-least-once there.
 */
public record SinkContext(Options options, StructType schema, OutputMode outputMode, String queryName,
                          Path checkpointDir, io.tideway.sql.TidewaySession session, boolean continuous) {
    /**
     * The query's id from its checkpoint's {@code metadata}: stable across restarts and unique per
     * checkpoint (before the query has written it, an id derived from the checkpoint's path). Read
     * when called, so a sink asks once the query runs.
     */
    public String queryId() {
        return new QueryMetadataFile(checkpointDir.resolve("metadata")).read()
                .orElseGet(() -> UUID.nameUUIDFromBytes(checkpointDir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)))
                .toString();
    }

    /** Whether batch (or epoch) {@code batchId} is in this checkpoint's offsets log; true without a checkpoint. */
    public boolean isBatchLogged(long batchId) {
        return checkpointDir == null || Files.exists(checkpointDir.resolve("offsets").resolve(Long.toString(batchId)));
    }
}

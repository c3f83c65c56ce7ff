package io.tideway.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * {@code <checkpoint>/commits/}: one file per completed batch or epoch:
 * {@code v1\n{"nextBatchWatermarkMs":0}}. On read the second line is optional (missing means 0),
 * as in Spark.
 *
 * <p>Threading: as {@link MetadataLog}.
 */
public final class CommitLog extends MetadataLog<CommitMetadata> {
    public CommitLog(Path dir) {
        super(dir);
    }

    /** @param sync whether each file is forced to disk before it is published */
    public CommitLog(Path dir, boolean sync) {
        super(dir, sync);
    }

    /**
     * Writes batch {@code batchId}, failing if it is already there: Spark fails the query at
     * such a write ({@code CONCURRENT_STREAM_LOG_UPDATE}), and ignoring it let a restart that
     * lost its offsets overwrite state and skip output (issue 17 item 5).
     *
     * @return true (a write that finds its file throws instead of returning false)
     * @throws ConcurrentLogUpdateException naming the existing file
     */
    @Override
    public boolean add(long batchId, CommitMetadata value) {
        write(batchId, value);
        return true;
    }

    @Override
    protected void serialize(CommitMetadata value, StringBuilder out) {
        // by hand rather than through Jackson: written once per epoch on the coordinator thread
        out.append('v').append(VERSION).append("\n{\"nextBatchWatermarkMs\":")
                .append(value.nextBatchWatermarkMs()).append('}');
    }

    @Override
    protected CommitMetadata deserialize(String text, Path file) {
        LogText log = LogText.parse(text, file);
        log.validateVersion(VERSION);
        if (log.lineCount() < 2) {
            return new CommitMetadata(0L);
        }
        JsonNode obj = Json.object(Json.read(log.line(1), log, "commit metadata"), log, "commit metadata");
        return new CommitMetadata(Json.longField(obj, "nextBatchWatermarkMs", 0L, log));
    }
}

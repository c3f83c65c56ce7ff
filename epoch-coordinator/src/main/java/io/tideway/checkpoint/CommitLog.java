package io.tideway.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * {@code <checkpoint>/commits/}: one file per completed batch or epoch (digest §1.5):
 * {@code v1\n{"nextBatchWatermarkMs":0}}. On read the second line is optional (missing means 0),
 * as in Spark.
 *
 * <p>Threading: as {@link MetadataLog}.
 */
public final class CommitLog extends MetadataLog<CommitMetadata> {
    public CommitLog(Path dir) {
        super(dir);
    }

    @Override
    protected void serialize(CommitMetadata value, Writer out) throws IOException {
        out.write("v" + VERSION);
        out.write('\n');
        out.write(Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("nextBatchWatermarkMs", value.nextBatchWatermarkMs());
            g.writeEndObject();
        }));
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

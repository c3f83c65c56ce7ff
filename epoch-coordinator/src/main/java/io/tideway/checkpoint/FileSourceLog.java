package io.tideway.checkpoint;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The file source's log in {@code sources/<i>/} (Spark's {@code FileStreamSourceLog}, digest §1.6):
 * entry N lists the files admitted at {@code logOffset} N.
 *
 * <p>Threading: as {@link CompactibleFileLog}; written by the source's owning thread.
 */
public final class FileSourceLog extends CompactibleFileLog<FileSourceEntry> {
    public FileSourceLog(Path dir, int compactInterval) {
        super(dir, compactInterval);
    }

    public FileSourceLog(Path dir) {
        this(dir, DEFAULT_COMPACT_INTERVAL);
    }

    @Override
    protected void writeEntry(FileSourceEntry e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        g.writeNumberField("timestamp", e.timestamp());
        g.writeNumberField("batchId", e.batchId());
        g.writeEndObject();
    }

    @Override
    protected FileSourceEntry readEntry(JsonNode node) {
        return new FileSourceEntry(requiredText(node, "path"), requiredLong(node, "timestamp"),
                requiredLong(node, "batchId"));
    }
}

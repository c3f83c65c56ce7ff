package io.tideway.checkpoint;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The file sink's log in {@code <outputDir>/_spark_metadata/} (Spark's {@code FileStreamSinkLog}).
 * Readers of the output list only files named here, which is what makes the
 * output exactly-once despite retried tasks. Entry N = batch id N.
 *
 * <p>Threading: as {@link CompactibleFileLog}; written by the sink's committing thread.
 */
public final class FileSinkLog extends CompactibleFileLog<FileSinkEntry> {
    public static final String METADATA_DIR = "_spark_metadata";
    static final long BLOCK_SIZE = 33554432L;

    public FileSinkLog(Path dir, FileLogSettings settings, LongSupplier clock) {
        super(dir, settings, clock);
    }

    public FileSinkLog(Path dir, int compactInterval) {
        this(dir, FileLogSettings.withCompactInterval(compactInterval), System::currentTimeMillis);
    }

    /** The log of {@code outputDir}, i.e. {@code outputDir/_spark_metadata}. */
    public static FileSinkLog forOutputDir(Path outputDir, int compactInterval) {
        return new FileSinkLog(outputDir.resolve(METADATA_DIR), compactInterval);
    }

    /**
     * The log of {@code outputDir} with the sink's settings ({@link FileLogSettings#fileSink});
     * a reader may pass {@link FileLogSettings#DEFAULTS}, since the compact interval of an
     * existing log is taken from its files.
     */
    public static FileSinkLog forOutputDir(Path outputDir, FileLogSettings settings) {
        return new FileSinkLog(outputDir.resolve(METADATA_DIR), settings, System::currentTimeMillis);
    }

    @Override
    protected void writeEntry(FileSinkEntry e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        g.writeNumberField("size", e.size());
        g.writeBooleanField("isDir", false);
        g.writeNumberField("modificationTime", e.modificationTime());
        g.writeNumberField("blockReplication", 1);
        g.writeNumberField("blockSize", BLOCK_SIZE);
        g.writeStringField("action", e.action());
        g.writeEndObject();
    }

    @Override
    protected FileSinkEntry readEntry(JsonNode node) {
        return new FileSinkEntry(requiredText(node, "path"), requiredLong(node, "size"),
                requiredLong(node, "modificationTime"), requiredText(node, "action"));
    }

    /** A path deleted anywhere in the history is dropped entirely, as Spark does. */
    @Override
    protected List<FileSinkEntry> compactLogs(List<FileSinkEntry> entries) {
        Set<String> deleted = entries.stream().filter(e -> FileSinkEntry.DELETE.equals(e.action()))
                .map(FileSinkEntry::path).collect(Collectors.toSet());
        if (deleted.isEmpty()) {
            return entries;
        }
        return entries.stream().filter(e -> !deleted.contains(e.path())).collect(Collectors.toList());
    }
}

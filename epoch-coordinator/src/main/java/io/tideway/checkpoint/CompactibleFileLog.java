package io.tideway.checkpoint;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A metadata log whose entries are lists of JSON records, one per line after {@code v1}, that
 * folds itself up every {@code compactInterval} batches (Spark's {@code CompactibleFileStreamLog},
 * digest §1.6 and §1.8). Batch N is written as {@code N.compact}, holding every entry so far,
 * when {@code (N + 1) % compactInterval == 0}; otherwise as {@code N}, holding only its own
 * entries. Reading everything therefore touches at most {@code compactInterval} files.
 *
 * <p>Old files are not deleted after compaction (Spark deletes them after a delay); readers
 * never need them, so leaving them only costs disk.
 *
 * <p>Threading: as {@link MetadataLog}; compaction reads earlier batches, so one writer per log.
 *
 * @param <E> the entry record
 */
public abstract class CompactibleFileLog<E> extends MetadataLog<List<E>> {
    public static final String COMPACT_SUFFIX = ".compact";
    /** Spark's default for both {@code fileSource.log.compactInterval} and {@code fileSink.log.compactInterval}. */
    public static final int DEFAULT_COMPACT_INTERVAL = 10;

    private final int compactInterval;

    protected CompactibleFileLog(Path dir, int compactInterval) {
        super(dir);
        if (compactInterval <= 0) {
            throw new IllegalArgumentException("compactInterval must be > 0 but was " + compactInterval + " (log " + dir + ")");
        }
        this.compactInterval = compactInterval;
    }

    /** Writes one entry as a JSON object with a fixed field order. */
    protected abstract void writeEntry(E entry, JsonGenerator g) throws IOException;

    /** Decodes one entry; throw {@link IllegalArgumentException} with a detail for bad input. */
    protected abstract E readEntry(JsonNode node);

    /** Reduces the merged history to what readers should see (the sink drops deleted files). */
    protected List<E> compactLogs(List<E> entries) {
        return entries;
    }

    public int compactInterval() {
        return compactInterval;
    }

    public boolean isCompactionBatch(long batchId) {
        return (batchId + 1) % compactInterval == 0;
    }

    @Override
    protected Path batchFile(long batchId) {
        String name = Long.toString(batchId);
        return dir().resolve(isCompactionBatch(batchId) ? name + COMPACT_SUFFIX : name);
    }

    @Override
    protected OptionalLong parseBatchId(String fileName) {
        String name = fileName.endsWith(COMPACT_SUFFIX)
                ? fileName.substring(0, fileName.length() - COMPACT_SUFFIX.length()) : fileName;
        return parseDecimal(name);
    }

    /**
     * Stores batch {@code batchId}'s entries; on a compaction batch the file holds all earlier
     * entries too, which requires the previous compaction and every delta since to be present.
     */
    @Override
    public boolean add(long batchId, List<E> entries) {
        if (!isCompactionBatch(batchId) || Files.exists(batchFile(batchId))) {
            return super.add(batchId, entries);
        }
        List<E> all = new ArrayList<>();
        long first = Math.max(0, batchId + 1 - compactInterval - 1);
        for (long id = first; id < batchId; id++) {
            Path file = batchFile(id);
            if (!Files.exists(file)) {
                throw new CheckpointException(file + " doesn't exist when compacting batch " + batchId
                        + " (compactInterval: " + compactInterval + ")");
            }
            all.addAll(read(file));
        }
        all.addAll(entries);
        return super.add(batchId, compactLogs(all));
    }

    /** Every entry up to the latest batch: the latest compaction plus the deltas after it. */
    public List<E> allEntries() {
        OptionalLong latest = latestBatchId();
        if (latest.isEmpty()) {
            return List.of();
        }
        long latestId = latest.getAsLong();
        long lastCompaction = (latestId + 1) / compactInterval * compactInterval - 1;
        List<E> all = new ArrayList<>();
        for (long id = Math.max(0, lastCompaction); id <= latestId; id++) {
            Path file = batchFile(id);
            if (!Files.exists(file)) {
                throw new CheckpointException(file + " doesn't exist (latestId: " + latestId
                        + ", compactInterval: " + compactInterval + ")");
            }
            all.addAll(read(file));
        }
        return compactLogs(all);
    }

    @Override
    protected void serialize(List<E> entries, StringBuilder out) {
        out.append('v').append(VERSION);
        for (E e : entries) {
            out.append('\n').append(Json.write(g -> writeEntry(e, g)));
        }
    }

    @Override
    protected List<E> deserialize(String text, Path file) {
        LogText log = LogText.parse(text, file);
        log.validateVersion(VERSION);
        List<E> entries = new ArrayList<>(log.lineCount());
        for (int i = 1; i < log.lineCount(); i++) {
            String line = log.line(i);
            JsonNode node = Json.object(Json.read(line, log, "entry"), log, "entry on line " + (i + 1));
            try {
                entries.add(readEntry(node));
            } catch (IllegalArgumentException e) {
                throw log.fail("Invalid entry on line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    static String requiredText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string in " + node);
        }
        return v.textValue();
    }

    static long requiredLong(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a long in " + node);
        }
        return v.longValue();
    }
}

package io.tideway.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <checkpoint>/offsets/}: the write-ahead log of batch end offsets.
 * Format, UTF-8, no trailing newline:
 * <pre>
 * v1
 * {"batchWatermarkMs":0,"batchTimestampMs":1700000000123,"conf":{...}}   (or an empty line)
 * {"logOffset":0}                                                       (one line per source, '-' = none)
 * 7
 * </pre>
 *
 * <p>Threading: as {@link MetadataLog}.
 */
public final class OffsetSeqLog extends MetadataLog<OffsetSeq> {
    static final String NO_OFFSET = "-";

    public OffsetSeqLog(Path dir) {
        super(dir);
    }

    /** @param sync whether each file is forced to disk before it is published */
    public OffsetSeqLog(Path dir, boolean sync) {
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
    public boolean add(long batchId, OffsetSeq value) {
        write(batchId, value);
        return true;
    }

    @Override
    protected void serialize(OffsetSeq value, StringBuilder out) {
        out.append('v').append(VERSION).append('\n');
        if (value.metadata() != null) {
            appendMetadataJson(value.metadata(), out);
        }
        for (String offset : value.offsets()) {
            out.append('\n').append(offset == null ? NO_OFFSET : offset);
        }
    }

    /**
     * Compact JSON with Spark's field order: batchWatermarkMs, batchTimestampMs, conf. Written by
     * hand rather than through a Jackson generator because a continuous query writes it once per
     * epoch on its coordinator thread; the output is the same as Jackson's (tested).
     */
    static void appendMetadataJson(OffsetSeqMetadata m, StringBuilder out) {
        out.append("{\"batchWatermarkMs\":").append(m.batchWatermarkMs())
                .append(",\"batchTimestampMs\":").append(m.batchTimestampMs())
                .append(",\"conf\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : m.conf().entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonText.appendString(e.getKey(), out);
            out.append(':');
            JsonText.appendString(e.getValue(), out);
        }
        out.append("}}");
    }

    @Override
    protected OffsetSeq deserialize(String text, Path file) {
        LogText log = LogText.parse(text, file);
        log.validateVersion(VERSION);
        String metaLine = log.line(1);
        OffsetSeqMetadata metadata = metaLine.isEmpty() ? null : parseMetadata(metaLine, log);
        List<String> offsets = new ArrayList<>();
        for (int i = 2; i < log.lineCount(); i++) {
            String line = log.line(i);
            if (NO_OFFSET.equals(line)) {
                offsets.add(null);
            } else {
                // Offsets stay raw text for the source to decode, but a torn line must fail here,
                // where the file is known, rather than inside a source.
                Json.read(line, log, "source " + (i - 2) + " offset");
                offsets.add(line);
            }
        }
        return new OffsetSeq(metadata, offsets);
    }

    private static OffsetSeqMetadata parseMetadata(String line, LogText log) {
        JsonNode obj = Json.object(Json.read(line, log, "offset metadata"), log, "offset metadata");
        Map<String, String> conf = new LinkedHashMap<>();
        JsonNode confNode = obj.get("conf");
        if (confNode != null && !confNode.isNull()) {
            Json.object(confNode, log, "conf");
            for (Iterator<Map.Entry<String, JsonNode>> it = confNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                conf.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
            }
        }
        return new OffsetSeqMetadata(
                Json.longField(obj, "batchWatermarkMs", 0L, log),
                Json.longField(obj, "batchTimestampMs", 0L, log),
                conf);
    }
}

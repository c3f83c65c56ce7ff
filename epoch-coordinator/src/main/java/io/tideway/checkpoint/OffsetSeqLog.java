package io.tideway.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <checkpoint>/offsets/}: the write-ahead log of batch end offsets (digest §1.4).
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

    @Override
    protected void serialize(OffsetSeq value, Writer out) throws IOException {
        out.write("v" + VERSION);
        out.write('\n');
        if (value.metadata() != null) {
            out.write(metadataJson(value.metadata()));
        }
        for (String offset : value.offsets()) {
            out.write('\n');
            out.write(offset == null ? NO_OFFSET : offset);
        }
    }

    /** Compact JSON with Spark's field order: batchWatermarkMs, batchTimestampMs, conf. */
    static String metadataJson(OffsetSeqMetadata m) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("batchWatermarkMs", m.batchWatermarkMs());
            g.writeNumberField("batchTimestampMs", m.batchTimestampMs());
            g.writeObjectFieldStart("conf");
            for (Map.Entry<String, String> e : m.conf().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
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

package io.tideway.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code state/<op>/_metadata/schema}: which stateful operator wrote {@code state/<op>/} and the
 * layout of its keys and values, written once by the first batch that runs the operator and read
 * once when a query starts on the checkpoint, so that a restart with a changed query fails (Spark's
 * {@code StateSchemaCompatibilityChecker} and operator state metadata) instead of reading state
 * bytes with the wrong layout. One compact JSON object, no newline:
 * <pre>
 *   {"operator":"stateStoreSave","keySchema":"string","valueSchema":"count: bigint"}
 * </pre>
 * <ul>
 *   <li>{@code operator}: Spark's operator name ({@code stateStoreSave}, {@code dedupe}, ...);</li>
 *   <li>{@code keySchema}, {@code valueSchema}: opaque texts the engine builds and compares for
 *       equality; this module does not interpret them.</li>
 * </ul>
 * Spark's own file is a different (versioned, Spark-JSON schemas) format; Tideway's state rows are
 * not Spark's, so the checkpoint is not readable by Spark either way.
 *
 * <p>Threading: stateless beyond the file; creation is atomic and non-overwriting.
 */
public final class StateSchemaFile {
    /** Directory under {@code state/<op>/} that holds the file, beside the partition directories. */
    public static final String METADATA_DIR = "_metadata";
    public static final String FILE_NAME = "schema";

    /** What one operator's state holds. */
    public record Schema(String operator, String keySchema, String valueSchema) {
    }

    private final Path file;

    public StateSchemaFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** The stored schema, or empty if the file does not exist. */
    public Optional<Schema> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = AtomicFiles.readText(file);
        LogText log = LogText.parse(text, file);
        JsonNode obj = Json.object(Json.read(text, log, "state schema"), log, "state schema");
        return Optional.of(new Schema(Json.textField(obj, "operator", log), Json.textField(obj, "keySchema", log),
                Json.textField(obj, "valueSchema", log)));
    }

    /** Writes {@code schema} unless the file exists; returns whether this call wrote it. */
    public boolean writeIfAbsent(Schema schema) {
        if (Files.exists(file)) {
            return false;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new CheckpointException("Failed to create " + file.getParent() + ": " + e, e);
        }
        String json = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("operator", schema.operator());
            g.writeStringField("keySchema", schema.keySchema());
            g.writeStringField("valueSchema", schema.valueSchema());
            g.writeEndObject();
        });
        return AtomicFiles.publishText(file, false, json);
    }
}

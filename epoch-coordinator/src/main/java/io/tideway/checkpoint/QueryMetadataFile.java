package io.tideway.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code <checkpoint>/metadata}: {@code {"id":"<uuid>"}}, compact, no newline,
 * written once on first start. The id survives restarts so sinks that key idempotence on the
 * query id keep working.
 *
 * <p>Threading: stateless beyond the file; creation is atomic and non-overwriting, so racing
 * creators agree on one id.
 */
public final class QueryMetadataFile {
    private final Path file;

    public QueryMetadataFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** The stored query id, or empty if the file does not exist. */
    public Optional<UUID> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = AtomicFiles.readText(file);
        LogText log = LogText.parse(text, file);
        JsonNode obj = Json.object(Json.read(text, log, "query metadata"), log, "query metadata");
        String id = Json.textField(obj, "id", log);
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw log.fail("Query id is not a UUID: " + id, e);
        }
    }

    /**
     * The stored id, or {@code fresh} after writing it. If another process creates the file
     * first, its id wins and is returned.
     */
    public UUID readOrCreate(UUID fresh) {
        Optional<UUID> existing = read();
        if (existing.isPresent()) {
            return existing.get();
        }
        String json = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("id", fresh.toString());
            g.writeEndObject();
        });
        if (AtomicFiles.publishText(file, false, json)) {
            return fresh;
        }
        return read().orElseThrow(() -> new CheckpointException("Metadata file " + file + " vanished while being created"));
    }
}

package io.tideway.engine.spi;

import io.tideway.checkpoint.SourceMetadataLog;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a source is created with: its options, its resolved schema, a private checkpoint
 * directory ({@code sources/<i>}) for logs it needs to replay, and the session settings.
 */
public record SourceContext(Options options, StructType schema, Path metadataDir, Map<String, String> conf) {
    /** The source's own log in {@link #metadataDir}, or null when it has none (a batch read). */
    public SourceLog log() {
        if (metadataDir == null) {
            return null;
        }
        SourceMetadataLog log = new SourceMetadataLog(metadataDir);
        return new SourceLog() {
            @Override
            public Optional<String> get(long id) {
                return log.get(id);
            }

            @Override
            public boolean add(long id, String text) {
                return log.add(id, text);
            }

            @Override
            public Path file(long id) {
                return log.dir().resolve(Long.toString(id));
            }
        };
    }
}

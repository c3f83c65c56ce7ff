package io.tideway.engine.spi;

import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a source is created with: its options, its resolved schema, a private checkpoint
 * directory ({@code sources/<i>}) for logs it needs to replay, and the session settings.
 */
public record SourceContext(Options options, StructType schema, Path metadataDir, Map<String, String> conf) {
}

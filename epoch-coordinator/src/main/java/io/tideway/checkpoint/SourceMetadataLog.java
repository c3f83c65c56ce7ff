package io.tideway.checkpoint;

import java.nio.file.Path;

/**
 * A source-private log of one plain value per entry under {@code sources/<i>/}, such as the rate
 * source's creation time ({@code sources/0/0} = {@code v1\n1700000000000}). The value
 * is everything after the version line, kept as text for the source to interpret.
 *
 * <p>Threading: as {@link MetadataLog}.
 */
public final class SourceMetadataLog extends MetadataLog<String> {
    public SourceMetadataLog(Path dir) {
        super(dir);
    }

    @Override
    protected void serialize(String value, StringBuilder out) {
        out.append('v').append(VERSION).append('\n').append(value);
    }

    @Override
    protected String deserialize(String text, Path file) {
        LogText log = LogText.parse(text, file);
        log.validateVersion(VERSION);
        log.line(1); // a file holding only the version line was cut short
        return text.substring(text.indexOf('\n') + 1);
    }
}

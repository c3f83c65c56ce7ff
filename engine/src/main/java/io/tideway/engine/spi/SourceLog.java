package io.tideway.engine.spi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A source's own small log in its checkpoint directory ({@code sources/<i>/}): text entries by id,
 * each written once, atomically and durably, as Spark's source metadata logs are. What a source
 * keeps to replay a restart the same way (the Kafka source's resolved starting offsets). Its
 * format is the checkpoint's business; a source sees entries only. Used by the query thread.
 */
public interface SourceLog {
    /** Entry {@code id}, if written. */
    Optional<String> get(long id);

    /** Writes entry {@code id} unless it exists; false if it existed (another writer, or an earlier run). */
    boolean add(long id, String text);

    /** Where entry {@code id} is kept, for an error that must name the file. */
    Path file(long id);
}

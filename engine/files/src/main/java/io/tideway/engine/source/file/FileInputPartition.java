package io.tideway.engine.source.file;

import io.tideway.engine.spi.InputPartition;

/**
 * One admitted file of a micro-batch, read whole by one worker. Immutable.
 *
 * @param index partition index within the batch
 * @param path  file URI as logged ({@code file:///in/a.csv})
 */
public record FileInputPartition(int index, String path) implements InputPartition {
    /** The file as a local path. */
    java.nio.file.Path file() {
        return java.nio.file.Path.of(java.net.URI.create(path));
    }
}

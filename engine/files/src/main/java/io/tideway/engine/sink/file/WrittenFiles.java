package io.tideway.engine.sink.file;

import io.tideway.checkpoint.FileSinkEntry;
import io.tideway.engine.spi.CommitMessage;

import java.util.List;

/**
 * What a file sink partition writer hands to the sink's commit: the files it renamed into place,
 * with path URI, size and modification time, ready to be logged. Empty when the partition had no
 * rows (no file is written). Immutable.
 *
 * @param files the files written, as log entries
 * @param rows  rows written
 */
public record WrittenFiles(List<FileSinkEntry> files, long rows) implements CommitMessage {
    public WrittenFiles {
        files = List.copyOf(files);
    }
}

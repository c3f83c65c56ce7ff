package io.tideway.engine.sink.file;

import io.tideway.checkpoint.FileSinkEntry;
import io.tideway.checkpoint.FileLogSettings;
import io.tideway.checkpoint.FileSinkLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a file sink's output the exactly-once way: only the files named in
 * {@code <out>/_spark_metadata} (Spark's {@code MetadataLogFileIndex}). Without a metadata log the
 * directory is not a streaming sink's output, and its visible files are listed, as Spark does.
 *
 * <p>Threading: stateless; any thread.
 */
public final class FileSinkReader {
    private FileSinkReader() {
    }

    /** Committed data files of {@code outputDir}, in commit order. */
    public static List<Path> readCommittedFiles(Path outputDir) {
        Path dir = outputDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve(FileSinkLog.METADATA_DIR))) {
            return listVisible(dir);
        }
        List<Path> files = new ArrayList<>();
        for (FileSinkEntry e : readCommittedEntries(dir)) {
            files.add(pathOf(e));
        }
        return files;
    }

    /**
     * The entries of the files {@code outputDir}'s metadata log holds, in commit order: every
     * added file but those an entry deleted (Spark's {@code FileStreamSinkLog.allFiles}; the log's
     * compaction rule drops those).
     */
    public static List<FileSinkEntry> readCommittedEntries(Path outputDir) {
        FileSinkLog log = FileSinkLog.forOutputDir(outputDir.toAbsolutePath().normalize(), FileLogSettings.DEFAULTS);
        List<FileSinkEntry> added = new ArrayList<>();
        for (FileSinkEntry e : log.allEntries()) {
            if (FileSinkEntry.ADD.equals(e.action())) {
                added.add(e);
            }
        }
        return added;
    }

    /** The local file an entry names (its path is a {@code file:} URI, as Spark writes it). */
    public static Path pathOf(FileSinkEntry e) {
        return Path.of(URI.create(e.path()));
    }

    /** Every line of every committed file, in commit order (for small outputs and tests). */
    public static List<String> readCommittedLines(Path outputDir) {
        List<String> lines = new ArrayList<>();
        for (Path f : readCommittedFiles(outputDir)) {
            try {
                lines.addAll(Files.readAllLines(f));
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read committed file " + f + ": " + e, e);
            }
        }
        return lines;
    }

    private static List<Path> listVisible(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && !n.startsWith("_");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list " + dir + ": " + e, e);
        }
    }
}

package io.tideway.engine.source.file;

import io.tideway.SparkUnsupportedOperationException;
import io.tideway.checkpoint.FileSinkEntry;
import io.tideway.checkpoint.FileSinkLog;
import io.tideway.engine.sink.file.FileSinkReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files a streaming file source may admit now (Spark's {@code FileStreamSource.fetchAllFiles}):
 * when the path is a file sink's output, the files its {@code _spark_metadata} log committed
 * (Spark's {@code MetadataLogFileIndex}), so the part files of a batch that failed or was
 * aborted before its commit are never read; otherwise the directory's listing
 * ({@link FileLister}). Which of the two is decided once, as Spark's {@code sourceHasMetadata}:
 * the log is looked for at every listing until the path holds a file, and the answer found then
 * holds for the rest of the query. A glob, or a path whose log appears only after its first
 * data file was seen, is listed. A sink's output with {@code cleanSource} fails the query, as
 * Spark's does.
 *
 * <p>Threading: the query thread only (it owns {@link #hasMetadata}).
 */
final class SourceFileIndex {
    private final FileLister lister;
    /** Whether the source cleans the files it read ({@code cleanSource}), which a sink's output refuses. */
    private final boolean cleansSource;
    /** Spark's {@code sourceHasMetadata}: null until decided. Query thread only. */
    private Boolean hasMetadata;

    SourceFileIndex(FileLister lister, boolean cleansSource) {
        this.lister = lister;
        this.cleansSource = cleansSource;
    }

    /** The files to consider, oldest first (newest first with {@code latestFirst}). */
    List<FileLister.ListedFile> list(boolean latestFirst) {
        if (hasMetadata == null) {
            if (sinkLogExists()) {
                decide(true);
            } else {
                List<FileLister.ListedFile> listed = lister.list(latestFirst);
                if (listed.isEmpty()) {
                    return listed; // still undecided: a sink may yet write its log here
                }
                // the log and the first files may have appeared after the check above
                decide(sinkLogExists());
                if (!hasMetadata) {
                    return listed;
                }
            }
        }
        return hasMetadata ? committed(latestFirst) : lister.list(latestFirst);
    }

    /** Spark's {@code setSourceHasMetadata}: a sink's files are the sink's, so {@code cleanSource} may not move them. */
    private void decide(boolean sinkOutput) {
        if (sinkOutput && cleansSource) {
            throw new SparkUnsupportedOperationException("_LEGACY_ERROR_TEMP_2261");
        }
        hasMetadata = sinkOutput;
    }

    private boolean sinkLogExists() {
        return !lister.isGlob() && Files.isDirectory(lister.base().resolve(FileSinkLog.METADATA_DIR));
    }

    /** The files the sink's log holds, with the modification times it recorded. */
    private List<FileLister.ListedFile> committed(boolean latestFirst) {
        List<FileLister.ListedFile> files = new ArrayList<>();
        for (FileSinkEntry e : FileSinkReader.readCommittedEntries(lister.base())) {
            Path p = FileSinkReader.pathOf(e);
            files.add(new FileLister.ListedFile(p.toUri().toString(), p, e.modificationTime()));
        }
        // a stable sort by time alone, as Spark's sortBy: equal times keep the log's order
        Comparator<FileLister.ListedFile> order = Comparator.comparingLong(FileLister.ListedFile::modificationTime);
        files.sort(latestFirst ? order.reversed() : order);
        return files;
    }
}

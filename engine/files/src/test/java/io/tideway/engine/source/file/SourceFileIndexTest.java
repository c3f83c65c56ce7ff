package io.tideway.engine.source.file;

import io.tideway.checkpoint.FileLogSettings;
import io.tideway.checkpoint.FileSinkEntry;
import io.tideway.checkpoint.FileSinkLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which files a stream source admits from a directory a file sink writes (Spark's {@code sourceHasMetadata}). */
class SourceFileIndexTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path tmp;

    private Path file(Path dir, String name, long mtime) throws IOException {
        Path f = Files.writeString(Files.createDirectories(dir).resolve(name), name + "\n");
        f.toFile().setLastModified(mtime);
        return f;
    }

    private static void commit(Path out, long batch, FileSinkEntry... entries) {
        FileSinkLog.forOutputDir(out, FileLogSettings.DEFAULTS).write(batch, List.of(entries));
    }

    private static List<String> names(List<FileLister.ListedFile> files) {
        return files.stream().map(f -> f.path().getFileName().toString()).toList();
    }

    @Test
    void aSinksOutputIsTheFilesItsLogCommittedInTheLogsTimes() throws IOException {
        Path out = tmp.resolve("out");
        Path a = file(out, "a.json", T0);
        Path b = file(out, "b.json", T0 + 5000);
        file(out, "stray.json", T0 + 1000);
        // the log's times order the files, not the file system's; equal times keep the log's order
        commit(out, 0, FileSinkEntry.added(b.toUri().toString(), 2, T0), FileSinkEntry.added(a.toUri().toString(), 2, T0));
        SourceFileIndex index = new SourceFileIndex(new FileLister(out.toString()), false);
        assertEquals(List.of("b.json", "a.json"), names(index.list(false)));
        commit(out, 1, new FileSinkEntry(b.toUri().toString(), 2, T0, FileSinkEntry.DELETE));
        assertEquals(List.of("a.json"), names(index.list(false)));
    }

    @Test
    void theAnswerFoundWithTheFirstFilesHoldsForTheQuery() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        SourceFileIndex index = new SourceFileIndex(new FileLister(out.toString()), false);
        assertEquals(List.of(), index.list(false), "empty: undecided");
        file(out, "a.json", T0);
        assertEquals(List.of("a.json"), names(index.list(false)), "files and no log: a plain directory from now on");
        Path b = file(out, "b.json", T0 + 1000);
        commit(out, 0, FileSinkEntry.added(b.toUri().toString(), 2, T0 + 1000));
        assertEquals(List.of("a.json", "b.json"), names(index.list(false)));
    }

    @Test
    void aGlobIsListedEvenOverASinksOutput() throws IOException {
        Path out = tmp.resolve("out");
        Path a = file(out, "a.json", T0);
        file(out, "stray.json", T0 + 1000);
        commit(out, 0, FileSinkEntry.added(a.toUri().toString(), 2, T0));
        SourceFileIndex index = new SourceFileIndex(new FileLister(out.resolve("*.json").toString()), false);
        assertEquals(List.of("a.json", "stray.json"), names(index.list(false)));
    }
}

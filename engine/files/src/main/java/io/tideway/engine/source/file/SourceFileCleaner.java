package io.tideway.engine.source.file;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file source's {@code cleanSource} option: once a batch has committed, the files it read are
 * moved under {@code sourceArchiveDir} ({@code archive}: to the archive directory followed by the
 * file's own absolute path, as Spark does) or deleted ({@code delete}), so a long-running query's
 * source directory, and the listing each trigger does of it, stays small. A file that cannot be
 * cleaned is left where it is with a warning; the query goes on (Spark's behaviour).
 *
 * <p>Threading: immutable; called on the query thread after each commit.
 */
final class SourceFileCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(SourceFileCleaner.class);
    /** The archive directory, or null to delete. */
    private final Path archiveDir;

    private SourceFileCleaner(Path archiveDir) {
        this.archiveDir = archiveDir;
    }

    /** The cleaner the options ask for, or null for {@code cleanSource=off}; refuses an archive directory the source would read. */
    static SourceFileCleaner of(FileSourceOptions options) {
        switch (options.cleanSource()) {
            case "DELETE":
                return new SourceFileCleaner(null);
            case "ARCHIVE":
                Path archive = Path.of(options.sourceArchiveDir()).toAbsolutePath().normalize();
                if (matchesSourcePattern(sourcePattern(options.path()), archive)) {
                    throw new IllegalArgumentException("requirement failed: Base archive path cannot be set to the path"
                            + " where archived path can possibly match with source pattern. Ensure the base archive path"
                            + " doesn't match with source pattern in depth, where the depth is minimum of depth on both"
                            + " paths.");
                }
                return new SourceFileCleaner(archive);
            default:
                return null;
        }
    }

    /** The files the source reads: its glob, or {@code <dir>/*} for a directory. */
    private static Path sourcePattern(String path) {
        Path p = Path.of(path.replaceFirst("^file:(//)?", "")).toAbsolutePath().normalize();
        boolean glob = p.toString().chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
        return glob ? p : p.resolve("*");
    }

    /**
     * Spark's check: the archive path and the source pattern cut to the smaller depth of the two,
     * name by name, the archive's names matching the pattern's globs. If they do, an archived file
     * could be listed again as a new source file.
     */
    static boolean matchesSourcePattern(Path pattern, Path archive) {
        int depth = Math.min(pattern.getNameCount(), archive.getNameCount());
        for (int i = 0; i < depth; i++) {
            String glob = pattern.getName(i).toString();
            Path name = archive.getName(i);
            if (!FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(name)) {
                return false;
            }
        }
        return true;
    }

    /** Archives or deletes one file a committed batch read ({@code uri} as the source log has it). */
    void clean(String uri) {
        Path file = Path.of(URI.create(uri));
        try {
            if (archiveDir == null) {
                Files.deleteIfExists(file);
                return;
            }
            Path target = archiveDir.resolve(file.toAbsolutePath().toString().substring(1));
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            LOG.warn("Source file {} to clean no longer exists", file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Failed to {} completed source file {}", archiveDir == null ? "delete" : "archive", file, e);
        }
    }
}

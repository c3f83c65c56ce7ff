package io.tideway.engine.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the data files under a source path, as Spark's {@code InMemoryFileIndex.allFiles}: the files
 * of a directory, or of each directory or file a glob such as {@code /in/*.csv} or
 * {@code /in/2024-*}{@code /*} matches (glob characters in any component). Files in
 * sub-directories are read when some are in {@code key=value} partition directories, or with
 * {@code recursiveFileLookup}; otherwise only the files directly in those directories. Hidden
 * names (Spark's rule: a {@code .} prefix, or a {@code _} prefix without {@code =}) are skipped at
 * every level, so in-flight temp files and {@code _SUCCESS} markers are never read; the
 * {@code pathGlobFilter} option, when set, keeps only files whose name matches it.
 *
 * <p>Each file has a root, the directory its partition directories are relative to: the path
 * for a plain path, the matched directory (or a matched file's parent) for a glob, as Spark's
 * {@code basePaths}.
 *
 * <p>Threading: immutable; a listing is a point-in-time view of the file system.
 */
final class FileLister {
    /** A listed file: its URI (the log's key) and modification time. */
    record ListedFile(String uri, Path path, long modificationTime) {
    }

    private final Path base;
    /** The whole glob, or null for a plain path. */
    private final PathMatcher glob;
    /** Name components of the glob after {@link #base}; 0 for a plain path. */
    private final int globDepth;
    /** {@code pathGlobFilter} on file names, or null. */
    private final PathMatcher nameFilter;
    private final boolean recursiveFileLookup;

    FileLister(String pathOption, String pathGlobFilter, boolean recursiveFileLookup) {
        this.recursiveFileLookup = recursiveFileLookup;
        Path full = Path.of(stripScheme(pathOption)).toAbsolutePath().normalize();
        int firstGlob = -1;
        for (int i = 0; i < full.getNameCount(); i++) {
            if (hasGlob(full.getName(i).toString())) {
                firstGlob = i;
                break;
            }
        }
        if (firstGlob < 0) {
            base = full;
            glob = null;
            globDepth = 0;
        } else {
            Path root = full.getRoot();
            base = firstGlob == 0 ? root : root.resolve(full.subpath(0, firstGlob));
            glob = FileSystems.getDefault().getPathMatcher("glob:" + full.toString().replace("\\", "\\\\"));
            globDepth = full.getNameCount() - firstGlob;
        }
        nameFilter = pathGlobFilter == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + pathGlobFilter);
    }

    FileLister(String pathOption) {
        this(pathOption, null, false);
    }

    /** The directory listed (the part before any glob), for descriptions and errors. */
    Path base() {
        return base;
    }

    /** Whether the path is a glob (Spark checks that a plain path exists at {@code load()}). */
    boolean isGlob() {
        return glob != null;
    }

    /** The directory that {@code file}'s partition directories are relative to. */
    Path rootOf(Path file) {
        if (glob == null) {
            return base;
        }
        int matched = base.getNameCount() + globDepth;
        return file.getNameCount() > matched ? file.getRoot().resolve(file.subpath(0, matched)) : file.getParent();
    }

    /** Files sorted by modification time (then path), oldest first, or newest first. */
    List<ListedFile> list(boolean latestFirst) {
        List<ListedFile> files = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return files; // a glob's directory may appear later; a plain path was checked at load()
        }
        if (glob == null) {
            walk(base, files);
        } else {
            List<Path> matches = new ArrayList<>();
            try (Stream<Path> s = Files.walk(base, globDepth)) {
                s.filter(p -> !p.equals(base) && !hidden(base.relativize(p)) && glob.matches(p)).forEach(matches::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to list files in " + base + ": " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
            }
            for (Path p : matches) {
                walk(p, files);
            }
        }
        if (!recursiveFileLookup && files.stream().allMatch(f -> PartitionColumns.parse(rootOf(f.path()), f.path()).isEmpty())) {
            files.removeIf(f -> !f.path().getParent().equals(rootOf(f.path()))); // not partitioned: no nested files
        }
        Comparator<ListedFile> order = Comparator.comparingLong(ListedFile::modificationTime)
                .thenComparing(ListedFile::uri);
        files.sort(latestFirst ? order.reversed() : order);
        return files;
    }

    /** Adds {@code start} if it is a file, else every visible file below it. */
    private void walk(Path start, List<ListedFile> files) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(start) && hiddenName(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && (file.equals(start) || !hiddenName(file))
                            && (nameFilter == null || nameFilter.matches(file.getFileName()))) {
                        files.add(new ListedFile(file.toUri().toString(), file, attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // deleted while listing: not there for this batch
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list files in " + start + ": " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (hiddenName(part)) {
                return true;
            }
        }
        return false;
    }

    /** Spark's {@code shouldFilterOutPathName}. */
    private static boolean hiddenName(Path p) {
        String name = p.getFileName().toString();
        return (name.startsWith("_") && !name.contains("=")) || name.startsWith(".") || name.endsWith("._COPYING_");
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    private static String stripScheme(String p) {
        return p.startsWith("file://") ? p.substring("file://".length()) : p.startsWith("file:") ? p.substring(5) : p;
    }
}

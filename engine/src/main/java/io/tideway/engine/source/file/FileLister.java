package io.tideway.engine.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the data files under a source path: a directory (its direct children) or a glob such as
 * {@code /in/*.csv} or {@code /in/2024-*}{@code /*.json} (glob characters in any component).
 * Hidden files ({@code .} or {@code _} prefix, Spark's rule) and directories are skipped, so
 * in-flight temp files and {@code _SUCCESS} markers are never read.
 *
 * <p>Threading: immutable; the listing is a point-in-time view of the file system.
 */
final class FileLister {
    /** A listed file: its URI (the log's key) and modification time. */
    record ListedFile(String uri, Path path, long modificationTime) {
    }

    private final Path base;
    private final PathMatcher matcher;
    private final int depth;

    FileLister(String pathOption) {
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
            matcher = null;
            depth = 1;
        } else {
            Path root = full.getRoot();
            base = firstGlob == 0 ? root : root.resolve(full.subpath(0, firstGlob));
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + full.toString().replace("\\", "\\\\"));
            depth = full.getNameCount() - firstGlob;
        }
    }

    /** The directory listed (the part before any glob), for descriptions and errors. */
    Path base() {
        return base;
    }

    /** Files sorted by modification time (then path), oldest first, or newest first. */
    List<ListedFile> list(boolean latestFirst) {
        List<ListedFile> files = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return files; // Spark tolerates a directory that does not exist yet
        }
        try (Stream<Path> walk = Files.walk(base, depth)) {
            walk.filter(p -> !p.equals(base) && accept(p)).forEach(p -> add(files, p));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list files in " + base + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e;
            }
        }
        Comparator<ListedFile> order = Comparator.comparingLong(ListedFile::modificationTime)
                .thenComparing(ListedFile::uri);
        files.sort(latestFirst ? order.reversed() : order);
        return files;
    }

    private boolean accept(Path p) {
        for (Path part : base.relativize(p)) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return false;
            }
        }
        if (matcher != null) {
            return matcher.matches(p);
        }
        return true;
    }

    private static void add(List<ListedFile> files, Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.isRegularFile()) {
                files.add(new ListedFile(p.toUri().toString(), p, a.lastModifiedTime().toMillis()));
            }
        } catch (NoSuchFileException e) {
            // deleted between listing and stat: not there for this batch
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read attributes of " + p + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    private static String stripScheme(String p) {
        return p.startsWith("file://") ? p.substring("file://".length()) : p.startsWith("file:") ? p.substring(5) : p;
    }
}

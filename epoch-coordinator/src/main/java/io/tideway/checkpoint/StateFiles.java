package io.tideway.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The file layout of one state store directory ({@code state/<op>/<partition>[/<store>]}):
 * {@code <v>.delta} and {@code <v>.snapshot} where version = batch id + 1, how to
 * rebuild version v from them, and retention.
 *
 * <p>Threading: stateless; safe from any thread. Loading and purging one directory at the same
 * time is the caller's to prevent (Spark runs both on the store's owner).
 */
public final class StateFiles {
    public static final String DELTA_SUFFIX = ".delta";
    public static final String SNAPSHOT_SUFFIX = ".snapshot";

    private StateFiles() {
    }

    /**
     * {@code file} as Spark's (Hadoop's) local file system prints a path: {@code file:} and the
     * absolute path. Spark's state errors name files and store directories so.
     */
    public static String qualified(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    public static Path deltaFile(Path partitionDir, long version) {
        return partitionDir.resolve(version + DELTA_SUFFIX);
    }

    public static Path snapshotFile(Path partitionDir, long version) {
        return partitionDir.resolve(version + SNAPSHOT_SUFFIX);
    }

    /** Versions with a delta file, ascending; empty if the directory does not exist. */
    public static List<Long> deltaVersions(Path partitionDir) {
        return versions(partitionDir, DELTA_SUFFIX);
    }

    /** Versions with a snapshot file, ascending; empty if the directory does not exist. */
    public static List<Long> snapshotVersions(Path partitionDir) {
        return versions(partitionDir, SNAPSHOT_SUFFIX);
    }

    /** The highest version with any file, or empty for a new store. */
    public static OptionalLong latestVersion(Path partitionDir) {
        long max = -1;
        for (long v : deltaVersions(partitionDir)) {
            max = Math.max(max, v);
        }
        for (long v : snapshotVersions(partitionDir)) {
            max = Math.max(max, v);
        }
        return max < 0 ? OptionalLong.empty() : OptionalLong.of(max);
    }

    public static OptionalLong latestSnapshotAtOrBelow(Path partitionDir, long version) {
        long best = -1;
        for (long v : snapshotVersions(partitionDir)) {
            if (v <= version) {
                best = v;
            }
        }
        return best < 0 ? OptionalLong.empty() : OptionalLong.of(best);
    }

    /**
     * Rebuilds version {@code version}: the newest snapshot at or below it (or the empty map),
     * then every delta after that snapshot up to {@code version}, in order. Version 0 is the
     * empty store. A missing delta fails: skipping it would silently lose state.
     */
    public static void replay(Path partitionDir, long version, StateRecordVisitor visitor) {
        if (version <= 0) {
            return;
        }
        OptionalLong snapshot = latestSnapshotAtOrBelow(partitionDir, version);
        long from = 1;
        if (snapshot.isPresent()) {
            StateFileReader.read(snapshotFile(partitionDir, snapshot.getAsLong()), visitor);
            from = snapshot.getAsLong() + 1;
        }
        for (long v = from; v <= version; v++) {
            Path delta = deltaFile(partitionDir, v).toAbsolutePath();
            if (!Files.exists(delta)) {
                throw new MissingStateFileException(delta, false);
            }
            StateFileReader.read(delta, visitor);
        }
    }

    /**
     * Removes the temp files of killed writers in a partition's state directory (see
     * {@link StaleTempFiles}); a state store calls it when it opens the partition.
     *
     * @return how many were removed
     */
    public static int removeStaleTempFiles(Path partitionDir) {
        return StaleTempFiles.removeIn(partitionDir);
    }

    /**
     * Deletes files no longer needed to load {@code version} or any later version: everything
     * older than the newest snapshot at or below it. Without such a snapshot every delta is still
     * needed and nothing is deleted (Spark's {@code cleanup} rule).
     */
    public static void purgeBelow(Path partitionDir, long version) {
        OptionalLong base = latestSnapshotAtOrBelow(partitionDir, version);
        if (base.isEmpty()) {
            return;
        }
        long keepFrom = base.getAsLong();
        for (long v : deltaVersions(partitionDir)) {
            if (v < keepFrom) {
                delete(deltaFile(partitionDir, v));
            }
        }
        for (long v : snapshotVersions(partitionDir)) {
            if (v < keepFrom) {
                delete(snapshotFile(partitionDir, v));
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CheckpointException("Failed to delete state file " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    private static List<Long> versions(Path dir, String suffix) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.endsWith(suffix)) {
                    MetadataLog.parseDecimal(name.substring(0, name.length() - suffix.length())).ifPresent(out::add);
                }
            });
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new CheckpointException("Failed to list state directory " + dir.toAbsolutePath() + ": " + e, e);
        }
        out.sort(null);
        return out;
    }
}

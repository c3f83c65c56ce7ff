package io.tideway.engine.source.rate;

import io.tideway.checkpoint.SourceMetadataLog;

import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The {@code rate} source's time origin, kept in its {@code sources/<i>/0} log entry
 * ({@code v1\n<creationTimeMs>}) so that offsets, which count seconds since the
 * origin, replay the same values and timestamps after a restart. Called once, on the query
 * thread, when the source is created.
 */
final class RateCreationTime {
    private static final long BATCH_ID = 0;

    private RateCreationTime() {
    }

    /** {@code metadataDir}, or an error saying the micro-batch source needs one. */
    static Path requireDir(Path metadataDir) {
        if (metadataDir == null) {
            throw new IllegalArgumentException("The rate source needs a metadata directory (sources/<i>) to persist"
                    + " its creation time");
        }
        return metadataDir;
    }

    /** The origin logged in {@code metadataDir}, or {@code clock}'s time, logged now, for a new query. */
    static long loadOrCreate(Path metadataDir, LongSupplier clock) {
        requireDir(metadataDir);
        SourceMetadataLog log = new SourceMetadataLog(metadataDir);
        var logged = log.get(BATCH_ID);
        if (logged.isPresent()) {
            return parse(logged.get(), log);
        }
        long now = clock.getAsLong();
        if (log.add(BATCH_ID, Long.toString(now))) {
            return now;
        }
        // another writer got there first (add never overwrites): its origin is the one on disk
        return parse(log.get(BATCH_ID).orElseThrow(), log);
    }

    /**
     * The origin a micro-batch run logged in {@code metadataDir}, if any; never writes (the
     * continuous source does not persist its origin, as in Spark).
     */
    static java.util.OptionalLong load(Path metadataDir) {
        if (metadataDir == null || !java.nio.file.Files.isDirectory(metadataDir)) {
            return java.util.OptionalLong.empty();
        }
        SourceMetadataLog log = new SourceMetadataLog(metadataDir);
        return log.get(BATCH_ID).map(v -> java.util.OptionalLong.of(parse(v, log))).orElse(java.util.OptionalLong.empty());
    }

    private static long parse(String value, SourceMetadataLog log) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Failed to read the rate source's creation time from "
                    + log.dir().resolve(Long.toString(BATCH_ID)) + ": expected a number of milliseconds but found '"
                    + value + "'", e);
        }
    }
}

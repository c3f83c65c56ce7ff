package io.tideway.engine.source.file;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The files the source has admitted, keyed by path (or by name with {@code fileNameOnly}), aged
 * out {@code maxAgeMs} behind the newest admitted file, as Spark's {@code SeenFilesMap}. A file
 * older than the purge horizon is never new again, so the map stays bounded without ever
 * re-admitting a file that is still listed.
 *
 * <p>Threading: query thread only (the source's planning thread).
 */
final class SeenFilesMap {
    private final Map<String, Long> seen = new HashMap<>();
    private final long maxAgeMs;
    private final boolean fileNameOnly;
    private long latestTimestamp;
    /** Files older than this are treated as seen; 0 until the first purge, so batch 0 ignores age. */
    private long lastPurgeTimestamp;

    SeenFilesMap(long maxAgeMs, boolean fileNameOnly) {
        if (maxAgeMs < 0) {
            throw new IllegalArgumentException("maxAgeMs must be >= 0 but was " + maxAgeMs);
        }
        this.maxAgeMs = maxAgeMs;
        this.fileNameOnly = fileNameOnly;
    }

    void add(String uri, long timestamp) {
        seen.put(key(uri), timestamp);
        latestTimestamp = Math.max(latestTimestamp, timestamp);
    }

    boolean isNewFile(String uri, long timestamp) {
        return timestamp >= lastPurgeTimestamp && !seen.containsKey(key(uri));
    }

    /** Drops entries older than the horizon; returns how many. */
    int purge() {
        if (maxAgeMs == Long.MAX_VALUE) {
            return 0;
        }
        lastPurgeTimestamp = latestTimestamp - maxAgeMs;
        int before = seen.size();
        seen.values().removeIf(ts -> ts < lastPurgeTimestamp);
        return before - seen.size();
    }

    int size() {
        return seen.size();
    }

    private String key(String uri) {
        if (!fileNameOnly) {
            return uri;
        }
        Path name = Path.of(URI.create(uri)).getFileName();
        return name == null ? uri : name.toString();
    }
}

package io.tideway.checkpoint;

import java.util.Locale;
import java.util.Map;

/**
 * How a compactible file log (the file source's {@code sources/<i>/}, the file sink's
 * {@code _spark_metadata/}) folds itself up and forgets old files: Spark's
 * {@code spark.sql.streaming.fileSource.log.*} / {@code fileSink.log.*} settings plus
 * {@code spark.sql.streaming.minBatchesToRetain}, with Spark's defaults.
 *
 * <p>After batch N is written, when deletion is on, every log file with a batch id below the
 * earliest compaction that still covers batch {@code N + 1 - minBatchesToRetain} is deleted once
 * it is older than {@code cleanupDelayMs} (Spark's {@code CompactibleFileStreamLog.deleteExpiredLog}),
 * so a long-running log keeps about {@code minBatchesToRetain + compactInterval} files.
 *
 * <p>Threading: immutable.
 *
 * @param compactInterval    a batch N is a compaction when {@code (N + 1) % compactInterval == 0}
 * @param deletion           whether expired log files are deleted after each write
 * @param cleanupDelayMs     how long a file stays after it expired, for readers that listed it
 * @param minBatchesToRetain batches whose entries must stay readable from their own files
 */
public record FileLogSettings(int compactInterval, boolean deletion, long cleanupDelayMs, int minBatchesToRetain) {
    public static final String SOURCE_PREFIX = "spark.sql.streaming.fileSource.log.";
    public static final String SINK_PREFIX = "spark.sql.streaming.fileSink.log.";
    public static final String MIN_BATCHES_TO_RETAIN = "spark.sql.streaming.minBatchesToRetain";
    public static final int DEFAULT_COMPACT_INTERVAL = 10;
    public static final long DEFAULT_CLEANUP_DELAY_MS = 10 * 60 * 1000L;
    public static final int DEFAULT_MIN_BATCHES_TO_RETAIN = 100;

    /** Spark's defaults: compact every 10 batches, delete after 10 minutes, retain 100 batches. */
    public static final FileLogSettings DEFAULTS = new FileLogSettings(DEFAULT_COMPACT_INTERVAL, true,
            DEFAULT_CLEANUP_DELAY_MS, DEFAULT_MIN_BATCHES_TO_RETAIN);

    public FileLogSettings {
        if (compactInterval <= 0) {
            throw new IllegalArgumentException("compactInterval must be > 0 but was " + compactInterval);
        }
        if (cleanupDelayMs < 0) {
            throw new IllegalArgumentException("cleanupDelay must be >= 0 but was " + cleanupDelayMs + " ms");
        }
        Retention.requirePositive(minBatchesToRetain);
    }

    /** Defaults with another compact interval (the log keeps its files as long as Spark would). */
    public static FileLogSettings withCompactInterval(int compactInterval) {
        return new FileLogSettings(compactInterval, true, DEFAULT_CLEANUP_DELAY_MS, DEFAULT_MIN_BATCHES_TO_RETAIN);
    }

    /** The file source's settings from a session configuration; absent keys take Spark's defaults. */
    public static FileLogSettings fileSource(Map<String, String> conf) {
        return parse(conf, SOURCE_PREFIX);
    }

    /** The file sink's settings from a session configuration; absent keys take Spark's defaults. */
    public static FileLogSettings fileSink(Map<String, String> conf) {
        return parse(conf, SINK_PREFIX);
    }

    private static FileLogSettings parse(Map<String, String> conf, String prefix) {
        String intervalKey = prefix + "compactInterval";
        int interval = parseInt(conf, intervalKey, DEFAULT_COMPACT_INTERVAL);
        if (interval <= 0) {
            throw new IllegalArgumentException("Please set " + intervalKey + " (was " + interval + ") to a positive value.");
        }
        boolean deletion = parseBoolean(conf, prefix + "deletion");
        String delayKey = prefix + "cleanupDelay";
        String delay = conf.get(delayKey);
        long delayMs = delay == null ? DEFAULT_CLEANUP_DELAY_MS : parseTimeMs(delay.trim(), delayKey);
        int retain = parseInt(conf, MIN_BATCHES_TO_RETAIN, DEFAULT_MIN_BATCHES_TO_RETAIN);
        return new FileLogSettings(interval, deletion, delayMs, retain);
    }

    private static int parseInt(Map<String, String> conf, String key, int dflt) {
        String v = conf.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " should be int, but was " + v, e);
        }
    }

    private static boolean parseBoolean(Map<String, String> conf, String key) {
        String v = conf.get(key);
        if (v == null) {
            return true;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(key + " should be boolean, but was " + v);
        }
    }

    /**
     * A Spark time string in milliseconds: a bare number is milliseconds (the settings' unit),
     * otherwise one of Spark's suffixes {@code us ms s m min h d}.
     */
    static long parseTimeMs(String text, String key) {
        String s = text.toLowerCase(Locale.ROOT);
        int i = 0;
        if (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        String digits = s.substring(0, i);
        String unit = s.substring(i).trim();
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Time must be specified as seconds (s), milliseconds (ms), "
                    + "microseconds (us), minutes (m or min), hour (h), or day (d). E.g. 50s, 100ms, or 250us. "
                    + key + " was " + text, e);
        }
        switch (unit) {
            case "":
            case "ms":
                return n;
            case "us":
                return n / 1000;
            case "s":
                return n * 1000;
            case "m":
            case "min":
                return n * 60_000;
            case "h":
                return n * 3_600_000;
            case "d":
                return n * 86_400_000;
            default:
                throw new IllegalArgumentException("Invalid suffix: \"" + unit + "\" in " + key + " = " + text);
        }
    }
}

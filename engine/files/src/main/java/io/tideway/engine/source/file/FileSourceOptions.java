package io.tideway.engine.source.file;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.spi.Options;
import io.tideway.engine.util.Durations;

/**
 * The options every file source shares, parsed and validated once, when the source
 * is created (Spark's {@code FileStreamOptions}: a bad value fails the query, not {@code load()});
 * errors name the option. Format options (CSV, JSON) are parsed by their own formats.
 *
 * <p>Threading: immutable.
 *
 * @param path               directory or glob, as given
 * @param maxFilesPerTrigger files per batch, or 0 for no limit
 * @param latestFirst        newest files first
 * @param fileNameOnly       dedupe by file name instead of full path
 * @param maxFileAgeMs       age limit relative to the newest file; {@link Long#MAX_VALUE} when ignored
 * @param recursiveFileLookup files at every depth, and no partition discovery
 * @param pathGlobFilter     glob on file names, or null
 * @param cleanSource        {@code OFF}, {@code ARCHIVE} or {@code DELETE}: what happens to a file once its batch commits
 * @param sourceArchiveDir   where {@code ARCHIVE} moves files, or null
 */
public record FileSourceOptions(String path, int maxFilesPerTrigger, boolean latestFirst, boolean fileNameOnly,
                                long maxFileAgeMs, boolean recursiveFileLookup, String pathGlobFilter,
                                String cleanSource, String sourceArchiveDir) {
    public static final String MAX_BYTES_PER_TRIGGER = "maxBytesPerTrigger";
    public static final String CLEAN_SOURCE = "cleanSource";
    public static final String SOURCE_ARCHIVE_DIR = "sourceArchiveDir";
    /** Read files at every depth and discover no partition columns. */
    public static final String RECURSIVE_FILE_LOOKUP = "recursiveFileLookup";
    /** A glob on file names. */
    public static final String PATH_GLOB_FILTER = "pathGlobFilter";
    /** Spark's {@code CleanSourceMode} values. */
    private static final java.util.List<String> CLEAN_SOURCE_MODES = java.util.List.of("ARCHIVE", "DELETE", "OFF");
    public static final String PATH = "path";
    public static final String MAX_FILES_PER_TRIGGER = "maxFilesPerTrigger";
    public static final String LATEST_FIRST = "latestFirst";
    public static final String FILE_NAME_ONLY = "fileNameOnly";
    public static final String MAX_FILE_AGE = "maxFileAge";
    /** Spark's default {@code maxFileAge}. */
    public static final String DEFAULT_MAX_FILE_AGE = "7d";

    /** The {@code path} option; Spark's error when it is missing. */
    static String path(Options options) {
        return options.get(PATH).orElseThrow(() -> new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_2047"));
    }

    /** Spark checks these in this order when it creates the source. */
    public static FileSourceOptions parse(Options options) {
        String path = path(options);
        for (String banned : new String[]{"modifiedbefore", "modifiedafter"}) {
            if (options.contains(banned)) {
                throw new IllegalArgumentException("option '" + banned + "' is not allowed in file stream sources");
            }
        }
        int maxFiles = options.get(MAX_FILES_PER_TRIGGER).map(v -> (int) positive(v, MAX_FILES_PER_TRIGGER, true)).orElse(0);
        boolean maxBytes = options.get(MAX_BYTES_PER_TRIGGER).map(v -> positive(v, MAX_BYTES_PER_TRIGGER, false)).isPresent();
        if (maxFiles > 0 && maxBytes) {
            throw new IllegalArgumentException("Options 'maxFilesPerTrigger' and 'maxBytesPerTrigger' can't be both set"
                    + " at the same time");
        }
        boolean latestFirst = bool(options, LATEST_FIRST);
        boolean fileNameOnly = bool(options, FILE_NAME_ONLY);
        String ageText = options.getOrDefault(MAX_FILE_AGE, DEFAULT_MAX_FILE_AGE);
        long age;
        try {
            age = Durations.parseInterval(ageText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value '" + ageText + "' for option '" + MAX_FILE_AGE
                    + "', must be a duration such as '7d' or '1h'", e);
        }
        String cleanSource = options.get(CLEAN_SOURCE).map(mode -> {
            String m = mode.trim().toUpperCase(java.util.Locale.ROOT);
            if (!CLEAN_SOURCE_MODES.contains(m)) {
                throw new IllegalArgumentException("Invalid mode for clean source option Some(" + mode + "). Must be one"
                        + " of " + String.join(",", CLEAN_SOURCE_MODES));
            }
            return m;
        }).orElse("OFF");
        String archiveDir = options.get(SOURCE_ARCHIVE_DIR).orElse(null);
        if (cleanSource.equals("ARCHIVE") && archiveDir == null) {
            throw new IllegalArgumentException("Archive mode must be used with 'sourceArchiveDir' option.");
        }
        // Spark: with latestFirst and a per-trigger cap the user wants the newest files; age is moot.
        if (latestFirst && maxFiles > 0) {
            age = Long.MAX_VALUE;
        }
        return new FileSourceOptions(path, maxFiles, latestFirst, fileNameOnly, age, recursiveFileLookup(options),
                options.get(PATH_GLOB_FILTER).orElse(null), cleanSource, archiveDir);
    }

    static boolean recursiveFileLookup(Options options) {
        return bool(options, RECURSIVE_FILE_LOOKUP);
    }

    /** The lister of the files these options select. */
    FileLister lister() {
        return new FileLister(path, pathGlobFilter, recursiveFileLookup);
    }

    /** As {@link #lister()}, before the options are validated (at {@code load()}). */
    static FileLister lister(Options options) {
        return new FileLister(path(options), options.get(PATH_GLOB_FILTER).orElse(null), recursiveFileLookup(options));
    }

    /** Scala's {@code str.toInt} (or {@code toLong}) filtered to positive values. */
    private static long positive(String v, String option, boolean isInt) {
        try {
            long n = isInt ? Integer.parseInt(v) : Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error naming the option
        }
        throw new IllegalArgumentException("Invalid value '" + v + "' for option '" + option
                + "', must be a positive integer");
    }

    static boolean bool(Options options, String name) {
        String v = options.getOrDefault(name, "false").trim();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("Invalid value '" + v + "' for option '" + name + "', must be 'true' or 'false'");
    }
}

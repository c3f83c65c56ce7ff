package io.tideway.engine.source.file;

import io.tideway.engine.spi.Options;
import io.tideway.engine.util.Durations;

/**
 * The options every file source shares (digest §4.4), parsed and validated once; errors name the
 * option. Format options (CSV, JSON) are parsed by their own formats.
 *
 * <p>Threading: immutable.
 *
 * @param path               directory or glob, as given
 * @param maxFilesPerTrigger files per batch, or 0 for no limit
 * @param latestFirst        newest files first
 * @param fileNameOnly       dedupe by file name instead of full path
 * @param maxFileAgeMs       age limit relative to the newest file; {@link Long#MAX_VALUE} when ignored
 */
public record FileSourceOptions(String path, int maxFilesPerTrigger, boolean latestFirst, boolean fileNameOnly,
                                long maxFileAgeMs) {
    public static final String PATH = "path";
    public static final String MAX_FILES_PER_TRIGGER = "maxFilesPerTrigger";
    public static final String LATEST_FIRST = "latestFirst";
    public static final String FILE_NAME_ONLY = "fileNameOnly";
    public static final String MAX_FILE_AGE = "maxFileAge";
    /** Spark's default {@code maxFileAge}. */
    public static final String DEFAULT_MAX_FILE_AGE = "7d";

    public static FileSourceOptions parse(Options options) {
        String path = options.required(PATH, "'path' is not specified");
        int maxFiles = options.get(MAX_FILES_PER_TRIGGER).map(FileSourceOptions::positiveInt).orElse(0);
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
        // Spark: with latestFirst and a per-trigger cap the user wants the newest files; age is moot.
        if (latestFirst && maxFiles > 0) {
            age = Long.MAX_VALUE;
        }
        return new FileSourceOptions(path, maxFiles, latestFirst, fileNameOnly, age);
    }

    private static int positiveInt(String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error naming the option
        }
        throw new IllegalArgumentException("Invalid value '" + v + "' for option '" + MAX_FILES_PER_TRIGGER
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

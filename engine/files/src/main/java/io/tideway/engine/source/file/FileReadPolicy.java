package io.tideway.engine.source.file;

import io.tideway.engine.conf.TidewayConf;
import io.tideway.engine.spi.Options;

import java.util.Map;

/**
 * What a file read does with a file deleted after it was listed, or one that fails to read:
 * Spark's {@code ignoreMissingFiles} and {@code ignoreCorruptFiles}, each a source option that
 * defaults to its session setting ({@code spark.sql.files.*}, false). Without them the read fails
 * naming the file — and, in a stream, fails again on every restart until the file is back, fixed,
 * or skipped with the option. Immutable.
 */
record FileReadPolicy(boolean ignoreMissingFiles, boolean ignoreCorruptFiles) {
    static final String IGNORE_MISSING_FILES = "ignoreMissingFiles";
    static final String IGNORE_CORRUPT_FILES = "ignoreCorruptFiles";
    static final FileReadPolicy STRICT = new FileReadPolicy(false, false);

    static FileReadPolicy of(Options options, Map<String, String> conf) {
        return new FileReadPolicy(options.getBoolean(IGNORE_MISSING_FILES, TidewayConf.IGNORE_MISSING_FILES.get(conf)),
                options.getBoolean(IGNORE_CORRUPT_FILES, TidewayConf.IGNORE_CORRUPT_FILES.get(conf)));
    }
}

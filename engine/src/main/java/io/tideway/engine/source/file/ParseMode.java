package io.tideway.engine.source.file;

import io.tideway.engine.spi.Options;

import java.util.Locale;

/**
 * What a CSV or JSON source does with a malformed record (Spark's {@code mode} option):
 * keep it with its malformed fields null ({@code PERMISSIVE}, the default), drop it, or fail the
 * batch naming the file ({@code FAILFAST}). Spark falls back to PERMISSIVE on an unknown value
 * with a warning; Tideway rejects it, naming the option (configuration is validated once).
 */
public enum ParseMode {
    PERMISSIVE,
    DROPMALFORMED,
    FAILFAST;

    public static final String OPTION = "mode";

    public static ParseMode fromOptions(Options options) {
        String v = options.getOrDefault(OPTION, "PERMISSIVE");
        try {
            return valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value '" + v + "' for option '" + OPTION
                    + "', must be one of PERMISSIVE, DROPMALFORMED, FAILFAST");
        }
    }
}

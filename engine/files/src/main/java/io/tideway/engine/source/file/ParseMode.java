package io.tideway.engine.source.file;

import io.tideway.engine.spi.Options;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a CSV or JSON source does with a malformed record (Spark's {@code mode} option):
 * keep it with its malformed fields null ({@code PERMISSIVE}, the default), drop it, or fail the
 * batch naming the file ({@code FAILFAST}). An unknown value falls back to PERMISSIVE with a
 * warning, as Spark's {@code ParseMode.fromString}.
 */
public enum ParseMode {
    PERMISSIVE,
    DROPMALFORMED,
    FAILFAST;

    public static final String OPTION = "mode";
    private static final Logger LOG = LoggerFactory.getLogger(ParseMode.class);

    public static ParseMode fromOptions(Options options) {
        String v = options.getOrDefault(OPTION, "PERMISSIVE");
        try {
            return valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warn("{} is not a valid parse mode. Using {}.", v, PERMISSIVE);
            return PERMISSIVE;
        }
    }
}

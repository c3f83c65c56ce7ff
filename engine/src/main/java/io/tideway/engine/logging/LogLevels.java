package io.tideway.engine.logging;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code sparkContext().setLogLevel(level)} for Tideway: Tideway's classes log through
 * {@code java.util.logging} and {@code System.Logger} (whose default backend is
 * {@code java.util.logging}), all under the logger {@code io.tideway}; this sets that logger's
 * level, mapping Spark's (log4j's) level names to {@code java.util.logging}'s. An application
 * that routes {@code System.Logger} or {@code java.util.logging} elsewhere (a bridge to SLF4J,
 * log4j) sets levels in that framework instead. Stateless; the level is global to the JVM.
 */
public final class LogLevels {
    /** The loggers whose level {@link #set} changes: every Tideway class's logger is below it. */
    public static final String TIDEWAY_LOGGER = "io.tideway";
    /** Spark's {@code SparkContext.VALID_LOG_LEVELS}, in the order its error message lists them. */
    private static final String VALID = "ALL,DEBUG,ERROR,WARN,INFO,OFF,FATAL,TRACE";
    /** Held so that the configured level is not lost when the logger would otherwise be collected. */
    private static final Logger ROOT = Logger.getLogger(TIDEWAY_LOGGER);

    private LogLevels() {
    }

    /** Sets Tideway's log level; {@code level} is one of Spark's names, in any case. */
    public static void set(String level) {
        ROOT.setLevel(parse(level));
    }

    /** The {@code java.util.logging} level for Spark's level name; Spark's error for any other name. */
    public static Level parse(String level) {
        String upper = level.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "ALL" -> Level.ALL;
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "INFO" -> Level.INFO;
            case "WARN" -> Level.WARNING;
            case "ERROR", "FATAL" -> Level.SEVERE;
            case "OFF" -> Level.OFF;
            default -> throw new IllegalArgumentException("requirement failed: Supplied level " + level
                    + " did not match one of: " + VALID);
        };
    }
}

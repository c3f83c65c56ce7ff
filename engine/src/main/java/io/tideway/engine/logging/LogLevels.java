package io.tideway.engine.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * {@code sparkContext().setLogLevel(level)} for Tideway: Spark's level names (log4j's), checked
 * as Spark checks them, set on the root logger and on {@code io.tideway} of whichever SLF4J
 * backend is bound: java.util.logging (slf4j-jdk14), logback or log4j2, each reached by
 * reflection so that Tideway depends on none of them. Any other backend (slf4j-simple fixes its
 * levels when it starts) keeps its levels, and a WARN names it. Stateless; levels are global
 * to the JVM, as the backends hold them.
 */
public final class LogLevels {
    private static final Logger LOG = LoggerFactory.getLogger(LogLevels.class);
    /** The loggers whose level {@link #set} changes: the backend's root and Tideway's own. */
    public static final List<String> LOGGERS = List.of(Logger.ROOT_LOGGER_NAME, "io.tideway");
    /** Spark's {@code SparkContext.VALID_LOG_LEVELS}, in the order its error messages list them. */
    public static final List<String> NAMES = List.of("ALL", "DEBUG", "ERROR", "WARN", "INFO", "OFF", "FATAL", "TRACE");

    private LogLevels() {
    }

    /** Sets the backend's levels; {@code level} is one of Spark's names, in any case. */
    public static void set(String level) {
        String name = parse(level);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        BackendLevels backend = BackendLevels.of(factory);
        if (backend == null) {
            LOG.warn("setLogLevel({}) cannot change the levels of the SLF4J backend {}: set them in its configuration",
                    name, factory.getClass().getName());
            return;
        }
        try {
            for (String logger : LOGGERS) {
                backend.set(logger, name);
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn("setLogLevel({}) could not change the levels of the SLF4J backend {}", name,
                    factory.getClass().getName(), e);
        }
    }

    /** Spark's level name for {@code level} (upper case); Spark's error for any other name. */
    public static String parse(String level) {
        String upper = level.toUpperCase(Locale.ROOT);
        if (!NAMES.contains(upper)) {
            throw new IllegalArgumentException("requirement failed: Supplied level " + level
                    + " did not match one of: " + String.join(",", NAMES));
        }
        return upper;
    }
}

package io.tideway.engine.logging;

import org.slf4j.Logger;

import java.util.logging.Handler;
import java.util.logging.Level;

/**
 * Levels in java.util.logging (slf4j-jdk14). The root logger's handlers get the level too: a
 * ConsoleHandler stops at INFO by default, so DEBUG would otherwise stay invisible.
 */
final class JulLevels implements BackendLevels {
    @Override
    public void set(String logger, String level) {
        Level jul = toJul(level);
        if (Logger.ROOT_LOGGER_NAME.equals(logger)) {
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            root.setLevel(jul);
            for (Handler h : root.getHandlers()) {
                h.setLevel(jul);
            }
        } else {
            java.util.logging.Logger.getLogger(logger).setLevel(jul);
        }
    }

    /** slf4j-jdk14's mapping: TRACE is FINEST, DEBUG is FINE, WARN is WARNING, ERROR is SEVERE. */
    static Level toJul(String level) {
        return switch (level) {
            case "ALL" -> Level.ALL;
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "INFO" -> Level.INFO;
            case "WARN" -> Level.WARNING;
            case "ERROR", "FATAL" -> Level.SEVERE;
            case "OFF" -> Level.OFF;
            default -> throw new IllegalArgumentException(level);
        };
    }
}

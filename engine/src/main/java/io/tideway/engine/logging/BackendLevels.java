package io.tideway.engine.logging;

import org.slf4j.ILoggerFactory;

/**
 * Sets a logger's level in one SLF4J backend, from Spark's level name. One implementation per
 * backend Tideway supports, chosen by the class of the bound {@link ILoggerFactory}.
 */
interface BackendLevels {
    /**
     * @param logger the logger's name; {@link org.slf4j.Logger#ROOT_LOGGER_NAME} for the root
     * @param level  one of Spark's level names, upper case
     */
    void set(String logger, String level) throws ReflectiveOperationException;

    /** The setter for the bound backend, or null when levels cannot be changed through it. */
    static BackendLevels of(ILoggerFactory factory) {
        return switch (factory.getClass().getName()) {
            case "org.slf4j.jul.JDK14LoggerFactory" -> new JulLevels();
            case "ch.qos.logback.classic.LoggerContext" -> new LogbackLevels(factory);
            case "org.apache.logging.slf4j.Log4jLoggerFactory" -> new Log4jLevels(factory.getClass().getClassLoader());
            default -> null;
        };
    }
}

package io.tideway.engine.logging;

import org.slf4j.Logger;

/**
 * Levels in log4j2 (log4j-slf4j2-impl with log4j-core), by reflection through log4j-core's
 * {@code Configurator}: {@code setRootLevel} for the root (as Spark's own setLogLevel), else
 * {@code setLevel(name, level)}.
 */
final class Log4jLevels implements BackendLevels {
    private final ClassLoader loader;

    Log4jLevels(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public void set(String logger, String level) throws ReflectiveOperationException {
        Class<?> levelClass = Class.forName("org.apache.logging.log4j.Level", true, loader);
        Object value = levelClass.getMethod("toLevel", String.class).invoke(null, level);
        Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator", true, loader);
        if (Logger.ROOT_LOGGER_NAME.equals(logger)) {
            configurator.getMethod("setRootLevel", levelClass).invoke(null, value);
        } else {
            configurator.getMethod("setLevel", String.class, levelClass).invoke(null, logger, value);
        }
    }
}

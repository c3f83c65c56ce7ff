package io.tideway.engine.logging;

import org.slf4j.ILoggerFactory;

/**
 * Levels in logback, by reflection: {@code ((ch.qos.logback.classic.Logger) context.getLogger(name))
 * .setLevel(Level.toLevel(level))}. Logback has no FATAL: it is ERROR there.
 */
final class LogbackLevels implements BackendLevels {
    private final ILoggerFactory context;

    LogbackLevels(ILoggerFactory context) {
        this.context = context;
    }

    @Override
    public void set(String logger, String level) throws ReflectiveOperationException {
        ClassLoader loader = context.getClass().getClassLoader();
        Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", true, loader);
        Object value = levelClass.getMethod("toLevel", String.class).invoke(null, "FATAL".equals(level) ? "ERROR" : level);
        Object target = context.getLogger(logger);
        target.getClass().getMethod("setLevel", levelClass).invoke(target, value);
    }
}

package io.tideway.sql.types;

import java.util.Map;

/**
 * Makes Spark's exceptions for the types API. The exception classes and the error texts live in
 * the expressions module, above this one, so the classes are found by name on these rare paths.
 * Stateless.
 */
final class SparkErrorBridge {
    private SparkErrorBridge() {
    }

    /** Spark's {@code SparkIllegalArgumentException}: {@code [condition]} with its parameters. */
    static RuntimeException illegalArgument(String condition, Map<String, String> parameters) {
        try {
            return (RuntimeException) Class.forName("io.tideway.SparkIllegalArgumentException")
                    .getConstructor(String.class, Map.class).newInstance(condition, parameters);
        } catch (ReflectiveOperationException e) {
            return fallback(condition, parameters);
        }
    }

    /**
     * Spark's {@code SparkException}, checked in Java's eyes but thrown undeclared, as Scala
     * raises it; declared to return so callers can write {@code throw}.
     */
    static RuntimeException sparkException(String condition, Map<String, String> parameters) {
        Exception e;
        try {
            e = (Exception) Class.forName("io.tideway.SparkException")
                    .getConstructor(String.class, Map.class, Throwable.class).newInstance(condition, parameters, null);
        } catch (ReflectiveOperationException notThere) {
            e = fallback(condition, parameters);
        }
        throw SparkErrorBridge.<RuntimeException>sneaky(e);
    }

    /** Spark's {@code SparkArithmeticException}: {@code [condition]} with its parameters. */
    static RuntimeException arithmetic(String condition, Map<String, String> parameters) {
        try {
            Class<?> context = Class.forName("io.tideway.QueryContext");
            Object none = java.lang.reflect.Array.newInstance(context, 0);
            return (RuntimeException) Class.forName("io.tideway.SparkArithmeticException")
                    .getConstructor(String.class, Map.class, none.getClass()).newInstance(condition, parameters, none);
        } catch (ReflectiveOperationException e) {
            return new ArithmeticException("[" + condition + "] " + parameters);
        }
    }

    /** Only without the expressions module on the classpath: the condition, unformatted. */
    private static RuntimeException fallback(String condition, Map<String, String> parameters) {
        return new IllegalArgumentException("[" + condition + "] " + parameters);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Exception> T sneaky(Exception e) throws T {
        throw (T) e;
    }
}

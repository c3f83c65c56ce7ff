package io.tideway.sql.types;

import java.lang.reflect.InvocationTargetException;

/**
 * Builds Spark's {@code [FIELD_NOT_FOUND]} error for {@link StructType#fieldIndex}. Spark's
 * exception classes and error texts live in the expressions module, above this one, so the error
 * is made there ({@code io.tideway.engine.error.RowErrors}), found by name on this rare path.
 * Stateless.
 */
final class FieldNotFound {
    private static final String FACTORY = "io.tideway.engine.error.RowErrors";

    private FieldNotFound() {
    }

    static RuntimeException error(String name, String[] fieldNames) {
        try {
            return (RuntimeException) Class.forName(FACTORY)
                    .getMethod("fieldNotFound", String.class, String[].class)
                    .invoke(null, name, fieldNames);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException
                 | InvocationTargetException e) {
            // only without the expressions module on the classpath: the condition, unformatted
            return new IllegalArgumentException("[FIELD_NOT_FOUND] No such struct field " + name
                    + " in " + String.join(", ", fieldNames) + ".");
        }
    }
}

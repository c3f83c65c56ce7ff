package io.tideway.sql.types;

import java.util.ServiceLoader;

/**
 * The {@link DdlErrorTranslator} found on the class path, loaded once on first use, for the
 * public entry points that parse DDL ({@link StructType#fromDDL}). Thread-safe (class-holder
 * initialisation).
 */
final class DdlErrors {
    private static final DdlErrorTranslator TRANSLATOR = ServiceLoader.load(DdlErrorTranslator.class,
            DdlErrors.class.getClassLoader()).findFirst().orElse(e -> e);

    private DdlErrors() {
    }

    /**
     * Throws {@code e} as the API throws it; declared to return so callers can write
     * {@code throw}. Spark's exception is checked in Java's eyes but undeclared, as Scala raises it.
     */
    static RuntimeException raise(DdlParseException e) {
        throw DdlErrors.<RuntimeException>sneaky(TRANSLATOR.translate(e));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Exception> T sneaky(Exception e) throws T {
        throw (T) e;
    }
}

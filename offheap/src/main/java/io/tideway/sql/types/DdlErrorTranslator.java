package io.tideway.sql.types;

/**
 * Turns a {@link DdlParseException} into the exception Spark's API throws for the same text
 * (Spark's {@code ParseException}, whose message texts live in the engine). The types module
 * sits below the engine and cannot name that class, so the engine provides this translation as a
 * {@link java.util.ServiceLoader} service; without one on the class path, the
 * {@code DdlParseException} itself is thrown. Implementations are stateless and thread-safe.
 */
public interface DdlErrorTranslator {
    /** The exception to throw in place of {@code e} (Spark's is checked in Java's eyes, as Scala raises it). */
    Exception translate(DdlParseException e);
}

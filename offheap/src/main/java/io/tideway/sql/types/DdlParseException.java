package io.tideway.sql.types;

import java.util.Map;

/**
 * A type name or DDL field list that {@link StructType#fromDDL} and {@link DataTypes#fromName}
 * cannot read, described as Spark's parser describes it: the error condition
 * ({@code PARSE_SYNTAX_ERROR} or {@code UNSUPPORTED_DATATYPE}), its message parameters, and the
 * 0-based offset in the text where Spark points. The engine, which owns the condition texts,
 * rethrows it as Spark's {@code ParseException}; offheap has no access to them, so its own message
 * is a plain summary. Immutable.
 */
public final class DdlParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;
    private final String text;
    private final int offset;

    DdlParseException(String condition, Map<String, String> messageParameters, String text, int offset) {
        super("[" + condition + "] " + messageParameters + " at position " + offset + " of: " + text);
        this.condition = condition;
        this.messageParameters = Map.copyOf(messageParameters);
        this.text = text;
        this.offset = offset;
    }

    /** Spark's error condition: {@code PARSE_SYNTAX_ERROR} or {@code UNSUPPORTED_DATATYPE}. */
    public String condition() {
        return condition;
    }

    /**
     * The condition's message parameters by name (for example {@code error} and {@code hint}),
     * unmodifiable.
     */
    public Map<String, String> messageParameters() {
        return messageParameters;
    }

    /** The whole text being parsed. */
    public String text() {
        return text;
    }

    /** Where in {@link #text()} Spark points: the offending token, or the text's length for its end. */
    public int offset() {
        return offset;
    }
}

package io.tideway.sql.catalyst.parser;

import io.tideway.engine.error.ErrorConditions;
import io.tideway.sql.AnalysisException;

import java.util.Map;

/**
 * Text Tideway cannot read as SQL, a data type or a DDL schema, mirroring Spark's
 * {@code org.apache.spark.sql.catalyst.parser.ParseException} (an {@link AnalysisException}). Its
 * message is laid out as Spark's: a newline, the condition's message with its SQLSTATE, then
 * {@code (line L, pos P)}, the text and a caret line under the position. Positions are Spark's:
 * 1-based line, 0-based position within the line. Immutable.
 */
public class ParseException extends AnalysisException {
    private static final long serialVersionUID = 1L;

    /** The error {@code condition} at {@code offset} (0-based, over all lines) of {@code text}. */
    public ParseException(String condition, Map<String, String> messageParameters, String text, int offset,
            Throwable cause) {
        super("\n" + ErrorConditions.message(condition, messageParameters) + " " + where(text, offset), cause,
                condition, messageParameters);
    }

    /**
     * The error {@code condition} with no position: Spark's parse errors raised while building a
     * literal (an interval's units, its value) print only their message.
     */
    public ParseException(String condition, Map<String, String> messageParameters) {
        super("\n" + ErrorConditions.message(condition, messageParameters), null, condition, messageParameters);
    }

    /** Spark's position suffix: {@code (line L, pos P)}, the text, and a caret under the position. */
    private static String where(String text, int offset) {
        io.tideway.engine.expr.Origin origin = io.tideway.engine.expr.Origin.at(text, offset);
        int line = origin.line();
        int pos = origin.startPosition();
        int lineStart = offset - pos;
        int lineEnd = text.indexOf('\n', lineStart);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        StringBuilder b = new StringBuilder("(line ").append(line).append(", pos ").append(pos).append(")\n\n== SQL ==\n")
                .append(text, 0, lineEnd).append('\n').append("-".repeat(pos)).append("^^^\n");
        if (lineEnd < text.length()) {
            b.append(text, lineEnd + 1, text.length()).append('\n');
        }
        return b.toString();
    }
}

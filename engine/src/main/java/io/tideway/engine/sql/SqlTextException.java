package io.tideway.engine.sql;

import io.tideway.engine.error.ErrorConditions;
import io.tideway.sql.AnalysisException;

import java.util.Map;

/**
 * An {@link AnalysisException} pointing at a position in SQL text, laid out as Spark's
 * {@code org.apache.spark.sql.catalyst.parser.ParseException}: a newline, the condition's message
 * with its SQLSTATE, then {@code (line L, pos P)}, the text and a caret line under the position
 * ({@link SyntaxErrors#where}). Immutable.
 */
final class SqlTextException extends AnalysisException {
    private static final long serialVersionUID = 1L;

    SqlTextException(String condition, Map<String, String> messageParameters, String text, int offset, Throwable cause) {
        super("\n" + ErrorConditions.message(condition, messageParameters) + " " + SyntaxErrors.where(text, offset), cause,
                condition, messageParameters);
    }
}

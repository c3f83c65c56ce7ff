package io.tideway.engine.expr;

import java.io.Serializable;

/**
 * Where in SQL text an expression node was written, as Spark's
 * {@code org.apache.spark.sql.catalyst.trees.Origin}: the 1-based line and the 0-based position
 * within that line of the node's first character. Only nodes parsed from text
 * ({@code expr}, {@code selectExpr}, {@code where(String)}, {@code sql}) have one; an analysis
 * error raised for such a node ends with {@code ; line L pos P}. Immutable.
 */
public record Origin(int line, int startPosition) implements Serializable {
    /** The origin of the character at 0-based {@code offset} in {@code text}. */
    public static Origin at(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Origin(line, offset - lineStart);
    }
}

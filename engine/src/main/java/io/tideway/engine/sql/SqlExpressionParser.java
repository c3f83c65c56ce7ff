package io.tideway.engine.sql;

import io.tideway.sql.Column;

/** Parses SQL expression text into columns (placeholder until the Calcite-based parser lands). */
public final class SqlExpressionParser {
    private SqlExpressionParser() {
    }

    public static Column parseColumn(String text) {
        throw new UnsupportedOperationException("expr() is not implemented yet: " + text);
    }
}

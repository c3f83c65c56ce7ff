package io.tideway.engine.sql;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;

/** Translates a SQL query over temporary views into Dataset operations (placeholder). */
public final class SqlQueryTranslator {
    private SqlQueryTranslator() {
    }

    public static Dataset<Row> translate(TidewaySession session, String sql) {
        throw new UnsupportedOperationException("sql() is not implemented yet: " + sql);
    }
}

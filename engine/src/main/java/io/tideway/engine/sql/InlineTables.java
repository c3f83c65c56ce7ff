package io.tideway.engine.sql;

import io.tideway.engine.expr.sql.FromClauseForms;
import io.tideway.engine.expr.sql.SourceText;
import io.tideway.engine.expr.sql.SparkDialectParser;
import io.tideway.engine.expr.sql.SqlNodeTranslator;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.List;

/**
 * Inline tables in {@code sql()}: {@code VALUES (1, 'a'), (2, 'b') [AS t(id, tag)]}, Spark's
 * {@code col1, col2, ...} columns whose types are the rows' common types, built as the union of
 * one-row selections (so the types widen as Spark's inline tables do). Stateless.
 */
final class InlineTables {
    private InlineTables() {
    }

    /** The table written as {@code VALUES} text at {@code t}'s offsets of {@code sql}. */
    static Dataset<Row> of(TidewaySession session, String sql, FromClauseForms.InlineTable t) {
        List<List<Column>> rows = new ArrayList<>();
        for (int[] row : t.rows()) {
            // the row parsed alone but at its place in the query, so that errors point where Spark points
            SparkDialectParser.Parsed parsed = SparkDialectParser.parse(SourceText.of(onlyRow(sql, row)), 16);
            SqlNodeTranslator translator = new SqlNodeTranslator(parsed.src(), "sql()");
            List<Column> values = new ArrayList<>();
            for (SqlNode n : ((SqlSelect) parsed.node()).getSelectList()) {
                values.add(translator.translate(n));
            }
            rows.add(values);
        }
        return of(session, rows);
    }

    /** Calcite's own {@code (VALUES (...), (...))}: each ROW's operands translated by {@code translator}. */
    static Dataset<Row> of(TidewaySession session, SqlCall values, java.util.function.Function<SqlNode, Column> translator) {
        List<List<Column>> rows = new ArrayList<>();
        for (SqlNode row : values.getOperandList()) {
            List<Column> cols = new ArrayList<>();
            for (SqlNode v : ((SqlCall) row).getOperandList()) {
                cols.add(translator.apply(v));
            }
            rows.add(cols);
        }
        return of(session, rows);
    }

    private static Dataset<Row> of(TidewaySession session, List<List<Column>> rows) {
        Dataset<Row> out = null;
        for (List<Column> row : rows) {
            Column[] named = new Column[row.size()];
            for (int j = 0; j < named.length; j++) {
                named[j] = row.get(j).as("col" + (j + 1));
            }
            Dataset<Row> one = session.createDataFrame(List.of(RowFactory.create()), new StructType()).select(named);
            out = out == null ? one : out.union(one);
        }
        return out;
    }

    /** {@code sql} with everything but the row's values blanked (line breaks kept). */
    private static String onlyRow(String sql, int[] row) {
        char[] c = sql.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if ((i < row[0] || i >= row[1]) && c[i] != '\n') {
                c[i] = ' ';
            }
        }
        return new String(c);
    }
}

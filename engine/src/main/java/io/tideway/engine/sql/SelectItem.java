package io.tideway.engine.sql;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

import java.util.List;
import java.util.Map;

/**
 * One item of a {@code sql()} select list, with {@code *} already expanded to the view's columns.
 * Immutable.
 *
 * @param expr  the item's expression, unresolved
 * @param alias its alias, or null
 * @param name  the name ORDER BY may use for it (the alias or the column read), or null
 */
record SelectItem(Expression expr, String alias, String name) {

    Column column() {
        return alias == null ? new Column(expr) : new Column(expr).as(alias);
    }

    /** The item aliased {@code name} (case-insensitively), or null. */
    static SelectItem aliased(List<SelectItem> items, String name) {
        for (SelectItem i : items) {
            if (i.alias() != null && i.alias().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return null;
    }

    /** An integer literal in GROUP BY or ORDER BY is a 1-based select-list position, as in Spark; else null. */
    static Integer position(SqlNode n) {
        if (n instanceof SqlNumericLiteral num && num.isExact() && num.bigDecimalValue().scale() <= 0) {
            return num.bigDecimalValue().intValue();
        }
        return null;
    }

    /** The item at a 1-based {@code position}, or Spark's {@code <error>} naming {@code clause}. */
    static SelectItem at(List<SelectItem> items, int position, String error, String clause) {
        if (position < 1 || position > items.size()) {
            throw Unchecked.raise(new AnalysisException(error,
                    Map.of("index", String.valueOf(position), "size", String.valueOf(items.size()))));
        }
        return items.get(position - 1);
    }
}

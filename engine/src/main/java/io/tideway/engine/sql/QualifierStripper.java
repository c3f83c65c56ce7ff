package io.tideway.engine.sql;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.Locale;

/**
 * Drops the view's name or alias from qualified column references ({@code t.v} becomes
 * {@code v}, {@code t.*} becomes {@code *}) so they resolve against the view's columns; other
 * dotted names (struct fields) are left alone. One instance per query; not shared between threads.
 */
final class QualifierStripper extends SqlShuttle {
    private final String qualifier;

    QualifierStripper(String qualifier) {
        this.qualifier = qualifier == null ? null : qualifier.toLowerCase(Locale.ROOT);
    }

    /** {@code n} with qualified references stripped; null stays null. */
    SqlNode strip(SqlNode n) {
        return n == null || qualifier == null ? n : n.accept(this);
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
        if (id.names.size() < 2 || !id.names.get(0).toLowerCase(Locale.ROOT).equals(qualifier)) {
            return id;
        }
        if (id.isStar() && id.names.size() == 2) {
            return SqlIdentifier.star(id.getParserPosition());
        }
        return id.getComponent(1, id.names.size());
    }
}

package io.tideway.engine.sql;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drops the view's name or alias (or a LATERAL VIEW's table name) from qualified column references ({@code t.v} becomes
 * {@code v}, {@code t.*} becomes {@code *}) so they resolve against the view's columns; other
 * dotted names (struct fields) are left alone. One instance per query; not shared between threads.
 */
final class QualifierStripper extends SqlShuttle {
    /** The view's name or alias, then the names of its LATERAL VIEWs' tables, lower-cased. */
    private final Set<String> qualifiers = new HashSet<>();

    QualifierStripper(String qualifier, List<String> lateralTables) {
        if (qualifier != null) {
            qualifiers.add(qualifier.toLowerCase(Locale.ROOT));
        }
        lateralTables.forEach(t -> qualifiers.add(t.toLowerCase(Locale.ROOT)));
    }

    /** {@code n} with qualified references stripped; null stays null. */
    SqlNode strip(SqlNode n) {
        return n == null || qualifiers.isEmpty() ? n : n.accept(this);
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
        if (id.names.size() < 2 || !qualifiers.contains(id.names.get(0).toLowerCase(Locale.ROOT))) {
            return id;
        }
        if (id.isStar() && id.names.size() == 2) {
            return SqlIdentifier.star(id.getParserPosition());
        }
        return id.getComponent(1, id.names.size());
    }
}

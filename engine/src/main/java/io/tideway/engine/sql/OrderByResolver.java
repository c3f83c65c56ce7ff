package io.tideway.engine.sql;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.sql.SqlNodeTranslator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns ORDER BY items into sort keys over the result's columns, with Spark's resolution order: a
 * position ({@code ORDER BY 2}) or a select-list name (alias or column) picks that item; any other
 * expression ({@code ORDER BY v} where {@code v} is not selected, {@code ORDER BY max(d) - min(d)})
 * becomes a hidden column after the select list, dropped once the rows are sorted. Defaults are
 * Spark's: ASC, NULLS FIRST for ASC and NULLS LAST for DESC. One instance per query; not shared
 * between threads.
 */
final class OrderByResolver {
    private final List<SelectItem> items;
    private final SqlNodeTranslator translator;
    private final QualifierStripper stripper;
    private final List<Expression> hidden = new ArrayList<>();

    OrderByResolver(List<SelectItem> items, SqlNodeTranslator translator, QualifierStripper stripper) {
        this.items = items;
        this.translator = translator;
        this.stripper = stripper;
    }

    /** The keys of {@code orderBy} (null for none), first key first. */
    List<SortKey> resolve(SqlNodeList orderBy) {
        List<SortKey> keys = new ArrayList<>();
        if (orderBy == null) {
            return keys;
        }
        for (SqlNode raw : orderBy) {
            SqlNode n = raw;
            boolean descending = false;
            Boolean nullsFirst = null;
            for (boolean more = true; more; ) {
                switch (n.getKind()) {
                    case DESCENDING -> descending = true;
                    case NULLS_FIRST -> nullsFirst = true;
                    case NULLS_LAST -> nullsFirst = false;
                    default -> more = false;
                }
                n = more ? ((SqlCall) n).operand(0) : n;
            }
            keys.add(new SortKey(ordinal(stripper.strip(n)), descending, nullsFirst == null ? !descending : nullsFirst));
        }
        return keys;
    }

    /** Expressions sorted on that are not in the select list, in the order of their columns after it. */
    List<Expression> hidden() {
        return hidden;
    }

    private int ordinal(SqlNode n) {
        Integer position = SelectItem.position(n);
        if (position != null) {
            SelectItem.at(items, position, "ORDER_BY_POS_OUT_OF_RANGE", "ORDER BY");
            return position - 1;
        }
        if (n instanceof SqlIdentifier id && id.names.size() == 1 && !id.isStar()) {
            for (int i = 0; i < items.size(); i++) {
                if (id.getSimple().equalsIgnoreCase(items.get(i).name())) {
                    return i;
                }
            }
        }
        hidden.add(translator.translate(n).expr());
        return items.size() + hidden.size() - 1;
    }
}

package io.tideway.engine.sql;

import io.tideway.engine.plan.GroupingSetsPlanner;
import io.tideway.sql.Column;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A GROUP BY clause as grouping columns and, when it holds {@code ROLLUP(...)}, {@code CUBE(...)}
 * or {@code GROUPING SETS (...)}, the grouping sets it means: each item's sets (a plain
 * expression is the one set of itself), crossed item by item as Spark crosses them
 * ({@code GROUP BY a, ROLLUP(b)} is {@code (a, b), (a)}). Immutable.
 */
final class GroupingSetsClause {
    private final List<Column> keys;
    /** The sets, or null for a plain GROUP BY. */
    private final List<List<Column>> sets;

    private GroupingSetsClause(List<Column> keys, List<List<Column>> sets) {
        this.keys = keys;
        this.sets = sets;
    }

    /** The clause {@code items}, each plain expression made a column by {@code column}. */
    static GroupingSetsClause of(List<SqlNode> items, Function<SqlNode, Column> column) {
        List<Column> keys = new ArrayList<>();
        List<List<Column>> product = new ArrayList<>();
        product.add(List.of());
        boolean analytics = false;
        for (SqlNode n : items) {
            List<List<Column>> factor = new ArrayList<>();
            SqlKind kind = n.getKind();
            if (kind == SqlKind.ROLLUP || kind == SqlKind.CUBE) {
                List<Column> cols = columns(((SqlCall) n).getOperandList(), column);
                List<List<Integer>> positions = kind == SqlKind.ROLLUP ? GroupingSetsPlanner.rollupSets(cols.size())
                        : GroupingSetsPlanner.cubeSets(cols.size());
                for (List<Integer> p : positions) {
                    List<Column> set = new ArrayList<>();
                    p.forEach(i -> set.add(cols.get(i)));
                    factor.add(set);
                }
                analytics = true;
            } else if (kind == SqlKind.GROUPING_SETS) {
                for (SqlNode s : ((SqlCall) n).getOperandList()) {
                    factor.add(columns(elements(s), column));
                }
                analytics = true;
            } else {
                factor.add(List.of(column.apply(n)));
            }
            for (List<Column> set : factor) {
                set.forEach(c -> addKey(keys, c));
            }
            List<List<Column>> next = new ArrayList<>();
            for (List<Column> left : product) {
                for (List<Column> right : factor) {
                    List<Column> both = new ArrayList<>(left);
                    both.addAll(right);
                    next.add(both);
                }
            }
            product = next;
        }
        return new GroupingSetsClause(keys, analytics ? product : null);
    }

    List<Column> keys() {
        return keys;
    }

    /** The grouping sets, or null for a plain GROUP BY. */
    List<List<Column>> sets() {
        return sets;
    }

    /** The expressions of one grouping set: {@code (a, b)}, {@code ()} or a lone {@code a}. */
    private static List<SqlNode> elements(SqlNode s) {
        if (s instanceof SqlNodeList list) {
            return list.getList();
        }
        if (s.getKind() == SqlKind.ROW) {
            return ((SqlCall) s).getOperandList();
        }
        return List.of(s);
    }

    private static List<Column> columns(List<SqlNode> nodes, Function<SqlNode, Column> column) {
        List<Column> out = new ArrayList<>();
        for (SqlNode n : nodes) {
            out.add(column.apply(n));
        }
        return out;
    }

    private static void addKey(List<Column> keys, Column c) {
        for (Column k : keys) {
            if (k.expr().sql().equals(c.expr().sql())) {
                return;
            }
        }
        keys.add(c);
    }
}

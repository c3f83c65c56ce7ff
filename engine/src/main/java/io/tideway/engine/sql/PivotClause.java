package io.tideway.engine.sql;

import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.PivotPlanner;
import io.tideway.engine.plan.Resolver;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlPivot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code FROM t PIVOT (agg [AS name], ... FOR col IN (value [AS name], ...))}, as Spark's SQL
 * pivot: grouped by every column of {@code t} that neither the pivot column nor an aggregate
 * reads, then {@link PivotPlanner} as {@code groupBy(...).pivot(col, values).agg(...)}. Stateless.
 */
final class PivotClause {
    private PivotClause() {
    }

    /** {@code pivot} (of one pivot column) over {@code in}, its expressions translated by {@code translator}. */
    static Dataset<Row> apply(TidewaySession session, Dataset<Row> in, SqlPivot pivot, Function<SqlNode, Column> translator) {
        LogicalPlan child = in.logicalPlan();
        Column axis = translator.apply(pivot.axisList.get(0));
        List<Column> aggs = named(pivot.aggList.getList(), translator);
        List<Column> values = named(pivot.inList.getList(), translator);
        Set<Integer> read = new HashSet<>();
        referenced(Resolver.resolve(axis.expr(), child), read);
        for (Column a : aggs) {
            referenced(Resolver.resolve(a.expr(), child), read);
        }
        List<Column> groupBy = new ArrayList<>();
        for (int i = 0; i < child.schema().length(); i++) {
            if (!read.contains(i)) {
                groupBy.add(new Column(Resolver.reference(child.schema(), i)));
            }
        }
        return Dataset.ofRows(session, PivotPlanner.aggregate(groupBy, axis, values, aggs, child));
    }

    /** Each node as a column, {@code x AS name} aliased. */
    private static List<Column> named(List<SqlNode> nodes, Function<SqlNode, Column> translator) {
        List<Column> out = new ArrayList<>();
        for (SqlNode n : nodes) {
            if (n.getKind() == SqlKind.AS) {
                SqlBasicCall as = (SqlBasicCall) n;
                out.add(translator.apply(single(as.operand(0))).as(((SqlIdentifier) as.operand(1)).getSimple()));
            } else {
                out.add(translator.apply(single(n)));
            }
        }
        return out;
    }

    /** Calcite reads each IN value as a list (a tuple, for several pivot columns): the one value. */
    private static SqlNode single(SqlNode n) {
        return n instanceof SqlNodeList list && list.size() == 1 ? list.get(0) : n;
    }

    private static void referenced(Expression e, Set<Integer> ordinals) {
        if (e instanceof BoundReference r) {
            ordinals.add(r.ordinal());
        }
        e.children().forEach(c -> referenced(c, ordinals));
    }
}

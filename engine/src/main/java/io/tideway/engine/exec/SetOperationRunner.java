package io.tideway.engine.exec;

import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.SetOperation;
import io.tideway.sql.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a static {@link SetOperation} from its two sides' rows on the calling thread. Rows
 * match when every column is equal, nulls equal to nulls, as Spark's rewrite to a null-safe
 * anti/semi join or to counted groups. Without {@code ALL} the result is distinct; with it a left
 * row is kept {@code max(0, l - r)} times ({@code exceptAll}) or {@code min(l, r)} times
 * ({@code intersectAll}), where {@code l} and {@code r} count it on each side. Left rows keep their
 * order (Spark's order is its hash aggregate's; cases print sorted rows). Stateless.
 */
final class SetOperationRunner {
    private SetOperationRunner() {
    }

    static List<Row> run(SetOperation op, EvalContext ctx) {
        List<Row> left = rows(op.children().get(0), ctx);
        Map<List<Object>, Integer> rightCounts = new HashMap<>();
        for (Row r : rows(op.children().get(1), ctx)) {
            rightCounts.merge(StaticPlanMaterializer.groupingKey(r), 1, Integer::sum);
        }
        boolean except = op.kind() == SetOperation.Kind.EXCEPT;
        Set<List<Object>> emitted = new HashSet<>();
        List<Row> out = new ArrayList<>();
        for (Row r : left) {
            List<Object> key = StaticPlanMaterializer.groupingKey(r);
            int inRight = rightCounts.getOrDefault(key, 0);
            boolean keep;
            if (op.all()) {
                keep = except == (inRight == 0);
                if (inRight > 0) {
                    rightCounts.put(key, inRight - 1); // this left row cancels, or pairs with, one right row
                }
            } else {
                keep = except == (inRight == 0) && emitted.add(key);
            }
            if (keep) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<Row> rows(LogicalPlan p, EvalContext ctx) {
        return BatchExecutor.collect(p, new RowEncoder(p.schema()), ctx);
    }
}

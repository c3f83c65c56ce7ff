package io.tideway.microbatch;

import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.exec.BatchExecutor;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.plan.Limit;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.MapGroups;
import io.tideway.engine.plan.Sort;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a plan that needs the batch's whole result at once: {@code orderBy} and
 * {@code limit} over an aggregation in Complete mode (the only place Spark lets a stream be
 * sorted), or, in a query without state, {@code groupByKey(...).mapGroups}/{@code flatMapGroups},
 * which Spark runs over each micro-batch's rows. Each state partition (or, without state, each
 * read task) runs the chain up to the lowest such node ({@link #input()}) into its own arena;
 * then, on the query thread, the rows of all partitions become one static relation, and the rest
 * of the plan — that node and what is above it — runs over it as a static plan, writing through
 * one sink writer. So the sink sees the whole result, in order where sorted, as Spark's does.
 * Immutable; {@link #finish} is called by the query thread.
 */
final class GlobalResultStage {
    private final LogicalPlan plan;
    /** The lowest sort or limit above the stateful operator. */
    private final LogicalPlan blocking;

    private GlobalResultStage(LogicalPlan plan, LogicalPlan blocking) {
        this.plan = plan;
        this.blocking = blocking;
    }

    /** The stage for {@code plan} above {@code top} (the top stateful node), or null when no sort or limit is there. */
    static GlobalResultStage find(LogicalPlan plan, LogicalPlan top) {
        List<LogicalPlan> path = new ArrayList<>();
        if (!pathTo(plan, top, path)) {
            return null;
        }
        for (int i = path.size() - 2; i >= 0; i--) { // path[last] is top itself; walk upwards
            LogicalPlan n = path.get(i);
            if (n instanceof Sort || n instanceof Limit) {
                return new GlobalResultStage(plan, n);
            }
        }
        return null;
    }

    /** The stage for a query without state whose plan groups each micro-batch's rows ({@link MapGroups}), or null. */
    static GlobalResultStage perBatchGroups(LogicalPlan plan) {
        List<LogicalPlan> nodes = new ArrayList<>();
        plan.collect(nodes);
        for (LogicalPlan n : nodes) {
            if (n instanceof MapGroups) {
                return new GlobalResultStage(plan, n);
            }
        }
        return null;
    }

    /** Where each partition's chain above the stateful operator ends. */
    LogicalPlan input() {
        return blocking.children().get(0);
    }

    /**
     * Runs the rest of the plan over the rows the partitions produced into {@code parts} (closed
     * here), writing into {@code out}; returns the rows written.
     */
    long finish(List<RowArena> parts, Operator out, EvalContext ctx) {
        LogicalPlan in = input();
        ObjectEncoder.Converter<Row> converter = new RowEncoder(in.schema()).newConverter();
        RowReader reader = new RowReader(in.schema().length());
        List<Row> rows = new ArrayList<>();
        for (RowArena a : parts) {
            a.forEach((b, o, l) -> rows.add(converter.read(reader.wrap(b, o, l))));
            a.close();
        }
        LogicalPlan rest = replace(plan, in, new LocalRelation(in.schema(), rows));
        long[] count = new long[1];
        BatchExecutor.materialize(rest, ctx, (b, o, l) -> {
            count[0]++;
            out.accept(b, o, l);
        });
        out.finish();
        return count[0];
    }

    private static LogicalPlan replace(LogicalPlan root, LogicalPlan target, LogicalPlan with) {
        if (root == target) {
            return with;
        }
        List<LogicalPlan> kids = new ArrayList<>();
        for (LogicalPlan c : root.children()) {
            kids.add(replace(c, target, with));
        }
        return root.copy(kids);
    }

    private static boolean pathTo(LogicalPlan from, LogicalPlan to, List<LogicalPlan> path) {
        path.add(from);
        if (from == to) {
            return true;
        }
        for (LogicalPlan c : from.children()) {
            if (pathTo(c, to, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}

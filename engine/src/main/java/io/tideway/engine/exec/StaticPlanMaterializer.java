package io.tideway.engine.exec;

import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.plan.Deduplicate;
import io.tideway.engine.plan.Limit;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.MapGroups;
import io.tideway.engine.plan.Offset;
import io.tideway.engine.plan.SetOperation;
import io.tideway.engine.plan.Sort;
import io.tideway.engine.sql.SqlValueOrdering;
import io.tideway.sql.Row;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the blocking operators of static subtrees — {@code orderBy}, {@code limit}, {@code offset}, window functions,
 * {@code distinct}/{@code dropDuplicates}, {@code except}/{@code intersect}, {@code groupByKey}'s group functions and {@code [flat]MapGroupsWithState}, and aggregations below a union or a join — before the
 * fused chain runs: each such node over a static child is replaced by a {@link LocalRelation} of
 * its result, computed from the child's rows on the calling thread. What is left is map-like
 * operators, joins and at most one aggregation on the plan's single-child spine, which
 * {@link BatchExecutor} runs. Streaming subtrees are left as they are. Stateless.
 */
public final class StaticPlanMaterializer {
    private StaticPlanMaterializer() {
    }

    /** {@code plan} with its static blocking nodes computed; {@code plan} itself when it has none. */
    public static LogicalPlan materialize(LogicalPlan plan, EvalContext ctx) {
        return materialize(plan, ctx, false);
    }

    /**
     * @param belowBranch whether a union or a join stands above {@code plan}: an aggregation there
     *                    is computed here, since the executor runs only the one on the spine (with
     *                    the rest of the plan above it), which would lose the other branches' rows
     */
    private static LogicalPlan materialize(LogicalPlan plan, EvalContext ctx, boolean belowBranch) {
        List<LogicalPlan> kids = plan.children();
        List<LogicalPlan> done = new ArrayList<>(kids.size());
        boolean changed = false;
        for (LogicalPlan c : kids) {
            LogicalPlan m = materialize(c, ctx, belowBranch || kids.size() > 1);
            changed |= m != c;
            done.add(m);
        }
        LogicalPlan p = changed ? plan.copy(done) : plan;
        if (!p.isStreaming() && p instanceof MapGroups groups) {
            return new LocalRelation(p.schema(), MapGroupsRunner.run(groups, ctx));
        }
        if (!p.isStreaming() && p instanceof io.tideway.engine.plan.FlatMapGroupsWithState groups) {
            return new LocalRelation(p.schema(), GroupsWithStateRunner.run(groups, ctx));
        }
        if (!p.isStreaming() && p instanceof io.tideway.engine.plan.TransformWithState transform) {
            StaticTransformRunner runner = java.util.ServiceLoader.load(StaticTransformRunner.class).findFirst()
                    .orElseThrow(() -> new UnsupportedOperationException("transformWithState on a static Dataset needs the "
                            + "tideway-microbatch module on the class path"));
            return new LocalRelation(p.schema(), runner.run(transform, ctx));
        }
        if (!p.isStreaming() && belowBranch && p instanceof Aggregate) {
            return new LocalRelation(p.schema(), BatchExecutor.collect(p, new RowEncoder(p.schema()), ctx));
        }
        if (!p.isStreaming() && p instanceof io.tideway.engine.plan.Sample sample) {
            return new LocalRelation(p.schema(), SampleRunner.run(sample, ctx));
        }
        if (!p.isStreaming() && p instanceof io.tideway.engine.plan.Window window) {
            return new LocalRelation(p.schema(), WindowRunner.run(window, ctx));
        }
        if (!p.isStreaming() && p instanceof SetOperation op) {
            return new LocalRelation(p.schema(), SetOperationRunner.run(op, ctx));
        }
        if (p.isStreaming() || !(p instanceof Sort || p instanceof Limit || p instanceof Offset || p instanceof Deduplicate)) {
            return p;
        }
        LogicalPlan child = p.children().get(0);
        List<Row> rows = new ArrayList<>(BatchExecutor.collect(child, new RowEncoder(child.schema()), ctx));
        if (p instanceof Sort s) {
            rows.sort(SqlValueOrdering.byOrders(s.orders()));
        } else if (p instanceof Limit l) {
            rows = rows.subList(0, Math.min(l.limit(), rows.size()));
        } else if (p instanceof Offset o) {
            rows = rows.subList(Math.min(o.offset(), rows.size()), rows.size());
        } else {
            rows = distinct(rows, ((Deduplicate) p).keyOrdinals());
        }
        return new LocalRelation(p.schema(), rows);
    }

    /** The first row of each key, in input order. */
    private static List<Row> distinct(List<Row> rows, int[] keys) {
        Set<List<Object>> seen = new HashSet<>();
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (seen.add(key(r, keys))) {
                out.add(r);
            }
        }
        return out;
    }

    /** The values of {@code r}'s columns {@code keys}, normalized so that rows Spark groups together are equal. */
    private static List<Object> key(Row r, int[] keys) {
        List<Object> key = new ArrayList<>(keys.length);
        for (int k : keys) {
            key.add(normalized(r.get(k)));
        }
        return key;
    }

    /** All of {@code r}'s columns as a key, as {@link #distinct} compares rows. */
    static List<Object> groupingKey(Row r) {
        return key(r, java.util.stream.IntStream.range(0, r.length()).toArray());
    }

    /** Values Spark groups as equal compare equal: {@code -0.0} is {@code 0.0}, binary by content. */
    private static Object normalized(Object v) {
        if (v instanceof Double d && d == 0.0d) {
            return 0.0d;
        }
        if (v instanceof Float f && f == 0.0f) {
            return 0.0f;
        }
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(Arrays.copyOf(b, b.length));
        }
        return v;
    }
}

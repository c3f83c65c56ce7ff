package io.tideway.engine.exec;

import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.fn.XorShiftRandom;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.RangeRelation;
import io.tideway.engine.plan.Sample;
import io.tideway.engine.plan.Sort;
import io.tideway.engine.sql.SqlValueOrdering;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;
import org.apache.commons.math3.distribution.PoissonDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes a static {@link Sample} as Spark does, partition by partition: the sample's input is
 * run once per partition of its one leaf (a range's slices, each task numbered so its expressions
 * see the partition; a local relation cut into Spark's {@code parallelize} slices, after the
 * projections and filters Spark folds into it), and each partition's rows are kept where a draw of
 * {@code XorShiftRandom(seed + partition)} falls in the sample's bounds, or, with replacement,
 * repeated as often as Spark's {@code PoissonSampler} draws. An input with several
 * leaves, or a shuffle below the sample, is taken as one partition (Spark's partitions there
 * are its shuffle's). Stateless.
 */
final class SampleRunner {
    private SampleRunner() {
    }

    static List<Row> run(Sample sample, EvalContext ctx) {
        LogicalPlan input = sample.child();
        List<LogicalPlan> leaves = PlanShape.leaves(input);
        List<Row> out = new ArrayList<>();
        if (leaves.size() == 1 && leaves.get(0) instanceof LocalRelation && foldsIntoLocal(input)) {
            // Spark folds projections and filters of a local relation into it, evaluated as partition 0
            // (ConvertToLocalRelation), and parallelizes the rows that come out
            List<LogicalPlan> parts = slices(new LocalRelation(input.schema(), rows(input, ctx)), sample.localPartitions());
            for (int i = 0; i < parts.size(); i++) {
                keep(sample, input.schema(), ((LocalRelation) parts.get(i)).rows(), i, out);
            }
            return out;
        }
        List<LogicalPlan> slices = leaves.size() == 1 && narrow(input) ? slices(leaves.get(0), sample.localPartitions()) : List.of();
        if (slices.isEmpty()) {
            keep(sample, input.schema(), rows(input, ctx), 0, out);
            return out;
        }
        for (int i = 0; i < slices.size(); i++) {
            keep(sample, input.schema(), rows(replaced(input, leaves.get(0), slices.get(i)), ctx.forPartition(i)), i, out);
        }
        return out;
    }

    /** Spark's {@code BernoulliCellSampler}, or its {@code PoissonSampler}, over one partition's rows. */
    private static void keep(Sample sample, StructType schema, List<Row> rows, int partition, List<Row> out) {
        if (sample.upperBound() - sample.lowerBound() <= 0.0) {
            return;
        }
        if (sample.withReplacement()) {
            repeat(sample, rows, partition, out);
            return;
        }
        if (sample.sortPartitions() && !rows.isEmpty()) {
            rows = new ArrayList<>(rows);
            rows.sort(SqlValueOrdering.byOrders(ascendingOrders(schema)));
        }
        XorShiftRandom rng = new XorShiftRandom(sample.seed() + partition);
        for (Row r : rows) {
            double x = rng.nextDouble();
            if (x >= sample.lowerBound() && x < sample.upperBound()) {
                out.add(r);
            }
        }
    }

    /**
     * Spark's {@code SampleExec} with replacement: a {@code PoissonSampler} without gap sampling,
     * seeded with the {@code (partition + 1)}-th {@code nextLong} of {@code java.util.Random(seed)},
     * draws each row's count.
     */
    private static void repeat(Sample sample, List<Row> rows, int partition, List<Row> out) {
        java.util.Random seeds = new java.util.Random(sample.seed());
        long seed = seeds.nextLong();
        for (int i = 0; i < partition; i++) {
            seed = seeds.nextLong();
        }
        PoissonDistribution poisson = new PoissonDistribution(sample.upperBound() - sample.lowerBound());
        poisson.reseedRandomGenerator(seed);
        for (Row r : rows) {
            for (int n = poisson.sample(); n > 0; n--) {
                out.add(r);
            }
        }
    }

    /** {@code randomSplit}'s local sort: every orderable column, ascending, nulls first. */
    private static List<Sort.Order> ascendingOrders(StructType schema) {
        List<Sort.Order> orders = new ArrayList<>();
        for (int i = 0; i < schema.length(); i++) {
            if (!(schema.apply(i).dataType() instanceof io.tideway.sql.types.MapType)) {
                orders.add(new Sort.Order(i, false, true));
            }
        }
        return orders;
    }

    /** Whether {@code plan} is projections and filters down to its leaf, which Spark folds into a local relation. */
    private static boolean foldsIntoLocal(LogicalPlan plan) {
        for (LogicalPlan p = plan; !p.children().isEmpty(); p = p.children().get(0)) {
            if (!(p instanceof io.tideway.engine.plan.Project || p instanceof io.tideway.engine.plan.Filter
                    || p instanceof io.tideway.engine.plan.SubqueryAlias)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every node of {@code plan} keeps its input's partitions (no shuffle below the sample). */
    private static boolean narrow(LogicalPlan plan) {
        for (LogicalPlan p = plan; !p.children().isEmpty(); p = p.children().get(0)) {
            if (!(p instanceof io.tideway.engine.plan.Project || p instanceof io.tideway.engine.plan.Filter
                    || p instanceof io.tideway.engine.plan.SubqueryAlias || p instanceof io.tideway.engine.plan.Generate)) {
                return false;
            }
        }
        return true;
    }

    /** The leaf's partitions as leaves of their own, or none when it is neither a range nor a local relation. */
    private static List<LogicalPlan> slices(LogicalPlan leaf, int localPartitions) {
        List<LogicalPlan> out = new ArrayList<>();
        if (leaf instanceof RangeRelation range) {
            for (int i = 0; i < range.slices(); i++) {
                out.add(range.slice(i));
            }
        } else if (leaf instanceof LocalRelation local) {
            // Spark's LocalTableScanExec: parallelize(rows, min(max(rows, 1), defaultParallelism))
            List<Row> rows = local.rows();
            int n = Math.min(Math.max(rows.size(), 1), localPartitions);
            for (int i = 0; i < n; i++) {
                int from = (int) ((long) i * rows.size() / n);
                int to = (int) ((long) (i + 1) * rows.size() / n);
                out.add(new LocalRelation(local.schema(), rows.subList(from, to)));
            }
        }
        return out;
    }

    /** {@code plan} with the node {@code leaf} (by identity) replaced by {@code by}. */
    private static LogicalPlan replaced(LogicalPlan plan, LogicalPlan leaf, LogicalPlan by) {
        if (plan == leaf) {
            return by;
        }
        List<LogicalPlan> kids = new ArrayList<>();
        for (LogicalPlan c : plan.children()) {
            kids.add(replaced(c, leaf, by));
        }
        return plan.copy(kids);
    }

    private static List<Row> rows(LogicalPlan p, EvalContext ctx) {
        return new ArrayList<>(BatchExecutor.collect(p, new RowEncoder(p.schema()), ctx));
    }
}

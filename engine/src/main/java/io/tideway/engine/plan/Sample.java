package io.tideway.engine.plan;

import io.tideway.sql.types.StructType;

/**
 * {@code sample}/{@code randomSplit}: the rows whose draw from Spark's seeded generator falls in
 * {@code [lowerBound, upperBound)}, drawn per partition as Spark's {@code BernoulliCellSampler}
 * (seed {@code seed + partition index}); with {@code withReplacement}, each row repeated as often
 * as Spark's {@code PoissonSampler} of mean {@code upperBound - lowerBound} says. {@code sortPartitions}: each partition is first sorted
 * by its orderable columns, as {@code randomSplit} does so that its splits are disjoint.
 * {@code localPartitions} is how many partitions Spark cuts a local relation into (its
 * {@code defaultParallelism}). Computed when an action runs ({@code StaticPlanMaterializer}); on a
 * stream {@code start()} refuses it as Spark does.
 * Immutable.
 */
public final class Sample extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final double lowerBound;
    private final double upperBound;
    private final boolean withReplacement;
    private final long seed;
    private final boolean sortPartitions;
    private final int localPartitions;

    public Sample(double lowerBound, double upperBound, boolean withReplacement, long seed, boolean sortPartitions,
                  int localPartitions, LogicalPlan child) {
        super(child);
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.withReplacement = withReplacement;
        this.seed = seed;
        this.sortPartitions = sortPartitions;
        this.localPartitions = localPartitions;
    }

    public double lowerBound() {
        return lowerBound;
    }

    public double upperBound() {
        return upperBound;
    }

    public boolean withReplacement() {
        return withReplacement;
    }

    public long seed() {
        return seed;
    }

    public boolean sortPartitions() {
        return sortPartitions;
    }

    public int localPartitions() {
        return localPartitions;
    }

    @Override
    public StructType schema() {
        return child().schema();
    }

    @Override
    public String nodeName() {
        return "Sample";
    }

    /** Spark's {@code lowerBound, upperBound, withReplacement, seed}. */
    @Override
    protected String argString() {
        return lowerBound + ", " + upperBound + ", " + withReplacement + ", " + seed;
    }

    /** Weights as Spark's {@code mkString("[", ",", "]")} prints them in its errors. */
    public static String weightsText(double[] weights) {
        java.util.StringJoiner j = new java.util.StringJoiner(",", "[", "]");
        for (double w : weights) {
            j.add(Double.toString(w));
        }
        return j.toString();
    }

    @Override
    public Sample withNewChild(LogicalPlan child) {
        return new Sample(lowerBound, upperBound, withReplacement, seed, sortPartitions, localPartitions, child);
    }
}

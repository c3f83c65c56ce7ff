package io.tideway.engine.plan;

import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * {@code except}/{@code exceptAll} and {@code intersect}/{@code intersectAll}: the left child's
 * rows compared, by position and with nulls equal, to the right child's (both already widened to
 * common column types). On a static plan the result is computed when an action runs
 * ({@code StaticPlanMaterializer}); on a stream {@code start()} refuses it in Spark's words.
 * Immutable.
 */
public final class SetOperation extends LogicalPlan {
    private static final long serialVersionUID = 1L;

    /** Which set operation: rows of the left side absent from, or present in, the right side. */
    public enum Kind { EXCEPT, INTERSECT }

    private final Kind kind;
    private final boolean all;
    private final LogicalPlan left;
    private final LogicalPlan right;

    /** @param all whether duplicates count (SQL's {@code ALL}): {@code exceptAll}, {@code intersectAll} */
    public SetOperation(Kind kind, boolean all, LogicalPlan left, LogicalPlan right) {
        this.kind = kind;
        this.all = all;
        this.left = left;
        this.right = right;
        VariantRefusals.requireComparable(left.schema(), left);
    }

    public Kind kind() {
        return kind;
    }

    public boolean all() {
        return all;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    /** The left side's columns; an intersection's column is nullable only when both sides' are (Spark's {@code Intersect.output}). */
    @Override
    public StructType schema() {
        StructType first = left.schema();
        if (kind == Kind.EXCEPT) {
            return first;
        }
        StructField[] fields = first.fields();
        boolean narrowed = false;
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].nullable() && !right.schema().apply(i).nullable()) {
                fields[i] = new StructField(fields[i].name(), fields[i].dataType(), false, fields[i].metadata());
                narrowed = true;
            }
        }
        return narrowed ? new StructType(fields) : first;
    }

    /** Spark's {@code Except}/{@code Intersect}. */
    @Override
    public String nodeName() {
        return kind == Kind.EXCEPT ? "Except" : "Intersect";
    }

    /** Spark's tree prints {@code isAll}. */
    @Override
    protected String argString() {
        return String.valueOf(all);
    }

    /**
     * What a micro-batch run does with {@code plan} when a streaming {@code except} (a streaming
     * left side, a static right side: the only one {@code start()} lets through) is in it. Spark
     * rewrites it into a streaming aggregation, which in Append mode fails when the first batch is
     * planned; Tideway fails there in Spark's words, and in the other modes (where Spark runs the
     * aggregation) refuses it as not yet supported.
     */
    public static void checkStreaming(LogicalPlan plan, io.tideway.sql.streaming.OutputMode mode) {
        List<LogicalPlan> nodes = new java.util.ArrayList<>();
        plan.collect(nodes);
        for (LogicalPlan n : nodes) {
            if (n instanceof SetOperation s && s.isStreaming()) {
                if (mode == io.tideway.sql.streaming.OutputMode.Append()) {
                    throw io.tideway.engine.error.Unchecked.raise(new io.tideway.sql.AnalysisException(
                            "UNSUPPORTED_STREAMING_OPERATOR_WITHOUT_WATERMARK",
                            java.util.Map.of("outputMode", "Append", "statefulOperator", "aggregations")));
                }
                throw new UnsupportedOperationException("except on a streaming Dataset runs only in Spark, "
                        + "as a streaming aggregation in " + mode + " mode (Tideway issue #15)");
            }
        }
    }

    @Override
    public SetOperation copy(List<LogicalPlan> children) {
        return new SetOperation(kind, all, children.get(0), children.get(1));
    }
}

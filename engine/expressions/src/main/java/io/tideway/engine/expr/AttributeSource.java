package io.tideway.engine.expr;

/**
 * The logical plan of the Dataset a column was taken from ({@code df.col("x")}), seen from the
 * expressions: only its identity matters here, the plan layer tells a join's sides apart by it.
 */
public interface AttributeSource {
}

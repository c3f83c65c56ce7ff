package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.fn.VariantCast;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.Map;

/**
 * Where Spark's analysis refuses a variant (it has no order and no hash): grouping keys, sort
 * keys, the columns of set operations and deduplication, and partitioning expressions, each with
 * Spark's error condition, followed by the plan it was raised for. Stateless.
 */
public final class VariantRefusals {
    private VariantRefusals() {
    }

    /** {@code GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE} for a grouping expression holding a variant. */
    public static void requireGroupable(Expression grouping, LogicalPlan plan) {
        if (VariantCast.containsVariant(grouping.dataType())) {
            throw Unchecked.raise(new ExtendedAnalysisException("GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE", Map.of(
                    "sqlExpr", ErrorParams.expr(grouping.sql()), "dataType", ErrorParams.type(grouping.dataType())), plan));
        }
    }

    /** {@code DATATYPE_MISMATCH.INVALID_ORDERING_TYPE} for a sort key holding a variant. */
    static void requireSortable(StructField key, Sort.Order order, LogicalPlan plan) {
        if (VariantCast.containsVariant(key.dataType())) {
            String sql = key.name() + (order.descending() ? " DESC" : " ASC") + (order.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
            throw Unchecked.raise(new ExtendedAnalysisException("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", Map.of(
                    "sqlExpr", ErrorParams.expr(sql), "functionName", "`sortorder`",
                    "dataType", ErrorParams.type(key.dataType())), plan));
        }
    }

    /** {@code UNSUPPORTED_FEATURE.SET_OPERATION_ON_VARIANT_TYPE} for a compared column holding a variant. */
    static void requireComparable(StructField column, LogicalPlan plan) {
        if (VariantCast.containsVariant(column.dataType())) {
            throw Unchecked.raise(new ExtendedAnalysisException("UNSUPPORTED_FEATURE.SET_OPERATION_ON_VARIANT_TYPE", Map.of(
                    "colName", ErrorParams.id(column.name()), "dataType", ErrorParams.type(column.dataType())), plan));
        }
    }

    /** As {@link #requireComparable(StructField, LogicalPlan)} for every column. */
    static void requireComparable(StructType columns, LogicalPlan plan) {
        for (StructField f : columns.fields()) {
            requireComparable(f, plan);
        }
    }

    /** {@code UNSUPPORTED_FEATURE.PARTITION_BY_VARIANT} for a partitioning expression holding a variant. */
    public static void requirePartitionable(Expression e, LogicalPlan plan) {
        if (VariantCast.containsVariant(e.dataType())) {
            throw Unchecked.raise(new ExtendedAnalysisException("UNSUPPORTED_FEATURE.PARTITION_BY_VARIANT", Map.of(
                    "expr", ErrorParams.expr(e.sql()), "dataType", ErrorParams.type(e.dataType())), plan));
        }
    }
}

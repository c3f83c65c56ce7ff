package io.tideway.engine.plan;

import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * A join of two plans. The condition is split, as Spark's {@code ExtractEquiJoinKeys} does, into
 * equi-join keys ({@code leftKeys[i] = rightKeys[i]}, bound to each side's schema) and an
 * optional residual condition bound to the joined row (left columns, then right columns). The
 * output is the joined row, or the left row for semi and anti joins; the side an outer join may
 * leave unmatched becomes nullable.
 */
public final class Join extends LogicalPlan {
    private static final long serialVersionUID = 1L;
    private final LogicalPlan left;
    private final LogicalPlan right;
    private final JoinType joinType;
    private final List<Expression> leftKeys;
    private final List<Expression> rightKeys;
    private final Expression residual;
    private final String conditionSql;
    private final StructType schema;

    public Join(LogicalPlan left, LogicalPlan right, JoinType joinType, List<Expression> leftKeys, List<Expression> rightKeys,
                Expression residual, String conditionSql) {
        this.left = left;
        this.right = right;
        this.joinType = joinType;
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.residual = residual;
        this.conditionSql = conditionSql;
        this.schema = joinType.leftOnly() ? left.schema() : joinedSchema(left.schema(), right.schema(), joinType);
    }

    /** Left columns then right columns, before nullability is adjusted: what the residual condition sees. */
    public static StructType concat(StructType left, StructType right) {
        StructType s = left;
        for (StructField f : right.fields()) {
            s = s.add(f);
        }
        return s;
    }

    private static StructType joinedSchema(StructType left, StructType right, JoinType type) {
        boolean leftNullable = type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER;
        boolean rightNullable = type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER;
        StructType s = new StructType();
        for (StructField f : left.fields()) {
            s = s.add(new StructField(f.name(), f.dataType(), f.nullable() || leftNullable, f.metadata()));
        }
        for (StructField f : right.fields()) {
            s = s.add(new StructField(f.name(), f.dataType(), f.nullable() || rightNullable, f.metadata()));
        }
        return s;
    }

    public LogicalPlan left() {
        return left;
    }

    public LogicalPlan right() {
        return right;
    }

    public JoinType joinType() {
        return joinType;
    }

    public List<Expression> leftKeys() {
        return leftKeys;
    }

    public List<Expression> rightKeys() {
        return rightKeys;
    }

    /** The non-equi part of the condition over the joined row, or null. */
    public Expression residual() {
        return residual;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String nodeName() {
        return "Join";
    }

    @Override
    protected String argString() {
        return joinType.sparkName() + (conditionSql == null ? "" : ", " + conditionSql);
    }

    @Override
    public Join copy(List<LogicalPlan> children) {
        return new Join(children.get(0), children.get(1), joinType, leftKeys, rightKeys, residual, conditionSql);
    }
}

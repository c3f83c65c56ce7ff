package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.NodeEvaluators;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/**
 * {@code current_timestamp()} and {@code now()}: the batch's timestamp from {@code offsets/N}, so
 * a re-run batch sees the same value (as in Spark).
 */
public final class CurrentTimestamp extends LeafExpression {
    private static final long serialVersionUID = 1L;
    /** The name the user called it by: {@code current_timestamp} or {@code now}. */
    private final String name;

    public CurrentTimestamp() {
        this("current_timestamp");
    }

    public CurrentTimestamp(String name) {
        this.name = name;
    }

    @Override
    public String sql() {
        return name + "()";
    }

    @Override
    public DataType dataType() {
        return DataTypes.TimestampType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        String batch = ctx.constant(ctx.evalContext(), EvalContext.class.getName());
        CodeValue v = ctx.declare(DataTypes.TimestampType);
        ctx.line(v.isNull() + " = false; " + v.value() + " = " + batch + ".batchTimestampMicros();");
        return v;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return NodeEvaluators.compile(this, context);
    }
}

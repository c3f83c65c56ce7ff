package io.tideway.engine.expr;

import io.tideway.SparkException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;

/**
 * A partition transform of {@code functions.years/months/days/hours/bucket}: Spark's
 * {@code PartitionTransformExpression}, which only {@code writeTo(...).partitionedBy(...)} reads
 * (as a table's partitioning); evaluated anywhere else it fails with Spark's
 * {@code [PARTITION_TRANSFORM_EXPRESSION_NOT_IN_PARTITIONED_BY]}, in the interpreter and in
 * generated code alike. Immutable.
 */
public final class PartitionTransform extends Expression {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final List<Expression> args;

    /** {@code name} is the transform ({@code years}, ..., {@code bucket}); {@code args} its arguments (bucket: count, column). */
    public PartitionTransform(String name, List<Expression> args) {
        this.name = name;
        this.args = List.copyOf(args);
    }

    /** The transform's name: {@code years}, {@code months}, {@code days}, {@code hours} or {@code bucket}. */
    public String name() {
        return name;
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new PartitionTransform(name, children);
    }

    @Override
    public String sql() {
        StringBuilder s = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(args.get(i).sql());
        }
        return s.append(')').toString();
    }

    @Override
    public DataType dataType() {
        return DataTypes.IntegerType;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        String text = sql();
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                throw notInPartitionedBy(text);
            }
        };
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue v = ctx.declare(DataTypes.IntegerType);
        String text = ctx.constant(sql(), String.class.getName());
        ctx.line("if (true) throw " + PartitionTransform.class.getName() + ".notInPartitionedBy(" + text + ");");
        return v;
    }

    /** Spark's error for a transform evaluated outside {@code partitionedBy}; called by generated code. */
    public static RuntimeException notInPartitionedBy(String sql) {
        return Unchecked.raise(new SparkException("PARTITION_TRANSFORM_EXPRESSION_NOT_IN_PARTITIONED_BY",
                Map.of("expression", ErrorParams.expr(sql)), null));
    }
}

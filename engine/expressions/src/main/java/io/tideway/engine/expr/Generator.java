package io.tideway.engine.expr;

import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

/**
 * An expression giving zero or more rows of several columns per input row ({@code explode},
 * {@code posexplode}, {@code stack}), as Spark's {@code Generator}. It is not evaluated as a
 * value: a projection holding one becomes a Generate operator below it, which runs the
 * generator's {@link GeneratorRows} per task. Its columns are {@link #elementSchema()}, named
 * as Spark names them unless the user gives aliases ({@code as(String[])}). Immutable.
 */
public abstract class Generator extends Expression {
    private static final long serialVersionUID = 1L;

    /** The output columns: Spark's default names, types, and nullability before {@link #outer()}. */
    public abstract StructType elementSchema();

    /** Whether an input that gives no rows still gives one row of nulls ({@code explode_outer}). */
    public abstract boolean outer();

    /** The function's name in SQL text and error messages. */
    public abstract String prettyName();

    /** The per-task producer of this generator's rows. */
    public abstract GeneratorRows rows(EvalContext context);

    /** As Spark's {@code Generator.dataType}: an array of the element rows; checks the input types. */
    @Override
    public DataType dataType() {
        return DataTypes.createArrayType(elementSchema(), false);
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder(prettyName()).append('(');
        for (int i = 0; i < children().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(children().get(i).sql());
        }
        return sb.append(')').toString();
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException(prettyName() + " is a generator; it runs as a Generate operator");
    }
}

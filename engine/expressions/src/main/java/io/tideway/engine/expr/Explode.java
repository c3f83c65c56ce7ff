package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;

import java.util.List;
import java.util.Map;

/**
 * {@code explode(array)}: a generator producing one row per element (column name {@code col});
 * {@code explode_outer} also gives one row, with a null element, for a null or empty array.
 * It is not evaluated as a value; the plan turns it into a Generate operator.
 */
public final class Explode extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final boolean outer;

    public Explode(Expression child) {
        this(child, false);
    }

    public Explode(Expression child, boolean outer) {
        this.child = child;
        this.outer = outer;
    }

    /** Whether a null or empty array still gives a row (its element null): {@code explode_outer}. */
    public boolean outer() {
        return outer;
    }

    public Expression child() {
        return child;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Explode(c.get(0), outer);
    }

    @Override
    public String sql() {
        return "col";
    }

    @Override
    public DataType dataType() {
        if (!(child.dataType() instanceof ArrayType at)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                    "sqlExpr", ErrorParams.expr((outer ? "explode_outer(" : "explode(") + child.sql() + ")"), "paramIndex", ErrorParams.ordinal(0),
                    "requiredType", "(\"ARRAY\" or \"MAP\")", "inputSql", ErrorParams.expr(child.sql()),
                    "inputType", ErrorParams.type(child.dataType())), sqlOrigin()));
        }
        return at.elementType();
    }

    /** Whether an element can be null: explode of a null array gives no rows, so only the array's own null elements. */
    @Override
    public boolean nullable() {
        dataType(); // refuses a non-array first
        return outer || ((ArrayType) child.dataType()).containsNull();
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException("explode is a generator; it runs as a Generate operator");
    }
}

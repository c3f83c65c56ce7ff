package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;

import java.util.List;
import java.util.Map;

/**
 * A generator of one input with an {@code _outer} form ({@code inline}, {@code variant_explode}):
 * the child, the outer flag, the name with its suffix and Spark's error for an input of the wrong
 * type. Immutable.
 */
abstract class UnaryGenerator extends Generator {
    private static final long serialVersionUID = 1L;
    protected final Expression child;
    private final boolean outer;

    UnaryGenerator(Expression child, boolean outer) {
        this.child = child;
        this.outer = outer;
    }

    /** The name without {@code _outer}. */
    protected abstract String baseName();

    @Override
    public final List<Expression> children() {
        return List.of(child);
    }

    @Override
    public final String prettyName() {
        return outer ? baseName() + "_outer" : baseName();
    }

    @Override
    public final boolean outer() {
        return outer;
    }

    /** Spark's {@code DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE} for the child; declared to return so callers can write {@code throw}. */
    protected final RuntimeException unexpectedInput(String requiredType) {
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                "sqlExpr", ErrorParams.expr(sql()), "paramIndex", ErrorParams.ordinal(0),
                "requiredType", requiredType, "inputSql", ErrorParams.expr(child.sql()),
                "inputType", ErrorParams.type(child.dataType())), sqlOrigin()));
    }
}

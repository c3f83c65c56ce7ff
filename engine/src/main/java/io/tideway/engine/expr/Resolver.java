package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import java.util.Map;


/** Binds column names to an input schema and inserts implicit casts. Stateless. */
public final class Resolver {
    private Resolver() {
    }

    public static Expression resolve(Expression e, StructType input) {
        Expression bound = e.transformUp(node -> {
            if (node instanceof UnresolvedAttribute a) {
                if (a.isStar()) {
                    throw Unchecked.raise(new AnalysisException("Invalid usage of '*' in expression '" + e.sql() + "'"));
                }
                int i = input.indexOf(a.name());
                if (i < 0) {
                    return resolveNested(a.name(), input);
                }
                StructField f = input.apply(i);
                return new BoundReference(i, f.dataType(), f.nullable(), f.name(), f.metadata());
            }
            if (node instanceof UnresolvedExtractField x) {
                return GetStructField.byName(x.child(), x.field());
            }
            if (node instanceof Coercible c) {
                return c.coerceTypes();
            }
            return node;
        });
        bound.dataType(); // type-check the whole tree now, so errors surface when the query is built
        return bound;
    }

    /** {@code window.start}: a column, then struct fields by name. */
    private static Expression resolveNested(String name, StructType input) {
        String[] parts = name.split("\\.");
        int i = parts.length > 1 ? input.indexOf(parts[0]) : -1;
        if (i < 0) {
            throw unresolved(name, input);
        }
        StructField f = input.apply(i);
        Expression e = new BoundReference(i, f.dataType(), f.nullable(), f.name(), f.metadata());
        for (int p = 1; p < parts.length; p++) {
            e = GetStructField.byName(e, parts[p]);
        }
        return e;
    }

    /**
     * Throws Spark's {@code UNRESOLVED_COLUMN.WITH_SUGGESTION} proposing all of {@code input}'s
     * columns; declared to return so callers can write {@code throw}.
     */
    public static RuntimeException unresolved(String name, StructType input) {
        throw Unchecked.raise(new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION",
                Map.of("objectName", ErrorParams.id(name), "proposal", ErrorParams.ids(input.fieldNames()))));
    }
}

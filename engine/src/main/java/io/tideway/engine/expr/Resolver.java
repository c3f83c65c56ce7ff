package io.tideway.engine.expr;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.StringJoiner;

/** Binds column names to an input schema and inserts implicit casts. Stateless. */
public final class Resolver {
    private Resolver() {
    }

    public static Expression resolve(Expression e, StructType input) {
        Expression bound = e.transformUp(node -> {
            if (node instanceof UnresolvedAttribute a) {
                if (a.isStar()) {
                    throw new AnalysisException("Invalid usage of '*' in expression '" + e.sql() + "'");
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

    public static AnalysisException unresolved(String name, StructType input) {
        StringJoiner cols = new StringJoiner(", ", "[", "]");
        for (String f : input.fieldNames()) {
            cols.add("`" + f + "`");
        }
        return new AnalysisException("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `"
                + name + "` cannot be resolved. Did you mean one of the following? " + cols + ".");
    }
}

package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.plan.AttributeLineage;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/** Binds column names to an input schema and inserts implicit casts. Stateless. */
public final class Resolver {
    private Resolver() {
    }

    /**
     * As {@link #resolve(Expression, StructType)}, and a column made by {@code df.col(name)} binds
     * to {@code df}'s column wherever {@code input} carries it ({@link AttributeLineage}), not to
     * the first column of that name.
     */
    public static Expression resolve(Expression e, LogicalPlan input) {
        Expression bySource = e.transformUp(node -> {
            if (node instanceof UnresolvedAttribute a && a.origin() != null && !a.isStar()) {
                int i = AttributeLineage.ordinalOf(input, a.origin(), a.name());
                return i < 0 ? node : reference(input.schema(), i);
            }
            return node;
        });
        return resolve(bySource, input.schema());
    }

    public static Expression resolve(Expression e, StructType input) {
        Expression bound = e.transformUp(node -> {
            if (node instanceof UnresolvedAttribute a) {
                if (a.isStar()) {
                    throw Unchecked.raise(new AnalysisException("Invalid usage of '*' in expression '" + e.sql() + "'"));
                }
                int i = ordinalOf(a.name(), input);
                return i < 0 ? resolveNested(a.name(), input) : reference(input, i);
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
        int i = parts.length > 1 ? ordinalOf(parts[0], input) : -1;
        if (i < 0) {
            throw unresolved(name, input);
        }
        Expression e = reference(input, i);
        for (int p = 1; p < parts.length; p++) {
            e = GetStructField.byName(e, parts[p]);
        }
        return e;
    }

    /**
     * The column {@code name} names in {@code input} (names compare case-insensitively, as
     * Spark's default resolver), or -1; throws Spark's {@code AMBIGUOUS_REFERENCE} when several do.
     */
    public static int ordinalOf(String name, StructType input) {
        int found = -1;
        List<String> matches = new ArrayList<>();
        for (int i = 0; i < input.length(); i++) {
            String n = input.apply(i).name();
            if (n.equalsIgnoreCase(name)) {
                found = i;
                matches.add(n);
            }
        }
        if (matches.size() > 1) {
            throw Unchecked.raise(new AnalysisException("AMBIGUOUS_REFERENCE", Map.of("name", ErrorParams.id(name),
                    "referenceNames", "[" + ErrorParams.ids(matches.toArray(new String[0])) + "]")));
        }
        return found;
    }

    /** A reference to {@code input}'s column {@code i}. */
    public static BoundReference reference(StructType input, int i) {
        StructField f = input.apply(i);
        return new BoundReference(i, f.dataType(), f.nullable(), f.name(), f.metadata());
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

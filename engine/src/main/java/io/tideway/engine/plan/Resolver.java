package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Coercible;
import io.tideway.engine.expr.ColumnSuggestions;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.GetStructField;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.engine.expr.UnresolvedExtractField;
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
        try {
            return resolveIn(e, input);
        } catch (RuntimeException | Error ex) {
            throw ex;
        } catch (Exception ex) { // Unchecked.raise throws AnalysisException undeclared
            if (ex instanceof AnalysisException a && checkedWithPlan(a)) {
                throw Unchecked.raise(new ExtendedAnalysisException(a, input));
            }
            throw Unchecked.raise(ex);
        }
    }

    /**
     * Errors Spark raises in {@code CheckAnalysis}, which wraps them with the plan it checked
     * ({@code ;} and the plan's tree after the message); errors of its resolution rules and of
     * the Dataset's eager checks carry none.
     */
    private static boolean checkedWithPlan(AnalysisException a) {
        String c = a.getCondition();
        return !(a instanceof ExtendedAnalysisException) && c != null
                && (c.startsWith("UNRESOLVED_COLUMN.") || c.startsWith("DATATYPE_MISMATCH.")
                        || c.equals("SEED_EXPRESSION_IS_UNFOLDABLE")
                        || c.startsWith("INVALID_FORMAT.")); // to_number's format check
    }

    private static Expression resolveIn(Expression e, LogicalPlan input) {
        Expression bySource = e.transformUp(node -> {
            if (node instanceof UnresolvedAttribute a && !a.isStar()) {
                Expression metadata = FileMetadataColumn.resolve(a.name(), input); // a file source's hidden _metadata
                if (metadata != null) {
                    return metadata;
                }
            }
            if (node instanceof UnresolvedAttribute a && a.origin() != null && !a.isStar()) {
                int i = AttributeLineage.ordinalOf(input, a.origin(), a.name());
                if (i >= 0) {
                    return reference(input.schema(), i);
                }
            }
            if (node instanceof UnresolvedAttribute a && !a.isStar() && a.name().indexOf('.') > 0
                    && ordinalOf(a.name(), input.schema()) < 0) {
                int i = Qualifiers.ordinalOf(input, a.name()); // a.userId after df.as("a")
                if (i >= 0) {
                    return reference(input.schema(), i);
                }
                List<String> qualified = ordinalOf(a.name().substring(0, a.name().indexOf('.')), input.schema()) < 0
                        ? Qualifiers.qualifiedNames(input) : null; // else a struct field, as window.start
                if (qualified != null) {
                    throw unresolvedQualified(a, qualified);
                }
                return node;
            }
            if (node instanceof UnresolvedAttribute a && !a.isStar() && a.name().indexOf('.') < 0) {
                ambiguousAmongAliases(a, input);
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
                return i < 0 ? resolveNested(a, input) : referenceAs(input, i, a.name());
            }
            if (node instanceof UnresolvedExtractField x) {
                return GetStructField.extract(x.child(), x.field());
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
    private static Expression resolveNested(UnresolvedAttribute a, StructType input) {
        String[] parts = a.name().split("\\.");
        int i = parts.length > 1 ? ordinalOf(parts[0], input) : -1;
        if (i < 0) {
            throw unresolvedAttribute(a, input);
        }
        Expression e = reference(input, i);
        for (int p = 1; p < parts.length; p++) {
            e = GetStructField.byName(e, parts[p]);
        }
        return e;
    }

    /**
     * Spark's {@code AMBIGUOUS_REFERENCE} for a plain name several columns of a join carry, each
     * proposed with the alias that qualifies it ({@code `o`.`uid`, `u`.`uid`}); nothing when the
     * name is unique or no alias stands below {@code input} (then {@link #ordinalOf(String, StructType)}
     * names the columns alone).
     */
    private static void ambiguousAmongAliases(UnresolvedAttribute a, LogicalPlan input) {
        StructType schema = input.schema();
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < schema.length(); i++) {
            if (schema.apply(i).name().equalsIgnoreCase(a.name())) {
                matches.add(i);
            }
        }
        List<String> qualified = matches.size() > 1 ? Qualifiers.qualifiedNames(input) : null;
        if (qualified != null) {
            List<String> names = new ArrayList<>();
            matches.forEach(i -> names.add(qualified.get(i)));
            throw Unchecked.raise(new AnalysisException("AMBIGUOUS_REFERENCE", Map.of("name", ErrorParams.id(a.name()),
                    "referenceNames", "[" + String.join(", ", names) + "]"), a.sqlOrigin()));
        }
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
        if (matches.size() > 1) { // raised for the attribute being resolved, if any: it is the current origin
            throw Unchecked.raise(new AnalysisException("AMBIGUOUS_REFERENCE", Map.of("name", ErrorParams.id(name),
                    "referenceNames", "[" + ErrorParams.ids(matches.toArray(new String[0])) + "]"), CurrentOrigin.get()));
        }
        return found;
    }

    /** A reference to {@code input}'s column {@code i}. */
    public static BoundReference reference(StructType input, int i) {
        StructField f = input.apply(i);
        return new BoundReference(i, f.dataType(), f.nullable(), f.name(), f.metadata());
    }

    /**
     * A reference to {@code input}'s column {@code i} named as the user spelled it: names resolve
     * case-insensitively, and Spark's resolved attribute takes the spelling it was looked up by
     * ({@code col("DEVICE")} projects a column {@code DEVICE}).
     */
    private static BoundReference referenceAs(StructType input, int i, String spelling) {
        StructField f = input.apply(i);
        return new BoundReference(i, f.dataType(), f.nullable(), spelling, f.metadata());
    }

    /**
     * Throws Spark's {@code UNRESOLVED_COLUMN} for a column the analyzer cannot resolve in
     * {@code input}: at most five columns proposed, nearest to the name first, then by name
     * ({@link ColumnSuggestions}), and the attribute's origin; declared to return so callers can
     * write {@code throw}.
     */
    public static RuntimeException unresolvedAttribute(UnresolvedAttribute a, StructType input) {
        // Spark's candidates are its input attribute set, which lists them by name (AttributeSet.toSeq)
        String[] byName = input.fieldNames().clone();
        java.util.Arrays.sort(byName);
        List<String> proposal = ColumnSuggestions.ordered(a.name(), byName);
        String name = ErrorParams.id(a.name());
        throw Unchecked.raise(proposal.isEmpty()
                ? new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", Map.of("objectName", name), a.sqlOrigin())
                : new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", Map.of("objectName", name,
                        "proposal", String.join(", ", proposal)), a.sqlOrigin()));
    }

    /** Spark's {@code UNRESOLVED_COLUMN} for a qualified name: {@code `a`.`nope`}, the qualified columns proposed. */
    private static RuntimeException unresolvedQualified(UnresolvedAttribute a, List<String> candidates) {
        List<String> parts = new ArrayList<>();
        for (String part : a.name().split("\\.", -1)) {
            parts.add(ErrorParams.id(part));
        }
        throw Unchecked.raise(new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", Map.of(
                "objectName", String.join(".", parts),
                "proposal", String.join(", ", ColumnSuggestions.orderedQuoted(a.name(), candidates))), a.sqlOrigin()));
    }

    /**
     * Throws Spark's {@code UNRESOLVED_COLUMN.WITH_SUGGESTION} as {@code Dataset.col(name)} raises
     * it, before analysis: all of {@code input}'s columns proposed, in schema order; declared to
     * return so callers can write {@code throw}.
     */
    public static RuntimeException unresolved(String name, StructType input) {
        throw Unchecked.raise(new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION",
                Map.of("objectName", ErrorParams.id(name), "proposal", ErrorParams.ids(input.fieldNames()))));
    }
}

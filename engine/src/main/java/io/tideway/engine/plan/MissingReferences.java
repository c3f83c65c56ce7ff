package io.tideway.engine.plan;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spark's {@code ResolveMissingReferences} for a filter: {@code df.select("a").where("b > 1")}
 * resolves {@code b} through the projection below, which Spark widens by {@code b}, filters, and
 * projects back to its own columns. Only a {@link Project} directly below is widened, as Spark
 * does for a Filter over a Project. Stateless.
 */
public final class MissingReferences {
    private MissingReferences() {
    }

    /**
     * {@code plan} widened by the child columns {@code condition} names that {@code plan}'s output
     * lacks, or {@code plan} itself when none is missing or it is no {@link Project}.
     */
    public static LogicalPlan widenFor(Expression condition, LogicalPlan plan) {
        if (!(plan instanceof Project p)) {
            return plan;
        }
        StructType below = p.child().schema();
        List<Expression> added = new ArrayList<>(p.projectList());
        for (String name : missingNames(condition, plan.schema())) {
            int i = onlyOrdinalOf(name, below);
            if (i >= 0) {
                added.add(Resolver.reference(below, i));
            }
        }
        return added.size() == p.projectList().size() ? plan : new Project(added, p.child());
    }

    /** {@code widened} (built over {@link #widenFor}'s result) projected back to {@code original}'s columns. */
    public static LogicalPlan projectBack(LogicalPlan widened, StructType original) {
        List<Expression> kept = new ArrayList<>(original.length());
        for (int i = 0; i < original.length(); i++) {
            kept.add(Resolver.reference(widened.schema(), i));
        }
        return new Project(kept, widened);
    }

    /** Column names (the column part of {@code col.field}) {@code condition} uses that {@code output} lacks. */
    private static Set<String> missingNames(Expression condition, StructType output) {
        Set<String> missing = new LinkedHashSet<>();
        condition.exists(e -> {
            if (e instanceof UnresolvedAttribute a && !a.isStar() && !names(a.name(), output)) {
                String column = a.name().split("\\.")[0];
                if (!names(column, output)) {
                    missing.add(column);
                }
            }
            return false;
        });
        return missing;
    }

    /**
     * Whether some column of {@code output} is called {@code name}. Unlike
     * {@link Resolver#ordinalOf} this does not raise {@code AMBIGUOUS_REFERENCE}: resolving the
     * condition raises it, with the attribute's origin.
     */
    private static boolean names(String name, StructType output) {
        for (String n : output.fieldNames()) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The one column of {@code input} called {@code name}, or -1 when none or several are. */
    private static int onlyOrdinalOf(String name, StructType input) {
        int found = -1;
        for (int i = 0; i < input.length(); i++) {
            if (input.apply(i).name().equalsIgnoreCase(name)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }
}

package io.tideway.engine.plan;

import io.tideway.engine.expr.ColumnSuggestions;

import java.util.ArrayList;
import java.util.List;

/**
 * Names qualified by a Dataset alias ({@code df.as("a")}, then {@code col("a.userId")} or
 * {@code select("a.*")}): Spark resolves {@code a.x} to the column {@code x} of the subtree
 * aliased {@code a} wherever the plan above carries it (through filters, projections that pass it
 * through and joins); the qualifier is compared case-insensitively. Tideway follows the column
 * down the tree with {@link AttributeLineage}. Stateless.
 */
public final class Qualifiers {
    private Qualifiers() {
    }

    /**
     * The ordinal in {@code plan}'s output of the column {@code name} names when its first part
     * is an alias below {@code plan} ({@code a.userId}), or -1 if it names none.
     */
    public static int ordinalOf(LogicalPlan plan, String name) {
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return -1;
        }
        String column = name.substring(dot + 1);
        for (SubqueryAlias alias : aliases(plan, name.substring(0, dot))) {
            int c = Resolver.ordinalOf(column, alias.schema());
            int i = AttributeLineage.ordinalOf(plan, alias, c);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * For {@code a.*}: the ordinals in {@code plan}'s output of the columns of the subtree
     * aliased {@code qualifier} that {@code plan} carries, in that subtree's order; null when no
     * alias below {@code plan} is so named.
     */
    public static List<Integer> starOrdinals(LogicalPlan plan, String qualifier) {
        List<SubqueryAlias> found = aliases(plan, qualifier);
        if (found.isEmpty()) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        SubqueryAlias alias = found.get(0);
        for (int c = 0; c < alias.schema().length(); c++) {
            int i = AttributeLineage.ordinalOf(plan, alias, c);
            if (i >= 0) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * {@code plan}'s output names as Spark proposes them for a qualified name it cannot resolve:
     * each column with the alias that qualifies it ({@code `a`.`id`}), or alone where none does;
     * null when no alias stands below {@code plan}.
     */
    public static List<String> qualifiedNames(LogicalPlan plan) {
        List<LogicalPlan> nodes = new ArrayList<>();
        plan.collect(nodes);
        String[] names = plan.schema().fieldNames();
        String[] qualifiers = new String[names.length];
        boolean any = false;
        for (LogicalPlan n : nodes) {
            if (n instanceof SubqueryAlias a) {
                any = true;
                for (int c = 0; c < a.schema().length(); c++) {
                    int i = AttributeLineage.ordinalOf(plan, a, c);
                    if (i >= 0 && qualifiers[i] == null) {
                        qualifiers[i] = a.alias();
                    }
                }
            }
        }
        if (!any) {
            return null;
        }
        List<String> out = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            String name = ColumnSuggestions.quote(names[i]);
            out.add(qualifiers[i] == null ? name : ColumnSuggestions.quote(qualifiers[i]) + "." + name);
        }
        return out;
    }

    /** The aliases below {@code plan} named {@code qualifier}, pre-order. */
    private static List<SubqueryAlias> aliases(LogicalPlan plan, String qualifier) {
        List<LogicalPlan> nodes = new ArrayList<>();
        plan.collect(nodes);
        List<SubqueryAlias> out = new ArrayList<>();
        for (LogicalPlan n : nodes) {
            if (n instanceof SubqueryAlias a && a.alias().equalsIgnoreCase(qualifier)) {
                out.add(a);
            }
        }
        return out;
    }
}

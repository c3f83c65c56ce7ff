package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Generator;
import io.tideway.engine.expr.MultiAlias;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.TimeWindow;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the plan for a projection: expands {@code *}, turns a generator ({@code explode}, ...) into Generate. */
public final class SelectPlanner {
    private SelectPlanner() {
    }

    /** {@code s.*}: each field of struct column {@code s} (or nested {@code s.t}), named by the field. */
    private static List<Expression> structStar(String prefix, LogicalPlan child) {
        Expression s = Resolver.resolve(new UnresolvedAttribute(prefix), child);
        if (!(s.dataType() instanceof StructType st)) {
            List<String> parts = new ArrayList<>();
            for (String p : prefix.split("\\.")) {
                parts.add(p);
            }
            throw Unchecked.raise(new AnalysisException("Can only star expand struct data types. Attribute: `List("
                    + String.join(", ", parts) + ")`."));
        }
        List<Expression> fields = new ArrayList<>();
        for (int i = 0; i < st.length(); i++) {
            fields.add(new io.tideway.engine.expr.GetStructField(s, i, st.apply(i).name()));
        }
        return fields;
    }

    /** The columns of {@code child} a {@code colRegex} selects (of its qualifier's alias, when it has one), in order. */
    private static List<Expression> regexColumns(io.tideway.engine.expr.UnresolvedRegex r, LogicalPlan child) {
        StructType s = child.schema();
        List<Expression> out = new ArrayList<>();
        List<Integer> scope = r.qualifier() == null ? java.util.stream.IntStream.range(0, s.length()).boxed().toList()
                : Qualifiers.starOrdinals(child, r.qualifier());
        for (int i : scope == null ? List.<Integer>of() : scope) {
            if (r.matches(s.apply(i).name())) {
                out.add(Resolver.reference(s, i));
            }
        }
        return out;
    }

    public static LogicalPlan select(List<Column> columns, LogicalPlan child) {
        List<Expression> exprs = new ArrayList<>();
        for (Column c : columns) {
            if (c.expr() instanceof UnresolvedAttribute a && a.isStar()) {
                StructType s = child.schema();
                for (int i = 0; i < s.length(); i++) {
                    exprs.add(Resolver.reference(s, i)); // by position: names may repeat after a join
                }
            } else if (c.expr() instanceof UnresolvedAttribute a && a.name().endsWith(".*")
                    && Qualifiers.starOrdinals(child, a.name().substring(0, a.name().length() - 2)) != null) {
                for (int i : Qualifiers.starOrdinals(child, a.name().substring(0, a.name().length() - 2))) {
                    exprs.add(Resolver.reference(child.schema(), i)); // a.* after df.as("a")
                }
            } else if (c.expr() instanceof UnresolvedAttribute a && a.name().endsWith(".*")) {
                exprs.addAll(structStar(a.name().substring(0, a.name().length() - 2), child));
            } else if (c.expr() instanceof io.tideway.engine.expr.UnresolvedRegex r) {
                exprs.addAll(regexColumns(r, child));
            } else {
                exprs.add(c.expr());
            }
        }
        for (Expression e : exprs) {
            if (!(unaliased(e) instanceof Generator) && e.exists(x -> x instanceof Generator)) {
                throw Unchecked.raise(new AnalysisException("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS",
                        Map.of("expression", ErrorParams.expr(e.sql()))));
            }
        }
        LogicalPlan input = child;
        // as Spark 4, several generators in one projection stack up, one Generate each, in order
        for (int at = nextGenerator(exprs); at >= 0; at = nextGenerator(exprs)) {
            Expression e = exprs.get(at);
            Generator generator = (Generator) Resolver.resolve(unaliased(e), input);
            List<String> names = outputNames(e, generator);
            int[] required = referencedOrdinals(exprs, at, input);
            Generate g = new Generate(generator, names, input, required);
            for (int i = 0; i < exprs.size(); i++) {
                if (exprs.get(i) instanceof BoundReference r) { // a column of the input: where the Generate copies it
                    int moved = java.util.Arrays.binarySearch(required, r.ordinal());
                    exprs.set(i, new BoundReference(moved, r.dataType(), r.nullable(), r.name()));
                }
            }
            exprs.remove(at);
            int first = required.length;
            for (int k = 0; k < names.size(); k++) {
                StructField f = g.schema().apply(first + k);
                exprs.add(at + k, new BoundReference(first + k, f.dataType(), f.nullable(), f.name()));
            }
            input = g;
        }
        List<Expression> resolved = new ArrayList<>();
        for (Expression e : exprs) {
            resolved.add(e instanceof BoundReference ? e : Cast.namedAfterChild(Resolver.resolve(e, input)));
        }
        if (resolved.stream().anyMatch(WindowPlanner::hasWindow)) {
            return WindowPlanner.plan(resolved, input); // window functions and aggregates under OVER
        }
        resolved.forEach(WindowPlanner::checkOver);
        if (resolved.stream().anyMatch(e -> e.exists(x -> x instanceof AggregateFunction))) {
            // Spark's global aggregate: select(count(x)), selectExpr("max(i) - min(i)")
            if (input != child || !resolved.stream().allMatch(SelectPlanner::onlyAggregated)) {
                throw Unchecked.raise(new AnalysisException("MISSING_GROUP_BY", Map.of()));
            }
            List<Column> aggs = new ArrayList<>();
            for (Expression e : exprs) {
                aggs.add(new Column(e));
            }
            return AggregatePlanner.aggregate(List.of(), aggs, child);
        }
        TimeWindow window = onlyTimeWindow(resolved);
        if (window != null) {
            input = TimeWindowing.expand(window, input);
            BoundReference windowColumn = Resolver.reference(input.schema(), input.schema().length() - 1);
            resolved.replaceAll(e -> e.transformUp(x -> x instanceof TimeWindow ? windowColumn : x));
        }
        return new Project(resolved, input);
    }

    /**
     * The one time window the projections compute, or null when they compute none or several
     * (which stay unevaluable, as Spark refuses several windows in one node). As Spark's
     * {@code TimeWindowing}, a window in a projection reads a column of an expansion below it:
     * that column carries the time column's metadata, so a watermark on the time is one on the
     * window (a stream-stream join may then use the window as a key).
     */
    private static TimeWindow onlyTimeWindow(List<Expression> resolved) {
        List<TimeWindow> found = new ArrayList<>();
        for (Expression e : resolved) {
            e.exists(x -> {
                if (x instanceof TimeWindow w) {
                    found.add(w);
                }
                return false;
            });
        }
        boolean one = !found.isEmpty() && found.stream().map(Expression::sql).distinct().count() == 1;
        return one ? found.get(0) : null;
    }

    /** The position of the first projection that is a generator, or -1. */
    private static int nextGenerator(List<Expression> exprs) {
        for (int i = 0; i < exprs.size(); i++) {
            if (unaliased(exprs.get(i)) instanceof Generator) {
                return i;
            }
        }
        return -1;
    }

    private static Expression unaliased(Expression e) {
        return e instanceof Alias a ? a.child() : e instanceof MultiAlias m ? m.child() : e;
    }

    /** The generator's column names: its own, or the aliases given, as many as it has columns (Spark's {@code makeGeneratorOutput}). */
    private static List<String> outputNames(Expression e, Generator g) {
        List<String> names = new ArrayList<>();
        for (StructField f : g.elementSchema().fields()) {
            names.add(f.name());
        }
        List<String> given = e instanceof Alias a ? List.of(a.name()) : e instanceof MultiAlias m ? m.names() : List.of();
        if (given.isEmpty()) {
            return names;
        }
        if (given.size() != names.size()) {
            throw Unchecked.raise(new AnalysisException("UDTF_ALIAS_NUMBER_MISMATCH", Map.of(
                    "aliasesSize", String.valueOf(names.size()), "aliasesNames", String.join(",", given))));
        }
        return given;
    }

    /** Child columns the projections other than the generator use: only these are copied per element. */
    private static int[] referencedOrdinals(List<Expression> exprs, int generatorAt, LogicalPlan child) {
        java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
        for (int i = 0; i < exprs.size(); i++) {
            if (i != generatorAt) {
                Resolver.resolve(exprs.get(i), child).exists(x -> {
                    if (x instanceof BoundReference r) {
                        used.add(r.ordinal());
                    }
                    return false;
                });
            }
        }
        return used.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether every column {@code e} reads is inside an aggregate function. */
    private static boolean onlyAggregated(Expression e) {
        if (e instanceof AggregateFunction) {
            return true;
        }
        if (e instanceof BoundReference) {
            return false;
        }
        for (Expression c : e.children()) {
            if (!onlyAggregated(c)) {
                return false;
            }
        }
        return true;
    }
}

package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.functions;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Join}: binds the condition to the joined row — a column made by
 * {@code df.col(name)} binds to the side {@code df} is, a bare name to the one side that has it —
 * and splits it into equi-join keys and a residual condition.
 */
public final class JoinPlanner {
    private JoinPlanner() {
    }

    /** {@code left.join(right, condition, type)}; a null condition is a cross join. */
    public static Join join(LogicalPlan left, LogicalPlan right, Expression condition, JoinType type) {
        StructType joined = Join.concat(left.schema(), right.schema());
        int leftWidth = left.schema().length();
        List<Expression> leftKeys = new ArrayList<>();
        List<Expression> rightKeys = new ArrayList<>();
        List<Expression> residual = new ArrayList<>();
        String sql = null;
        if (condition != null) {
            Expression bound = Resolver.resolve(bindSides(condition, left, right), joined);
            sql = bound.sql();
            for (Expression c : conjuncts(bound)) {
                if (c instanceof Comparison cmp && cmp.op() == Comparison.Op.EQ
                        && addKey(cmp.left(), cmp.right(), leftWidth, leftKeys, rightKeys)) {
                    continue;
                }
                if (c instanceof Comparison cmp && cmp.op() == Comparison.Op.EQ
                        && addKey(cmp.right(), cmp.left(), leftWidth, leftKeys, rightKeys)) {
                    continue;
                }
                residual.add(c);
            }
        }
        Expression rest = null;
        for (Expression r : residual) {
            rest = rest == null ? r : new Logical(true, rest, r);
        }
        return new Join(left, right, type, leftKeys, rightKeys, rest, sql);
    }

    /** {@code left.join(right, usingColumns, type)}: equal columns, each once in the output (Spark's USING). */
    public static LogicalPlan joinUsing(LogicalPlan left, LogicalPlan right, List<String> columns, JoinType type) {
        StructType l = left.schema();
        StructType r = right.schema();
        List<Expression> leftKeys = new ArrayList<>();
        List<Expression> rightKeys = new ArrayList<>();
        for (String c : columns) {
            int li = l.indexOf(c);
            int ri = r.indexOf(c);
            if (li < 0) {
                throw unresolvedUsing(c, "left", l);
            }
            if (ri < 0) {
                throw unresolvedUsing(c, "right", r);
            }
            leftKeys.add(ref(l, li, 0));
            rightKeys.add(ref(r, ri, 0));
        }
        Join join = new Join(left, right, type, leftKeys, rightKeys, null, "USING " + columns);
        if (type.leftOnly()) {
            return join;
        }
        StructType out = join.schema();
        List<Expression> project = new ArrayList<>();
        List<Integer> keyOrdinals = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            int li = ((BoundReference) leftKeys.get(k)).ordinal();
            int ri = ((BoundReference) rightKeys.get(k)).ordinal() + l.length();
            if (type == JoinType.FULL_OUTER) {
                // either side may be the padded one: the key is whichever side has it, as Spark's coalesce
                project.add(new Alias(functions.coalesce(new Column(ref(out, li, 0)), new Column(ref(out, ri, 0))).expr(),
                        columns.get(k)));
            } else {
                project.add(ref(out, type == JoinType.RIGHT_OUTER ? ri : li, 0));
            }
            keyOrdinals.add(li);
            keyOrdinals.add(ri);
        }
        for (int i = 0; i < out.length(); i++) {
            if (!keyOrdinals.contains(i)) {
                project.add(ref(out, i, 0));
            }
        }
        return new Project(project, join);
    }

    private static RuntimeException unresolvedUsing(String column, String side, StructType s) {
        throw Unchecked.raise(new AnalysisException("UNRESOLVED_USING_COLUMN_FOR_JOIN", Map.of("colName", ErrorParams.id(column),
                "side", side, "suggestion", ErrorParams.ids(s.fieldNames()))));
    }

    private static BoundReference ref(StructType s, int ordinal, int shift) {
        StructField f = s.apply(ordinal);
        return new BoundReference(ordinal - shift, f.dataType(), f.nullable(), f.name(), f.metadata());
    }

    /** Binds each column to a side of the joined row (left ordinals first, then right). */
    private static Expression bindSides(Expression condition, LogicalPlan left, LogicalPlan right) {
        StructType l = left.schema();
        StructType r = right.schema();
        return condition.transformUp(node -> {
            if (!(node instanceof UnresolvedAttribute a) || a.isStar()) {
                return node;
            }
            int fromLeft = a.origin() == null ? -1 : AttributeLineage.ordinalOf(left, a.origin(), a.name());
            int fromRight = a.origin() == null ? -1 : AttributeLineage.ordinalOf(right, a.origin(), a.name());
            if (fromLeft >= 0 && fromRight < 0) {
                return ref(l, fromLeft, 0);
            }
            if (fromRight >= 0 && fromLeft < 0) {
                StructField f = r.apply(fromRight);
                return new BoundReference(l.length() + fromRight, f.dataType(), f.nullable(), f.name(), f.metadata());
            }
            int li = Resolver.ordinalOf(a.name(), l);
            int ri = Resolver.ordinalOf(a.name(), r);
            if (li < 0 && ri < 0) { // a.userId after df.as("a")
                li = Qualifiers.ordinalOf(left, a.name());
                ri = li >= 0 ? -1 : Qualifiers.ordinalOf(right, a.name());
            }
            if (li >= 0 && ri >= 0) {
                throw Unchecked.raise(new AnalysisException("AMBIGUOUS_REFERENCE", Map.of("name", ErrorParams.id(a.name()),
                        "referenceNames", "[" + ErrorParams.ids(a.name(), a.name()) + "]")));
            }
            if (li >= 0) {
                return ref(l, li, 0);
            }
            if (ri >= 0) {
                StructField f = r.apply(ri);
                return new BoundReference(l.length() + ri, f.dataType(), f.nullable(), f.name(), f.metadata());
            }
            return node; // Resolver reports it against the joined schema
        });
    }

    /** The AND-ed parts of a condition; empty for null. */
    static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        if (e instanceof Logical and && and.isAnd()) {
            out.addAll(conjuncts(and.left()));
            out.addAll(conjuncts(and.right()));
        } else {
            out.add(e);
        }
        return out;
    }

    /** {@code a = b} with a only over left columns and b only over right columns becomes a key pair. */
    private static boolean addKey(Expression a, Expression b, int leftWidth, List<Expression> leftKeys, List<Expression> rightKeys) {
        if (!onlyRefs(a, 0, leftWidth) || !onlyRefs(b, leftWidth, Integer.MAX_VALUE) || !refersToAny(a) || !refersToAny(b)) {
            return false;
        }
        leftKeys.add(a);
        rightKeys.add(b.transformUp(n -> n instanceof BoundReference r
                ? new BoundReference(r.ordinal() - leftWidth, r.dataType(), r.nullable(), r.name(), r.metadata()) : n));
        return true;
    }

    private static boolean onlyRefs(Expression e, int from, int to) {
        return !e.exists(n -> n instanceof BoundReference r && (r.ordinal() < from || r.ordinal() >= to));
    }

    private static boolean refersToAny(Expression e) {
        return e.exists(n -> n instanceof BoundReference);
    }
}

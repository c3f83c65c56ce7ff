package io.tideway.engine.plan;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Logical;

import java.util.List;

/**
 * A plan's canonical text, for {@code Dataset.sameSemantics} and {@code semanticHash}: two plans
 * that compute the same rows the way Spark's {@code Canonicalize} sees it have the same text.
 * As Spark's, it drops aliases (the names are cosmetic), orders the operands of commutative
 * operators ({@code AND}, {@code OR}, {@code =}, {@code +}, {@code *}) and turns {@code a > b}
 * into {@code b < a} where the operands are out of order; a file scan is its files, a local
 * relation its rows, a typed operation its function object. Stateless.
 */
public final class PlanCanonical {
    private PlanCanonical() {
    }

    /** The canonical text of {@code plan}. */
    public static String text(LogicalPlan plan) {
        StringBuilder sb = new StringBuilder();
        append(plan, sb);
        return sb.toString();
    }

    private static void append(LogicalPlan plan, StringBuilder sb) {
        sb.append(plan.nodeName()).append('(');
        if (plan instanceof Project p) {
            for (Expression e : p.projectList()) {
                sb.append(expression(e)).append(", ");
            }
        } else if (plan instanceof Filter f) {
            sb.append(expression(f.condition()));
        } else if (plan instanceof DataSourceRelation d) {
            sb.append(d.format()).append(' ').append(d.schema().simpleString()).append(' ').append(d.scan().inputFiles());
        } else if (plan instanceof LocalRelation l) {
            sb.append(l.schema().simpleString()).append(' ').append(l.rows());
        } else if (plan instanceof TypedOperator t) {
            sb.append(t.kind()).append(' ').append(System.identityHashCode(t.function()));
        } else {
            sb.append(plan.argString());
        }
        for (LogicalPlan c : plan.children()) {
            sb.append(", ");
            append(c, sb);
        }
        sb.append(')');
    }

    /** {@code e}'s SQL text after Spark's canonical rewrites. */
    private static String expression(Expression e) {
        return e.transformUp(PlanCanonical::canonical).sql();
    }

    private static Expression canonical(Expression e) {
        if (e instanceof Alias a) {
            return a.child();
        }
        if (e instanceof Logical l) {
            return ordered(l);
        }
        if (e instanceof BinaryArithmetic b && (b.op() == BinaryArithmetic.Op.ADD || b.op() == BinaryArithmetic.Op.MULTIPLY)) {
            List<Expression> kids = e.children();
            return outOfOrder(kids.get(0), kids.get(1)) ? e.withChildren(List.of(kids.get(1), kids.get(0))) : e;
        }
        if (e instanceof Comparison c && outOfOrder(c.left(), c.right())) {
            Comparison.Op flipped = switch (c.op()) {
                case LT -> Comparison.Op.GT;
                case LE -> Comparison.Op.GE;
                case GT -> Comparison.Op.LT;
                case GE -> Comparison.Op.LE;
                default -> c.op();
            };
            return new Comparison(flipped, c.right(), c.left());
        }
        return e;
    }

    /**
     * A chain of {@code AND}s (or of {@code OR}s) with its operands in order, as Spark's
     * {@code orderCommutative}: {@code a AND (c AND b)} and {@code (b AND a) AND c} are the same.
     */
    private static Expression ordered(Logical chain) {
        List<Expression> operands = new java.util.ArrayList<>();
        flatten(chain, chain.isAnd(), operands);
        operands.sort(java.util.Comparator.comparing(Expression::sql));
        Expression out = operands.get(0);
        for (int i = 1; i < operands.size(); i++) {
            out = new Logical(chain.isAnd(), out, operands.get(i));
        }
        return out;
    }

    private static void flatten(Expression e, boolean and, List<Expression> out) {
        if (e instanceof Logical l && l.isAnd() == and) {
            flatten(l.left(), and, out);
            flatten(l.right(), and, out);
        } else {
            out.add(e);
        }
    }

    private static boolean outOfOrder(Expression left, Expression right) {
        return left.sql().compareTo(right.sql()) > 0;
    }
}

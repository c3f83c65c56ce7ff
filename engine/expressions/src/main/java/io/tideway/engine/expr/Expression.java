package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.UnsupportedExpression;
import io.tideway.sql.types.DataType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A node of an expression tree, as built by {@code Column} and {@code functions}. Unresolved
 * trees name columns; {@code Resolver} binds them to a schema, after which {@link #dataType()}
 * is known and {@link #evaluator} compiles the tree for one task. Immutable.
 */
public abstract class Expression implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Where the user wrote this node, if in SQL text; taken from {@link CurrentOrigin} when built. Not part of equality. */
    private final Origin sqlOrigin = CurrentOrigin.get();

    /** Where in SQL text the user wrote this node, or null for nodes built through the Column API. */
    public final Origin sqlOrigin() {
        return sqlOrigin;
    }

    public abstract List<Expression> children();

    /** A copy of this node with new children (same count and order). */
    public abstract Expression withChildren(List<Expression> children);

    /** The name Spark gives a column computed by this expression, e.g. {@code (v * 2)}. */
    public abstract String sql();

    /** The result type; defined only once resolved. */
    public abstract DataType dataType();

    public boolean nullable() {
        for (Expression c : children()) {
            if (c.nullable()) {
                return true;
            }
        }
        return false;
    }

    public boolean resolved() {
        for (Expression c : children()) {
            if (!c.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** Compiles this (resolved) tree into an evaluator owned by one task. */
    public abstract Evaluator evaluator(EvalContext context);

    /**
     * Applies {@code rule} bottom-up. The copies this makes and whatever the rule builds for a node
     * take that node's {@link #sqlOrigin}, and errors the rule raises find it in {@link CurrentOrigin}.
     */
    public Expression transformUp(Function<Expression, Expression> rule) {
        return CurrentOrigin.withOrigin(sqlOrigin, () -> transformUpHere(rule));
    }

    private Expression transformUpHere(Function<Expression, Expression> rule) {
        List<Expression> kids = children();
        Expression self = this;
        if (!kids.isEmpty()) {
            List<Expression> next = new ArrayList<>(kids.size());
            boolean changed = false;
            for (Expression k : kids) {
                Expression n = k.transformUp(rule); // restores this node's origin when done
                changed |= n != k;
                next.add(n);
            }
            if (changed) {
                self = withChildren(next);
            }
        }
        return rule.apply(self);
    }

    /** Whether any node in this tree satisfies {@code test}. */
    public boolean exists(java.util.function.Predicate<Expression> test) {
        if (test.test(this)) {
            return true;
        }
        for (Expression c : children()) {
            if (c.exists(test)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return sql();
    }

    /**
     * Appends this expression's Java code to {@code ctx} and returns the variables holding its
     * value. The same code runs inlined in a fused chain (continuous mode) and compiled on its own
     * as an interpreted evaluator ({@code NodeEvaluators}), so an expression that has code is
     * defined once. Without code this throws {@link UnsupportedExpression}, and a chain holding
     * the expression runs interpreted.
     */
    public CodeValue genCode(CodegenContext ctx) {
        throw new UnsupportedExpression(getClass().getSimpleName());
    }
}

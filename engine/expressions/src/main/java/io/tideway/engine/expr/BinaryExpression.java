package io.tideway.engine.expr;

import java.util.List;

/** An expression with two operands. */
public abstract class BinaryExpression extends Expression {
    private static final long serialVersionUID = 1L;
    protected final Expression left;
    protected final Expression right;

    protected BinaryExpression(Expression left, Expression right) {
        this.left = left;
        this.right = right;
    }

    public final Expression left() {
        return left;
    }

    public final Expression right() {
        return right;
    }

    @Override
    public final List<Expression> children() {
        return List.of(left, right);
    }
}

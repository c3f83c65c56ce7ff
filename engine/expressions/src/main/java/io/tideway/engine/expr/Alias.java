package io.tideway.engine.expr;

import io.tideway.sql.types.DataType;

import java.util.List;

/** Names the column an expression computes ({@code .as("name")}). */
public final class Alias extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final String name;

    public Alias(Expression child, String name) {
        this.child = child;
        this.name = name;
    }

    public Expression child() {
        return child;
    }

    public String name() {
        return name;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new Alias(children.get(0), name);
    }

    @Override
    public String sql() {
        return name;
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return child.evaluator(context);
    }

    /** A name changes nothing in the value: the child's code (an alias stays inside a struct's arguments). */
    @Override
    public io.tideway.engine.expr.codegen.CodeValue genCode(io.tideway.engine.expr.codegen.CodegenContext ctx) {
        return ctx.gen(child);
    }
}

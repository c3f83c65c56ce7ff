package io.tideway.engine.expr;

import io.tideway.sql.types.DataType;

import java.util.List;

/** Names the column an expression computes ({@code .as("name")}). */
public final class Alias extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final String name;
    /** Metadata given with the name ({@code as(name, metadata)}), replacing the child's; null: the child's. */
    private final io.tideway.sql.types.Metadata explicitMetadata;

    public Alias(Expression child, String name) {
        this(child, name, null);
    }

    public Alias(Expression child, String name, io.tideway.sql.types.Metadata explicitMetadata) {
        this.child = child;
        this.name = name;
        this.explicitMetadata = explicitMetadata;
    }

    /** The metadata given with the name, or null when the column keeps its child's. */
    public io.tideway.sql.types.Metadata explicitMetadata() {
        return explicitMetadata;
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
        return new Alias(children.get(0), name, explicitMetadata);
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

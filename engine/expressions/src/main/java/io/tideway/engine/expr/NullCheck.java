package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/** {@code IS NULL} / {@code IS NOT NULL}; never null itself. */
public final class NullCheck extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final boolean isNotNull;

    public boolean isNotNull() {
        return isNotNull;
    }

    public Expression child() {
        return child;
    }

    public NullCheck(Expression child, boolean isNotNull) {
        this.child = child;
        this.isNotNull = isNotNull;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new NullCheck(c.get(0), isNotNull);
    }

    @Override
    public String sql() {
        return "(" + child.sql() + (isNotNull ? " IS NOT NULL)" : " IS NULL)");
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        Evaluator c = child.evaluator(context);
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                c.eval(row);
                isNull = false;
                l = c.isNull != isNotNull ? 1 : 0;
            }
        };
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue c = ctx.gen(children().get(0));
        CodeValue v = ctx.declare(DataTypes.BooleanType);
        ctx.line(v.isNull() + " = false; " + v.value() + " = " + c.isNull() + " != " + isNotNull() + " ? 1L : 0L;");
        return v;
    }
}

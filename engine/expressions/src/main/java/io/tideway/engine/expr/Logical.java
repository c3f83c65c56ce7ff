package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/** {@code AND} / {@code OR} with SQL three-valued logic. */
public final class Logical extends BinaryExpression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final boolean isAnd;

    public boolean isAnd() {
        return isAnd;
    }

    public Logical(boolean isAnd, Expression left, Expression right) {
        super(left, right);
        this.isAnd = isAnd;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Logical(isAnd, c.get(0), c.get(1));
    }

    @Override
    public String sql() {
        return "(" + left.sql() + (isAnd ? " AND " : " OR ") + right.sql() + ")";
    }

    @Override
    public Expression coerceTypes() {
        DataType a = left.dataType();
        DataType b = right.dataType();
        // Spark casts a string or NULL operand to BOOLEAN; other types must already agree
        if (!a.equals(b) && isCastable(a) && isCastable(b)) {
            throw TypeCoercion.mismatch(this, a, b);
        }
        for (Expression e : children()) {
            if (e.dataType() != DataTypes.BooleanType && e.dataType() != DataTypes.NullType) {
                throw TypeCoercion.wrongType(this, "\"BOOLEAN\"", e.dataType());
            }
        }
        return this;
    }

    private static boolean isCastable(DataType t) {
        return t != DataTypes.NullType && t != DataTypes.StringType;
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        Evaluator a = left.evaluator(context);
        Evaluator b = right.evaluator(context);
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                a.eval(row);
                boolean decided = !a.isNull && (isAnd ? a.l == 0 : a.l != 0);
                if (decided) {
                    isNull = false;
                    l = a.l;
                    return;
                }
                b.eval(row);
                if (!b.isNull && (isAnd ? b.l == 0 : b.l != 0)) {
                    isNull = false;
                    l = b.l;
                } else if (a.isNull || b.isNull) {
                    isNull = true;
                } else {
                    isNull = false;
                    l = b.l;
                }
            }
        };
    }

    /** Three-valued AND/OR; the right side runs only when the left does not decide, as in the interpreter. */
    @Override
    public CodeValue genCode(CodegenContext ctx) {
        String decides = isAnd() ? " == 0L" : " != 0L";
        CodeValue v = ctx.declare(DataTypes.BooleanType);
        CodeValue a = ctx.gen(left);
        ctx.open("if (!" + a.isNull() + " && " + a.value() + decides + ")");
        ctx.line(v.isNull() + " = false; " + v.value() + " = " + a.value() + ";");
        ctx.orElse();
        CodeValue b = ctx.gen(right);
        ctx.line("if (!" + b.isNull() + " && " + b.value() + decides + ") { " + v.isNull() + " = false; " + v.value()
                + " = " + b.value() + "; }");
        ctx.line("else if (" + a.isNull() + " || " + b.isNull() + ") { " + v.isNull() + " = true; }");
        ctx.line("else { " + v.isNull() + " = false; " + v.value() + " = " + b.value() + "; }");
        ctx.close();
        return v;
    }
}

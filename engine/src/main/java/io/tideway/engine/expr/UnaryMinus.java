package io.tideway.engine.expr;

import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/** Numeric negation. */
public final class UnaryMinus extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression child;

    public UnaryMinus(Expression child) {
        this.child = child;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new UnaryMinus(c.get(0));
    }

    @Override
    public String sql() {
        return "(- " + child.sql() + ")";
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        Evaluator c = child.evaluator(context);
        boolean isInt = dataType() == DataTypes.IntegerType;
        boolean isDouble = dataType() == DataTypes.DoubleType;
        boolean ansi = context.ansi();
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                c.eval(row);
                isNull = c.isNull;
                if (isNull) {
                    return;
                }
                if (isDouble) {
                    d = -c.d;
                } else {
                    l = SqlArithmetic.negate(c.l, isInt, ansi);
                }
            }
        };
    }
}

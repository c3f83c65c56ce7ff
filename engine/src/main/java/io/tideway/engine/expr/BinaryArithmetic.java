package io.tideway.engine.expr;

import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/** {@code + - * / %} over numbers; {@code /} is always double, as in Spark. */
public final class BinaryArithmetic extends BinaryExpression implements Coercible {
    private static final long serialVersionUID = 1L;

    public enum Op {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), REMAINDER("%");
        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private final Op op;

    public Op op() {
        return op;
    }

    public BinaryArithmetic(Op op, Expression left, Expression right) {
        super(left, right);
        this.op = op;
    }


    @Override
    public Expression withChildren(List<Expression> c) {
        return new BinaryArithmetic(op, c.get(0), c.get(1));
    }

    @Override
    public String sql() {
        return "(" + left.sql() + " " + op.symbol + " " + right.sql() + ")";
    }

    @Override
    public Expression coerceTypes() {
        if (op == Op.ADD || op == Op.SUBTRACT) {
            // timestamp ± interval is a timestamp; both are microseconds, so the long path adds them
            if (left.dataType() == DataTypes.TimestampType && right.dataType() == DataTypes.DayTimeIntervalType) {
                return this;
            }
            if (op == Op.ADD && left.dataType() == DataTypes.DayTimeIntervalType && right.dataType() == DataTypes.TimestampType) {
                return new BinaryArithmetic(op, right, left);
            }
        }
        DataType t = TypeCoercion.widerNumeric(left.dataType(), right.dataType());
        if (t == null) {
            throw TypeCoercion.mismatch(sql(), left.dataType(), right.dataType());
        }
        if (op == Op.DIVIDE) {
            t = DataTypes.DoubleType;
        }
        return new BinaryArithmetic(op, TypeCoercion.castIfNeeded(left, t), TypeCoercion.castIfNeeded(right, t));
    }

    @Override
    public DataType dataType() {
        return left.dataType();
    }

    @Override
    public boolean nullable() {
        return true; // division by zero gives null
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        Evaluator a = left.evaluator(context);
        Evaluator b = right.evaluator(context);
        DataType t = dataType();
        if (t == DataTypes.DoubleType) {
            return new Evaluator() {
                @Override
                public void eval(RowReader row) {
                    a.eval(row);
                    b.eval(row);
                    isNull = a.isNull || b.isNull;
                    if (isNull) {
                        return;
                    }
                    switch (op) {
                        case ADD -> d = a.d + b.d;
                        case SUBTRACT -> d = a.d - b.d;
                        case MULTIPLY -> d = a.d * b.d;
                        case DIVIDE -> {
                            isNull = b.d == 0.0;
                            d = a.d / b.d;
                        }
                        case REMAINDER -> {
                            isNull = b.d == 0.0;
                            d = a.d % b.d;
                        }
                    }
                }
            };
        }
        boolean isInt = t == DataTypes.IntegerType;
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                a.eval(row);
                b.eval(row);
                isNull = a.isNull || b.isNull;
                if (isNull) {
                    return;
                }
                long r;
                switch (op) {
                    case ADD -> r = a.l + b.l;
                    case SUBTRACT -> r = a.l - b.l;
                    case MULTIPLY -> r = a.l * b.l;
                    default -> {
                        if (b.l == 0) {
                            isNull = true;
                            return;
                        }
                        r = a.l % b.l;
                    }
                }
                l = isInt ? (int) r : r;
            }
        };
    }
}

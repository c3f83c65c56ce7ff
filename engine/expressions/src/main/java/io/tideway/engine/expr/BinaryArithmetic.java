package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.UnsupportedExpression;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;

import java.util.List;

/**
 * {@code + - * / %}, {@code div} and {@code pmod} over numbers; {@code /} is always double and
 * {@code div} always bigint, as in Spark. In try mode (Spark's {@code EvalMode.TRY}: try_add,
 * try_divide...) the operation's own overflow and a zero divisor give null; its operands' errors
 * still fail. A try of a non-number (a string, a date) is Spark's {@code TryEval} of the ANSI
 * operation, which turns every error into null.
 */
public final class BinaryArithmetic extends BinaryExpression implements Coercible {
    private static final long serialVersionUID = 1L;

    public enum Op {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), REMAINDER("%"), DIV("div"), PMOD("pmod");
        final String symbol;

        /** The operator as SQL writes it. */
        public String symbol() {
            return symbol;
        }

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private final Op op;
    /** The SQL function that built this (Spark's FUNC_ALIAS: {@code mod}), which names it; null for an operator. */
    private final String functionName;
    /** Spark's {@code EvalMode.TRY}: the operation's overflow and a zero divisor give null. */
    private final boolean tryMode;

    public Op op() {
        return op;
    }

    public BinaryArithmetic(Op op, Expression left, Expression right) {
        this(op, left, right, null);
    }

    private BinaryArithmetic(Op op, Expression left, Expression right, String functionName) {
        this(op, left, right, functionName, false);
    }

    private BinaryArithmetic(Op op, Expression left, Expression right, String functionName, boolean tryMode) {
        super(left, right);
        this.op = op;
        this.functionName = functionName;
        this.tryMode = tryMode;
    }

    /** The same operation, named as the SQL function {@code name} (the column is {@code mod(i, 2)}, not {@code (i % 2)}). */
    public BinaryArithmetic asFunction(String name) {
        return new BinaryArithmetic(op, left, right, name, tryMode);
    }

    /** The same operation in try mode: null on overflow and zero divisors, whatever the ANSI setting. */
    public BinaryArithmetic inTryMode() {
        return new BinaryArithmetic(op, left, right, functionName, true);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new BinaryArithmetic(op, c.get(0), c.get(1), functionName, tryMode);
    }

    /** Whether overflow is checked; a try checks it (to give null) and treats a zero divisor as without ANSI. */
    private boolean ansi(boolean sessionAnsi) {
        return tryMode ? !divides() : sessionAnsi;
    }

    @Override
    public String sql() {
        return functionName != null ? functionName + "(" + left.sql() + ", " + right.sql() + ")"
                : op == Op.PMOD ? "pmod(" + left.sql() + ", " + right.sql() + ")"
                : "(" + left.sql() + " " + op.symbol + " " + right.sql() + ")";
    }

    /**
     * The one type both operands have once Spark's ANSI coercion casts a string operand to the
     * other's type ({@code s - b} subtracts two booleans), or null if they still differ.
     */
    private static DataType sameTypeOnceCoerced(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a == DataTypes.StringType && b == DataTypes.BooleanType || b == DataTypes.StringType && a == DataTypes.BooleanType) {
            return DataTypes.BooleanType;
        }
        return null;
    }

    /** The input types of Spark's operator, as its {@code BINARY_OP_WRONG_TYPE} prints them. */
    private String requiredTypes() {
        return switch (op) {
            case ADD, SUBTRACT -> "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")";
            case DIVIDE -> "(\"DOUBLE\" or \"DECIMAL\")";
            case MULTIPLY, REMAINDER, PMOD -> "\"NUMERIC\"";
            case DIV -> "(\"BIGINT\" or \"DECIMAL\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")";
        };
    }

    @Override
    public Expression coerceTypes() {
        if (tryMode && !(left.dataType().isNumeric() && right.dataType().isNumeric())) {
            // Spark's try_add of a string or a date: TryEval of the ANSI operation
            Expression ansiOp = new BinaryArithmetic(op, left, right, null, false).coerceTypes();
            return new TryEval(ansiOp, sql());
        }
        return coerceNumbers();
    }

    private Expression coerceNumbers() {
        // a date, timestamp or interval operand: Spark's datetime arithmetic (TimeAdd, SubtractDates...)
        Expression datetime = io.tideway.engine.expr.fn.IntervalFunctions.resolve(op, left, right, sql());
        if (datetime != null) {
            return datetime;
        }
        if (op == Op.ADD || op == Op.SUBTRACT) {
            // Spark 4 turns date + int into date_add (and date - int into date_sub)
            DataType a = left.dataType();
            DataType b = right.dataType();
            if (a == DataTypes.DateType && b == DataTypes.IntegerType) {
                return io.tideway.engine.expr.fn.FunctionRegistry.call(op == Op.ADD ? "date_add" : "date_sub", left, right);
            }
            if (op == Op.ADD && a == DataTypes.IntegerType && b == DataTypes.DateType) {
                return io.tideway.engine.expr.fn.FunctionRegistry.call("date_add", right, left);
            }
        }
        Expression decimals = coerceDecimals();
        if (decimals != null) {
            return decimals;
        }
        if (op == Op.DIV) {
            return coerceIntegralDivide();
        }
        DataType t = TypeCoercion.widerNumeric(left.dataType(), right.dataType());
        if (t == null) {
            DataType same = sameTypeOnceCoerced(left.dataType(), right.dataType());
            if (same != null) {
                throw TypeCoercion.wrongType(this, requiredTypes(), same);
            }
            throw TypeCoercion.mismatch(this, left.dataType(), right.dataType());
        }
        Expression a = left.dataType() == DataTypes.StringType ? TypeCoercion.castIfNeeded(left, t) : left;
        Expression b = right.dataType() == DataTypes.StringType ? TypeCoercion.castIfNeeded(right, t) : right;
        if (op == Op.DIVIDE) { // a string beside an integral is read as a BIGINT first ('1e2' / 2 fails)
            t = DataTypes.DoubleType;
        }
        return new BinaryArithmetic(op, TypeCoercion.castIfNeeded(a, t), TypeCoercion.castIfNeeded(b, t), functionName, tryMode);
    }

    /**
     * Spark's {@code DecimalPrecision}: a decimal beside an integral (or another decimal, or NULL)
     * computes in decimals, the integral as {@link DecimalPrecision#operandType}; beside a double
     * both are doubles. Null when neither operand is a decimal.
     */
    private Expression coerceDecimals() {
        DataType a = left.dataType();
        DataType b = right.dataType();
        if (!(a instanceof DecimalType) && !(b instanceof DecimalType)) {
            return null;
        }
        if (a == DataTypes.DoubleType || b == DataTypes.DoubleType || a == DataTypes.FloatType || b == DataTypes.FloatType) {
            BinaryArithmetic doubles = new BinaryArithmetic(op, TypeCoercion.castIfNeeded(left, DataTypes.DoubleType),
                    TypeCoercion.castIfNeeded(right, DataTypes.DoubleType), functionName, tryMode);
            return op == Op.DIV ? doubles.coerceIntegralDivide() : doubles; // div refuses doubles
        }
        DecimalType x = a == DataTypes.NullType ? (DecimalType) b : DecimalPrecision.operandType(left);
        DecimalType y = b == DataTypes.NullType ? (DecimalType) a : DecimalPrecision.operandType(right);
        if (x == null || y == null) {
            return null;
        }
        return new BinaryArithmetic(op, TypeCoercion.castIfNeeded(left, x), TypeCoercion.castIfNeeded(right, y),
                functionName, tryMode);
    }

    /** Whether both operands are decimals (after coercion): the result is one too, except {@code div}'s. */
    private boolean decimal() {
        return left.dataType() instanceof DecimalType && right.dataType() instanceof DecimalType;
    }

    /**
     * Spark's {@code IntegralDivide}: integral operands (and a string beside one) become BIGINT; then
     * both must be BIGINT ({@code BINARY_OP_WRONG_TYPE} for two of another type, else
     * {@code BINARY_OP_DIFF_TYPES}).
     */
    private Expression coerceIntegralDivide() {
        Expression a = integralToLong(left, right.dataType());
        Expression b = integralToLong(right, left.dataType());
        DataType x = a.dataType();
        DataType y = b.dataType();
        if (x == DataTypes.NullType) {
            a = TypeCoercion.castIfNeeded(a, x = y == DataTypes.NullType ? DataTypes.LongType : y);
        }
        if (y == DataTypes.NullType) {
            b = TypeCoercion.castIfNeeded(b, y = x);
        }
        BinaryArithmetic cast = new BinaryArithmetic(op, a, b, functionName, tryMode);
        if (!x.equals(y)) {
            throw TypeCoercion.mismatch(cast, x, y);
        }
        if (x != DataTypes.LongType) {
            throw TypeCoercion.wrongType(cast, requiredTypes(), x);
        }
        return cast;
    }

    private static Expression integralToLong(Expression e, DataType other) {
        DataType t = e.dataType();
        boolean integral = TypeCoercion.integral(t);
        boolean stringBesideIntegral = t == DataTypes.StringType && TypeCoercion.integral(other);
        return integral || stringBesideIntegral ? TypeCoercion.castIfNeeded(e, DataTypes.LongType) : e;
    }

    @Override
    public DataType dataType() {
        if (op == Op.DIV) {
            return DataTypes.LongType;
        }
        return decimal() ? DecimalPrecision.result(op, (DecimalType) left.dataType(), (DecimalType) right.dataType())
                : left.dataType();
    }

    @Override
    public boolean nullable() {
        // Spark's DivModLike: a zero divisor gives null without ANSI; + - * overflow wraps or fails, never null
        return divides() || tryMode || left.nullable() || right.nullable();
    }

    private boolean divides() {
        return op == Op.DIVIDE || op == Op.REMAINDER || op == Op.DIV || op == Op.PMOD;
    }

    /**
     * Evaluates as Spark does, which decides which error a row raises: {@code + - *} evaluate the
     * left operand first and skip the right one when it is null; {@code / %} evaluate the divisor
     * first (a zero divisor gives null at once without ANSI), then the dividend, and only then
     * fail on a zero divisor under ANSI, so a null dividend gives null.
     */
    @Override
    public Evaluator evaluator(EvalContext context) {
        DataType type = dataType();
        if (decimal() || type == DataTypes.ByteType || type == DataTypes.ShortType || type == DataTypes.FloatType) {
            return io.tideway.engine.expr.codegen.NodeEvaluators.compile(this, context);
        }
        Evaluator a = left.evaluator(context);
        Evaluator b = right.evaluator(context);
        boolean isDouble = dataType() == DataTypes.DoubleType;
        boolean isInt = dataType() == DataTypes.IntegerType;
        boolean ansi = ansi(context.ansi());
        boolean divides = divides();
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                Evaluator first = divides ? b : a;
                first.eval(row);
                isNull = first.isNull || divides && !ansi && zeroDivisor(false);
                if (isNull) {
                    return;
                }
                Evaluator second = divides ? a : b;
                second.eval(row);
                isNull = second.isNull || divides && zeroDivisor(ansi);
                if (isNull) {
                    return;
                }
                if (isDouble) {
                    d = switch (op) {
                        case ADD -> a.d + b.d;
                        case SUBTRACT -> a.d - b.d;
                        case MULTIPLY -> a.d * b.d;
                        case DIVIDE -> a.d / b.d;
                        case REMAINDER -> a.d % b.d;
                        case PMOD -> io.tideway.engine.expr.fn.MathKernels.pmod(a.d, b.d);
                        case DIV -> throw new IllegalStateException("div of doubles");
                    };
                } else {
                    l = switch (op) {
                        case ADD, SUBTRACT, MULTIPLY -> {
                            try {
                                yield op == Op.ADD ? SqlArithmetic.add(a.l, b.l, isInt, ansi)
                                        : op == Op.SUBTRACT ? SqlArithmetic.subtract(a.l, b.l, isInt, ansi)
                                        : SqlArithmetic.multiply(a.l, b.l, isInt, ansi);
                            } catch (ArithmeticException overflow) {
                                if (!tryMode) {
                                    throw overflow;
                                }
                                isNull = true;
                                yield 0L;
                            }
                        }
                        case DIVIDE, REMAINDER -> a.l % b.l; // an integral divide is coerced to double; this is its remainder
                        case PMOD -> io.tideway.engine.expr.fn.MathKernels.pmod(a.l, b.l, isInt);
                        case DIV -> io.tideway.engine.expr.fn.MathKernels.div(a.l, b.l, ansi);
                    };
                }
            }

            private boolean zeroDivisor(boolean failIfZero) {
                return isDouble ? SqlArithmetic.divisorIsZero(b.d, failIfZero) : SqlArithmetic.divisorIsZero(b.l, failIfZero);
            }
        };
    }

    /** In the interpreted evaluator's order: left then right for {@code + - *}; divisor, dividend, zero test for {@code / %}. */
    @Override
    public CodeValue genCode(CodegenContext ctx) {
        DataType t = dataType();
        boolean small = t == DataTypes.ByteType || t == DataTypes.ShortType;
        boolean isFloat = t == DataTypes.FloatType;
        boolean sameTypes = left.dataType().equals(t) && right.dataType().equals(t);
        if (!decimal() && (!(t == DataTypes.DoubleType || t == DataTypes.IntegerType || t == DataTypes.LongType || small || isFloat)
                || !sameTypes)) {
            throw new UnsupportedExpression("arithmetic on " + t.simpleString());
        }
        String math = SqlArithmetic.class.getName() + ".";
        String kernels = io.tideway.engine.expr.fn.MathKernels.class.getName() + ".";
        boolean ansi = ansi(ctx.ansi());
        boolean divides = divides();
        CodeValue v = ctx.declare(t);
        CodeValue first = ctx.gen(divides ? right : left);
        String zero = math + "divisorIsZero(" + first.value() + ", ";
        String firstNull = divides && !ansi ? first.isNull() + " || " + zero + "false)" : first.isNull();
        ctx.open("if (!(" + firstNull + "))");
        CodeValue second = ctx.gen(divides ? left : right);
        String x = (divides ? second : first).value();
        String y = (divides ? first : second).value();
        ctx.line(v.isNull() + " = " + second.isNull() + (divides && ansi ? " || " + zero + "true)" : "") + ";");
        ctx.open("if (!" + v.isNull() + ")");
        if (decimal()) {
            decimalOperation(ctx, v, x, y, ansi);
        } else if (t == DataTypes.DoubleType || isFloat) {
            String symbol = switch (op) {
                case ADD -> " + ";
                case SUBTRACT -> " - ";
                case MULTIPLY -> " * ";
                case DIVIDE -> " / ";
                case REMAINDER -> " % ";
                case PMOD, DIV -> null;
            };
            String r = op == Op.PMOD ? kernels + "pmod(" + x + ", " + y + ")" : x + symbol + y;
            // a float is held as the double it equals: round each result to a float, as Java's float arithmetic does
            ctx.line(v.value() + " = " + (isFloat ? "(double) (float) (" + r + ")" : r) + ";");
        } else if (small && (op == Op.ADD || op == Op.SUBTRACT || op == Op.MULTIPLY)) {
            String symbol = op == Op.ADD ? "+" : op == Op.SUBTRACT ? "-" : "*";
            String tryName = op == Op.ADD ? "try_add" : op == Op.SUBTRACT ? "try_subtract" : "try_multiply";
            if (tryMode) {
                ctx.open("try");
            }
            ctx.line(v.value() + " = " + math + "narrowSmall(" + x + " " + symbol + " " + y + ", " + (t == DataTypes.ByteType ? 8 : 16)
                    + ", " + ansi + ", " + x + ", \"" + symbol + "\", " + y + ", \"" + tryName + "\");");
            if (tryMode) {
                ctx.then("catch (ArithmeticException " + ctx.fresh("overflow") + ")");
                ctx.line(v.isNull() + " = true;");
                ctx.close();
            }
        } else {
            String args = "(" + x + ", " + y + ", " + (t == DataTypes.IntegerType) + ", " + ansi + ");";
            boolean catches = tryMode && (op == Op.ADD || op == Op.SUBTRACT || op == Op.MULTIPLY);
            if (catches) {
                ctx.open("try");
            }
            switch (op) {
                case ADD -> ctx.line(v.value() + " = " + math + "add" + args);
                case SUBTRACT -> ctx.line(v.value() + " = " + math + "subtract" + args);
                case MULTIPLY -> ctx.line(v.value() + " = " + math + "multiply" + args);
                // the interpreted evaluator's integral default branch: the remainder
                case DIVIDE, REMAINDER -> ctx.line(v.value() + " = " + x + " % " + y + ";");
                case PMOD -> ctx.line(v.value() + " = " + kernels + "pmod(" + x + ", " + y + ", " + (t != DataTypes.LongType) + ");");
                case DIV -> ctx.line(v.value() + " = " + kernels + "div(" + x + ", " + y + ", " + ansi + ");");
            }
            if (catches) {
                ctx.then("catch (ArithmeticException " + ctx.fresh("overflow") + ")");
                ctx.line(v.isNull() + " = true;");
                ctx.close();
            }
        }
        ctx.close();
        ctx.close();
        return v;
    }

    /** The operation on two decimals: the result rounded to its type, null or (ANSI) an error when out of range. */
    private void decimalOperation(CodegenContext ctx, CodeValue v, String x, String y, boolean ansi) {
        String k = DecimalKernels.class.getName() + ".";
        if (op == Op.DIV) {
            ctx.line(v.value() + " = " + k + "div(" + x + ", " + y + ", " + ansi + ");");
            return;
        }
        DecimalType d = (DecimalType) v.type();
        String kernel = switch (op) {
            case ADD -> "add";
            case SUBTRACT -> "subtract";
            case MULTIPLY -> "multiply";
            case DIVIDE -> "divide";
            case REMAINDER -> "remainder";
            case PMOD -> "pmod";
            case DIV -> throw new IllegalStateException();
        };
        // a try's overflow gives null as without ANSI; with ANSI the kernel raises it
        boolean fails = ansi && !tryMode;
        ctx.line(v.value() + " = " + k + kernel + "(" + x + ", " + y + ", " + d.precision() + ", " + d.scale() + ", "
                + fails + ");");
        ctx.line(v.isNull() + " = " + v.value() + " == null;");
    }
}

package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.UnsupportedExpression;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/** {@code = != < <= > >=}, null when either side is null (SQL three-valued logic). */
public final class Comparison extends BinaryExpression implements Coercible {
    private static final long serialVersionUID = 1L;

    public enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");
        final String symbol;

        /** The operator as SQL writes it. */
        public String symbol() {
            return symbol;
        }

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean test(int cmp) {
            return switch (this) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }
    }

    private final Op op;

    public Op op() {
        return op;
    }

    public Comparison(Op op, Expression left, Expression right) {
        super(left, right);
        this.op = op;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Comparison(op, c.get(0), c.get(1));
    }

    @Override
    public String sql() {
        String sym = op == Op.NE ? "!=" : op.symbol;
        return op == Op.NE ? "(NOT (" + left.sql() + " = " + right.sql() + "))"
                : "(" + left.sql() + " " + sym + " " + right.sql() + ")";
    }

    /**
     * Both sides cast to their {@link CommonType} (Spark 4's ANSI rules: a string compared with an
     * integral becomes a BIGINT, with a date a DATE; without ANSI a string takes the other side's
     * type); none is {@code BINARY_OP_DIFF_TYPES}.
     */
    @Override
    public Expression coerceTypes() {
        DataType a = left.dataType();
        DataType b = right.dataType();
        if (io.tideway.engine.expr.fn.VariantCast.containsVariant(a)) { // Spark's checkForOrderingExpr
            Comparison shown = op == Op.NE ? new Comparison(Op.EQ, left, right) : this;
            throw io.tideway.engine.error.Unchecked.raise(new io.tideway.sql.AnalysisException("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE",
                    java.util.Map.of("sqlExpr", io.tideway.engine.error.ErrorParams.expr(shown.sql()),
                            "functionName", "`" + shown.op.symbol + "`", "dataType", io.tideway.engine.error.ErrorParams.type(a)),
                    sqlOrigin()));
        }
        if (a.equals(b) || CommonType.sameStructShape(a, b)) {
            return this;
        }
        if (a instanceof io.tideway.sql.types.DecimalType || b instanceof io.tideway.sql.types.DecimalType) {
            // Spark's DecimalPrecision: an integral literal beside a decimal is first a decimal of its own digits
            Expression x = literalAsDecimal(left, b);
            Expression y = literalAsDecimal(right, a);
            if (x != left || y != right) {
                return new Comparison(op, x, y).coerceTypes();
            }
        }
        DataType t = SessionConf.ansi() ? null : CommonType.forComparisonWithoutAnsi(a, b);
        t = t != null ? t : CommonType.of(a, b, true);
        if (t == null) { // Spark's a <> b is NOT(a = b): the error names the equality
            throw TypeCoercion.mismatch(op == Op.NE ? new Comparison(Op.EQ, left, right) : this, a, b);
        }
        return new Comparison(op, TypeCoercion.castIfNeeded(left, t), TypeCoercion.castIfNeeded(right, t));
    }

    private static Expression literalAsDecimal(Expression e, DataType other) {
        return other instanceof io.tideway.sql.types.DecimalType && e instanceof Literal && e.dataType() != DataTypes.NullType
                && DecimalPrecision.forIntegral(e.dataType()) != null && !(e.dataType() instanceof io.tideway.sql.types.DecimalType)
                ? TypeCoercion.castIfNeeded(e, DecimalPrecision.operandType(e)) : e;
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        if (left.dataType() instanceof io.tideway.sql.types.DecimalType || left.dataType() instanceof io.tideway.sql.types.ArrayType
                || left.dataType() instanceof io.tideway.sql.types.StructType) {
            return io.tideway.engine.expr.codegen.NodeEvaluators.compile(this, context);
        }
        Evaluator a = left.evaluator(context);
        Evaluator b = right.evaluator(context);
        DataType t = left.dataType();
        boolean isDouble = CodeValue.kindOf(t) == CodeValue.Kind.DOUBLE;
        boolean isBytes = !t.isFixedWidth();
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                a.eval(row);
                if (a.isNull) {
                    isNull = true; // Spark does not evaluate the right side then (nor raise its errors)
                    return;
                }
                b.eval(row);
                isNull = b.isNull;
                if (isNull) {
                    return;
                }
                int cmp;
                if (isDouble) {
                    cmp = SqlArithmetic.compare(a.d, b.d);
                } else if (isBytes) {
                    cmp = Bytes.compare(a.buf, a.off, a.len, b.buf, b.off, b.len);
                } else {
                    cmp = Long.compare(a.l, b.l);
                }
                l = op.test(cmp) ? 1 : 0;
            }
        };
    }

    /**
     * A Java int expression ordering two non-null values of one kind as Spark SQL does (doubles by
     * {@link SqlArithmetic#compare}: NaN equals NaN and is the largest, -0.0 equals 0.0; strings
     * and binaries by unsigned bytes).
     */
    public static String compareCode(CodegenContext ctx, CodeValue a, CodeValue b) {
        if (a.type() instanceof io.tideway.sql.types.ArrayType at) {
            // element by element, as Spark orders arrays (not by their bytes)
            String element = ctx.constant(at.elementType(), DataType.class.getName());
            return io.tideway.engine.expr.fn.ArrayElements.class.getName() + ".compareArrays(" + CodegenContext.args(a, b)
                    + ", " + element + ")";
        }
        if (a.type() instanceof io.tideway.sql.types.StructType st) {
            String type = ctx.constant(st, io.tideway.sql.types.StructType.class.getName());
            return io.tideway.engine.expr.fn.ArrayElements.class.getName() + ".compareStructs(" + CodegenContext.args(a, b)
                    + ", " + type + ")";
        }
        return compareCode(a, b);
    }

    /** {@link #compareCode(CodegenContext, CodeValue, CodeValue)} for values other than arrays. */
    public static String compareCode(CodeValue a, CodeValue b) {
        return switch (a.kind()) {
            case DOUBLE -> SqlArithmetic.class.getName() + ".compare(" + a.value() + ", " + b.value() + ")";
            case LONG -> "Long.compare(" + a.value() + ", " + b.value() + ")";
            case BYTES -> Bytes.class.getName() + ".compare(" + CodegenContext.args(a, b) + ")";
            case DECIMAL -> a.value() + ".compareTo(" + b.value() + ")";
        };
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        DataType t = left.dataType();
        if (!right.dataType().equals(t) && !CommonType.sameStructShape(t, right.dataType())) {
            throw new UnsupportedExpression("comparison of " + t.simpleString() + " with " + right.dataType().simpleString());
        }
        CodeValue v = ctx.declare(DataTypes.BooleanType);
        CodeValue a = ctx.gen(left);
        // the right side runs only for a non-null left side, as in the interpreter (and Spark)
        ctx.open("if (!" + a.isNull() + ")");
        CodeValue b = ctx.gen(right);
        String cmp = compareCode(ctx, a, b);
        String test = switch (op) {
            case EQ -> " == 0";
            case NE -> " != 0";
            case LT -> " < 0";
            case LE -> " <= 0";
            case GT -> " > 0";
            case GE -> " >= 0";
        };
        ctx.line(v.isNull() + " = " + b.isNull() + ";");
        ctx.line("if (!" + v.isNull() + ") { " + v.value() + " = " + cmp + test + " ? 1L : 0L; }");
        ctx.close();
        return v;
    }
}

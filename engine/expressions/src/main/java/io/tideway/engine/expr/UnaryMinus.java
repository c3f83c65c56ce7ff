package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.UnsupportedExpression;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Map;

/** Numeric negation: {@code -x}, or the function {@code negative(x)}/{@code negate}, which Spark names as called. */
public final class UnaryMinus extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    /** {@code negative} when called as the function (Spark's FUNC_ALIAS), else null: {@code (- x)}. */
    private final String functionName;

    public UnaryMinus(Expression child) {
        this(child, null);
    }

    public UnaryMinus(Expression child, String functionName) {
        this.child = child;
        this.functionName = functionName;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new UnaryMinus(c.get(0), functionName);
    }

    @Override
    public String sql() {
        return functionName != null ? functionName + "(" + child.sql() + ")" : "(- " + child.sql() + ")";
    }

    /** Spark takes numbers and intervals (a string is cast to a number); anything else is refused. */
    @Override
    public Expression coerceTypes() {
        Expression interval = io.tideway.engine.expr.fn.IntervalFunctions.negate(child, sql());
        if (interval != null) {
            return interval;
        }
        DataType t = child.dataType();
        if (t == DataTypes.BooleanType || t == DataTypes.TimestampType || t == DataTypes.DateType || t == DataTypes.BinaryType
                || t instanceof ArrayType || t instanceof StructType) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of("sqlExpr",
                    ErrorParams.expr(sql()), "paramIndex", ErrorParams.ordinal(0), "requiredType",
                    "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")",
                    "inputSql", ErrorParams.expr(child.sql()), "inputType", ErrorParams.type(t)), sqlOrigin()));
        }
        if (t == DataTypes.StringType || t == DataTypes.NullType) { // Spark's implicit cast to its NumericType default
            return new UnaryMinus(TypeCoercion.castIfNeeded(child, DataTypes.DoubleType), functionName);
        }
        return this;
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        DataType type = dataType();
        if (type instanceof io.tideway.sql.types.DecimalType || type == DataTypes.ByteType || type == DataTypes.ShortType
                || type == DataTypes.FloatType) {
            return io.tideway.engine.expr.codegen.NodeEvaluators.compile(this, context);
        }
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

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        DataType t = dataType();
        boolean decimal = t instanceof io.tideway.sql.types.DecimalType;
        boolean small = t == DataTypes.ByteType || t == DataTypes.ShortType;
        if (!(decimal || small || t == DataTypes.FloatType || t == DataTypes.DoubleType || t == DataTypes.IntegerType
                || t == DataTypes.LongType)) {
            throw new UnsupportedExpression("minus on " + t.simpleString());
        }
        CodeValue c = ctx.gen(children().get(0));
        CodeValue v = ctx.declare(t);
        ctx.line(v.isNull() + " = " + c.isNull() + ";");
        if (decimal) {
            ctx.line("if (!" + v.isNull() + ") { " + v.value() + " = " + c.value() + ".negate(); }");
        } else if (t == DataTypes.DoubleType || t == DataTypes.FloatType) {
            ctx.line(v.value() + " = -" + c.value() + ";");
        } else if (small) {
            ctx.line("if (!" + v.isNull() + ") { " + v.value() + " = " + SqlArithmetic.class.getName() + ".negateSmall("
                    + c.value() + ", " + (t == DataTypes.ByteType ? 8 : 16) + ", " + ctx.ansi() + "); }");
        } else {
            ctx.line("if (!" + v.isNull() + ") { " + v.value() + " = " + SqlArithmetic.class.getName() + ".negate("
                    + c.value() + ", " + (t == DataTypes.IntegerType) + ", " + ctx.ansi() + "); }");
        }
        return v;
    }
}

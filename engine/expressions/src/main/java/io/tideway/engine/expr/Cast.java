package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.UnsupportedExpression;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code CAST(x AS T)} with Spark's non-ANSI rules: a value that cannot convert becomes null. */
public final class Cast extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final DataType to;
    private final boolean implicit;

    public Cast(Expression child, DataType to) {
        this(child, to, false);
    }

    /** @param implicit inserted by type coercion: invisible in the column name, as in Spark */
    Cast(Expression child, DataType to, boolean implicit) {
        this.child = child;
        this.to = to;
        this.implicit = implicit;
    }

    public Expression child() {
        return child;
    }

    /**
     * {@code e} as a projection names it: a cast the user wrote around a named column keeps that
     * column's name ({@code i}, not {@code CAST(i AS BIGINT)}), as Spark's {@code Column.named}
     * and {@code ResolveAliases} do; any other expression is returned as it is.
     */
    public static Expression namedAfterChild(Expression e) {
        if (e instanceof Cast c && !c.implicit) {
            String name = c.child instanceof BoundReference r ? r.name()
                    : c.child instanceof Alias a ? a.name()
                    : c.child instanceof GetStructField f && f.namedByField() ? f.name() : null;
            if (name != null) {
                return new Alias(e, name);
            }
        }
        return e;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Cast(c.get(0), to, implicit);
    }

    @Override
    public String sql() {
        if (implicit) {
            return child.sql();
        }
        return "CAST(" + child.sql() + " AS " + to.simpleString().toUpperCase(Locale.ROOT) + ")";
    }

    @Override
    public Expression coerceTypes() {
        DataType from = child.dataType();
        if (!canCast(from, to)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", Map.of(
                    "sqlExpr", ErrorParams.expr(sql()), "srcType", ErrorParams.type(from), "targetType", ErrorParams.type(to)), sqlOrigin()));
        }
        return this;
    }

    static boolean canCast(DataType from, DataType to) {
        if (from.equals(to) || from == DataTypes.NullType || to == DataTypes.StringType && !(from instanceof StructType)) {
            return true;
        }
        if (from instanceof ArrayType || from instanceof StructType || to instanceof ArrayType || to instanceof StructType) {
            return false;
        }
        if (to == DataTypes.BinaryType) {
            return from == DataTypes.StringType;
        }
        return from != DataTypes.BinaryType;
    }

    @Override
    public DataType dataType() {
        return to;
    }

    @Override
    public boolean nullable() {
        return child.nullable() || forceNullable(child.dataType(), to);
    }

    /**
     * Spark's {@code Cast.forceNullable}: whether a cast can make null of a non-null value
     * (a string that does not parse, a double that is NaN as an integer, a date from a number).
     */
    static boolean forceNullable(DataType from, DataType to) {
        if (from == DataTypes.NullType || (from == DataTypes.StringType && to == DataTypes.BinaryType)) {
            return false;
        }
        if (from == DataTypes.StringType) {
            return true;
        }
        if (to == DataTypes.StringType) {
            return false;
        }
        if (from == DataTypes.DoubleType && to == DataTypes.TimestampType) {
            return true;
        }
        if (to == DataTypes.DateType) {
            return from != DataTypes.TimestampType;
        }
        if (from == DataTypes.DateType) {
            return to != DataTypes.TimestampType;
        }
        return from == DataTypes.DoubleType && (to == DataTypes.IntegerType || to == DataTypes.LongType);
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return CastEvaluator.create(child.evaluator(context), child.dataType(), to, context.ansi());
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        DataType from = child().dataType();
        DataType to = dataType();
        CodeValue in = ctx.gen(child());
        CodeValue v = ctx.declare(to);
        if (from == DataTypes.NullType) {
            return v;
        }
        boolean numericFrom = from == DataTypes.IntegerType || from == DataTypes.LongType || from == DataTypes.DoubleType
                || from == DataTypes.BooleanType;
        boolean numericTo = to == DataTypes.IntegerType || to == DataTypes.LongType || to == DataTypes.DoubleType
                || to == DataTypes.BooleanType;
        if (from.equals(to)) {
            ctx.assign(v, in);
            return v;
        }
        if (!numericFrom || !numericTo) {
            throw new UnsupportedExpression("cast " + from.simpleString() + " to " + to.simpleString());
        }
        ctx.line(v.isNull() + " = " + in.isNull() + ";");
        String math = SqlArithmetic.class.getName() + ".";
        boolean fromDouble = from == DataTypes.DoubleType;
        if (to == DataTypes.DoubleType) {
            ctx.line(v.value() + " = (double) " + in.value() + ";");
        } else if (to == DataTypes.BooleanType) {
            ctx.line(v.value() + " = " + in.value() + (fromDouble ? " != 0.0" : " != 0L") + " ? 1L : 0L;");
        } else if (fromDouble) {
            ctx.line("if (!" + v.isNull() + ") { " + v.value() + " = " + math + "doubleToIntegral(" + in.value() + ", "
                    + (to == DataTypes.IntegerType) + ", " + ctx.ansi() + "); }");
        } else if (to == DataTypes.IntegerType && from == DataTypes.LongType) {
            ctx.line("if (!" + v.isNull() + ") { " + v.value() + " = " + math + "longToInt(" + in.value() + ", "
                    + ctx.ansi() + "); }");
        } else {
            ctx.line(v.value() + " = " + in.value() + ";");
        }
        return v;
    }
}

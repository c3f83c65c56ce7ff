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
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code CAST(x AS T)}: under ANSI a value that cannot convert fails, else it becomes null; Spark's
 * {@code try_cast} ({@link #tryCast}) gives null instead of failing.
 */
public final class Cast extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final DataType to;
    private final boolean implicit;
    /** Spark's {@code EvalMode.TRY}: the cast's own failure gives null. */
    private final boolean tryMode;
    /** The building session's {@code spark.sql.ansi.enabled} ({@link SessionConf}): which casts analysis refuses. */
    private final boolean ansi;

    public Cast(Expression child, DataType to) {
        this(child, to, false, false);
    }

    /** @param implicit inserted by type coercion: invisible in the column name, as in Spark */
    Cast(Expression child, DataType to, boolean implicit) {
        this(child, to, implicit, false);
    }

    private Cast(Expression child, DataType to, boolean implicit, boolean tryMode) {
        this(child, to, implicit, tryMode, SessionConf.ansi());
    }

    private Cast(Expression child, DataType to, boolean implicit, boolean tryMode, boolean ansi) {
        this.child = child;
        this.to = CharVarcharTypes.asString(to); // Spark 4 casts to char(n)/varchar(n) as to string
        this.implicit = implicit;
        this.tryMode = tryMode;
        this.ansi = ansi;
    }

    /** {@code try_cast(x AS T)}: the cast, or null where it fails (an error in {@code x} itself still fails). */
    public static Cast tryCast(Expression child, DataType to) {
        return new Cast(child, to, false, true);
    }

    public Expression child() {
        return child;
    }

    /** Inserted by type coercion, not written by the user. */
    public boolean isImplicit() {
        return implicit;
    }

    /**
     * {@code e} as a projection names it: a cast the user wrote around a named column keeps that
     * column's name ({@code i}, not {@code CAST(i AS BIGINT)}), as Spark's {@code Column.named}
     * and {@code ResolveAliases} do, through casts of casts ({@code CAST(CAST(i AS BIGINT) AS STRING)}
     * is {@code i}); any other expression is returned as it is.
     */
    public static Expression namedAfterChild(Expression e) {
        if (e instanceof Cast c && !c.implicit) {
            Expression inner = c.child;
            while (inner instanceof Cast nested) {
                inner = nested.child;
            }
            String name = inner instanceof BoundReference r ? r.name()
                    : inner instanceof Alias a ? a.name()
                    : inner instanceof GetStructField f && f.namedByField() ? f.name() : null;
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
        return new Cast(c.get(0), to, implicit, tryMode, ansi);
    }

    @Override
    public String sql() {
        if (implicit || to instanceof StructType || to instanceof ArrayType || to instanceof io.tideway.sql.types.MapType) {
            // Spark prints a cast to a struct, array or map as its child
            return child.sql();
        }
        return (tryMode ? "TRY_CAST(" : "CAST(") + child.sql() + " AS " + to.sql() + ")";
    }

    @Override
    public Expression coerceTypes() {
        DataType from = child.dataType();
        if (!canCast(from, to)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", Map.of(
                    "sqlExpr", ErrorParams.expr(sql()), "srcType", ErrorParams.type(from), "targetType", ErrorParams.type(to)), sqlOrigin()));
        }
        if ((ansi || tryMode) && !implicit && ansiRefuses(from, to)) {
            throw refusedUnderAnsi(from);
        }
        return this;
    }

    /**
     * Casts Spark allows without ANSI but refuses with it or in {@code try_cast} ({@code Cast.canAnsiCast}):
     * between a boolean or a number and a date, and from a boolean to a timestamp or a datetime to a boolean.
     */
    private static boolean ansiRefuses(DataType from, DataType to) {
        boolean datetime = from == DataTypes.DateType || from == DataTypes.TimestampType;
        return from == DataTypes.DateType && (to.isNumeric() || to == DataTypes.BooleanType)
                || to == DataTypes.DateType && (from.isNumeric() || from == DataTypes.BooleanType)
                || datetime && to == DataTypes.BooleanType
                || from == DataTypes.BooleanType && to == DataTypes.TimestampType;
    }

    /** Spark's {@code Cast.typeCheckFailureMessage}: a function to use instead, or the setting that allows the cast. */
    private RuntimeException refusedUnderAnsi(DataType from) {
        Map<String, String> params = new java.util.HashMap<>(Map.of(
                "sqlExpr", ErrorParams.expr(sql()), "srcType", ErrorParams.type(from), "targetType", ErrorParams.type(to)));
        String condition;
        if (from.isNumeric() && to == DataTypes.DateType || from == DataTypes.DateType && to.isNumeric()) {
            condition = "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION";
            params.put("functionNames", from == DataTypes.DateType ? "`UNIX_DATE`" : "`DATE_FROM_UNIX_DATE`");
        } else if (tryMode) {
            condition = "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION";
        } else {
            condition = "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION";
            params.put("config", "\"spark.sql.ansi.enabled\"");
            params.put("configVal", "'false'");
        }
        throw Unchecked.raise(new AnalysisException(condition, params, sqlOrigin()));
    }

    static boolean canCast(DataType from, DataType to) {
        if (from.equals(to) || from == DataTypes.NullType || to == DataTypes.StringType) {
            return true;
        }
        if (from instanceof StructType a && to instanceof StructType b) {
            if (a.length() != b.length()) {
                return false;
            }
            for (int i = 0; i < a.length(); i++) {
                if (!canCast(a.apply(i).dataType(), b.apply(i).dataType())) {
                    return false;
                }
            }
            return true;
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return canCast(a.elementType(), b.elementType());
        }
        if (from instanceof io.tideway.sql.types.MapType a && to instanceof io.tideway.sql.types.MapType b) {
            return canCast(a.keyType(), b.keyType()) && canCast(a.valueType(), b.valueType());
        }
        if (from == DataTypes.VariantType || to == DataTypes.VariantType) {
            return io.tideway.engine.expr.fn.VariantCast.canCast(from, to);
        }
        if (io.tideway.engine.expr.fn.TemporalCasts.involves(from, to)) {
            return io.tideway.engine.expr.fn.TemporalCasts.canCast(from, to);
        }
        if (from instanceof ArrayType || from instanceof StructType || to instanceof ArrayType || to instanceof StructType
                || from instanceof io.tideway.sql.types.MapType || to instanceof io.tideway.sql.types.MapType) {
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
        return tryMode || child.nullable() || forceNullable(child.dataType(), to);
    }

    /**
     * Spark's {@code Cast.forceNullable}: whether a cast can make null of a non-null value
     * (a string that does not parse, a double that is NaN as an integer, a date from a number).
     */
    public static boolean forceNullable(DataType from, DataType to) {
        if (from.equals(to) || from == DataTypes.NullType || (from == DataTypes.StringType && to == DataTypes.BinaryType)) {
            return false;
        }
        if (from == DataTypes.StringType) {
            return true;
        }
        if (to == DataTypes.StringType) {
            return false;
        }
        boolean fractional = from == DataTypes.DoubleType || from == DataTypes.FloatType;
        if (fractional && to == DataTypes.TimestampType) {
            return true;
        }
        if (to == DataTypes.DateType) {
            return from != DataTypes.TimestampType;
        }
        if (from == DataTypes.DateType) {
            return to != DataTypes.TimestampType;
        }
        if (to instanceof DecimalType d) {
            return !DecimalPrecision.canNullSafeCast(from, d);
        }
        return (fractional || from instanceof DecimalType) && TypeCoercion.integral(to);
    }

    /**
     * Atomic types run this cast's code (compiled alone, {@link io.tideway.engine.expr.codegen.NodeEvaluators});
     * only values generated code cannot hold (arrays, intervals) take {@link CastEvaluator}.
     */
    @Override
    public Evaluator evaluator(EvalContext context) {
        if (CodeValue.kindOf(child.dataType()) != null && CodeValue.kindOf(to) != null) {
            return io.tideway.engine.expr.codegen.NodeEvaluators.compile(this, context);
        }
        return CastEvaluator.create(child.evaluator(context), child.dataType(), to);
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue in = ctx.gen(child);
        if (!tryMode) {
            return convert(ctx, in, to);
        }
        if (in.type() instanceof StructType from && to instanceof StructType fields && !from.equals(to)) {
            return io.tideway.engine.expr.fn.CollectionCast.tryStruct(ctx, in, fields); // Spark nulls each field that fails
        }
        if (in.type() instanceof ArrayType from && to instanceof ArrayType elements && !from.equals(to)) {
            return io.tideway.engine.expr.fn.CollectionCast.tryArray(ctx, in, elements); // and each element
        }
        CodeValue v = ctx.declare(to);
        ctx.open("try");
        ctx.assign(v, convert(ctx, in, to));
        ctx.then("catch (RuntimeException " + ctx.fresh("failed") + ")");
        ctx.line(v.isNull() + " = true;");
        ctx.close();
        return v;
    }

    /**
     * The code converting {@code in} to {@code to}, as this cast does (null stays null); other
     * expressions that compare or combine values of different types use it too.
     */
    public static CodeValue convert(CodegenContext ctx, CodeValue in, DataType to) {
        DataType from = in.type();
        CodeValue v = ctx.declare(to);
        if (from == DataTypes.NullType) {
            return v;
        }
        if (io.tideway.engine.expr.fn.VariantCast.applies(from, to)) {
            io.tideway.engine.expr.fn.VariantCast.code(ctx, in, v);
            return v;
        }
        if (io.tideway.engine.expr.fn.CollectionCast.applies(from, to)) {
            io.tideway.engine.expr.fn.CollectionCast.code(ctx, in, v);
            return v;
        }
        if (io.tideway.engine.expr.fn.TemporalCasts.applies(from, to)) {
            io.tideway.engine.expr.fn.TemporalCasts.code(ctx, in, v);
            return v;
        }
        if (from.equals(to) || in.kind() == CodeValue.Kind.BYTES && v.kind() == CodeValue.Kind.BYTES) {
            ctx.assign(v, in);
            return v;
        }
        String k = CastKernels.class.getName() + ".";
        ctx.open("if (!" + in.isNull() + ")");
        if (to instanceof DecimalType || from instanceof DecimalType) {
            decimal(ctx, in, v);
        } else if (to == DataTypes.StringType) {
            String call;
            if (TypeCoercion.integral(from)) {
                call = "longToString(";
            } else if (from == DataTypes.FloatType) {
                call = "floatToString(";
            } else if (from == DataTypes.BooleanType) {
                call = "booleanToString(";
            } else if (from == DataTypes.DoubleType) {
                call = "doubleToString(";
            } else if (from == DataTypes.TimestampType) {
                call = "timestampToString(" + in.value() + ", " + zone(ctx) + ", ";
            } else if (from == DataTypes.DateType) {
                call = "dateToString(";
            } else {
                throw new UnsupportedExpression("cast " + from.simpleString() + " to string");
            }
            String scratch = ctx.scratch();
            ctx.line(v.isNull() + " = false;");
            ctx.set(v, k + call + (call.endsWith(", ") ? "" : in.value() + ", ") + scratch + ")", scratch);
        } else if (from == DataTypes.StringType) {
            String p = ctx.constant(new CastKernels.Parsed(), CastKernels.Parsed.class.getName());
            String args = CodegenContext.args(in);
            String call;
            if (to == DataTypes.IntegerType || to == DataTypes.LongType) {
                call = "stringToIntegral(" + args + ", " + (to == DataTypes.IntegerType) + ", ";
            } else if (to == DataTypes.ByteType || to == DataTypes.ShortType) {
                call = "stringToSmall(" + args + ", " + (to == DataTypes.ByteType ? 8 : 16) + ", ";
            } else if (to == DataTypes.DoubleType || to == DataTypes.FloatType) {
                call = "stringToDouble(" + args + ", ";
            } else if (to == DataTypes.BooleanType) {
                call = "stringToBoolean(" + args + ", ";
            } else if (to == DataTypes.TimestampType) {
                call = "stringToTimestamp(" + args + ", " + zone(ctx) + ", ";
            } else if (to == DataTypes.DateType) {
                call = "stringToDate(" + args + ", ";
            } else {
                throw new UnsupportedExpression("cast string to " + to.simpleString());
            }
            ctx.line(k + call + ctx.ansi() + ", " + p + ");");
            ctx.line(v.isNull() + " = " + p + ".isNull; " + v.value() + " = " + p
                    + (to == DataTypes.DoubleType ? ".d;" : to == DataTypes.FloatType ? ".f();" : ".l;"));
        } else {
            ctx.line(v.isNull() + " = false;");
            ctx.set(v, numeric(in, from, to, ctx, k));
        }
        ctx.close();
        return v;
    }

    /** A cast to or from a decimal: to its precision and scale (null or an error when out of range), or from it. */
    private static void decimal(CodegenContext ctx, CodeValue in, CodeValue v) {
        DataType from = in.type();
        DataType to = v.type();
        String k = DecimalKernels.class.getName() + ".";
        boolean ansi = ctx.ansi();
        if (to instanceof DecimalType d) {
            String ps = d.precision() + ", " + d.scale() + ", " + ansi + ")";
            String call;
            if (from instanceof DecimalType) {
                call = "fromDecimal(" + in.value() + ", " + ps;
            } else if (from == DataTypes.DoubleType || from == DataTypes.FloatType) {
                call = "fromDouble(" + in.value() + ", " + ps;
            } else if (from == DataTypes.StringType) {
                call = "fromString(" + CodegenContext.args(in) + ", " + ps;
            } else if (in.kind() == CodeValue.Kind.LONG && from != DataTypes.DateType && from != DataTypes.TimestampType) {
                call = "fromLong(" + in.value() + ", " + ps;
            } else {
                throw new UnsupportedExpression("cast " + from.simpleString() + " to " + to.simpleString());
            }
            ctx.set(v, k + call);
            ctx.line(v.isNull() + " = " + v.value() + " == null;");
            return;
        }
        ctx.line(v.isNull() + " = false;");
        String x = in.value();
        if (to == DataTypes.StringType) {
            String scratch = ctx.scratch();
            ctx.set(v, k + "toText(" + x + ", " + scratch + ")", scratch);
        } else if (to == DataTypes.DoubleType) {
            ctx.set(v, x + ".doubleValue()");
        } else if (to == DataTypes.BooleanType) {
            ctx.set(v, x + ".signum() != 0 ? 1L : 0L");
        } else if (to == DataTypes.TimestampType) {
            ctx.set(v, k + "secondsToMicros(" + x + ")");
        } else if (to == DataTypes.FloatType) {
            ctx.set(v, "(double) " + x + ".floatValue()");
        } else if (TypeCoercion.integral(to)) {
            String type = ctx.constant(from, DecimalType.class.getName());
            String target = ctx.constant(to, DataType.class.getName());
            ctx.set(v, k + "toIntegral(" + x + ", " + target + ", " + ansi + ", " + type + ")");
        } else {
            throw new UnsupportedExpression("cast " + from.simpleString() + " to " + to.simpleString());
        }
    }

    /** A field holding the session time zone, which casts between strings, dates and timestamps use. */
    private static String zone(CodegenContext ctx) {
        return ctx.constant(io.tideway.engine.expr.fn.SessionZone.of(ctx.evalContext().timeZone()),
                io.tideway.engine.expr.fn.SessionZone.class.getName());
    }

    /** A Java expression converting a non-null number, boolean, date or timestamp. */
    private static String numeric(CodeValue in, DataType from, DataType to, CodegenContext ctx, String k) {
        boolean ansi = ctx.ansi();
        String x = in.value();
        boolean fromDouble = in.kind() == CodeValue.Kind.DOUBLE;
        if (to == DataTypes.DoubleType) {
            return from == DataTypes.TimestampType ? x + " / 1e6" : "(double) " + x;
        }
        if (to == DataTypes.FloatType) { // held as the double it equals
            return "(double) (float) " + (from == DataTypes.TimestampType ? "(" + x + " / 1e6)" : x);
        }
        if (to == DataTypes.BooleanType) {
            return x + (fromDouble ? " != 0.0" : " != 0L") + " ? 1L : 0L";
        }
        if (to == DataTypes.TimestampType) {
            return fromDouble ? k + "doubleToTimestamp(" + x + ")"
                    : from == DataTypes.DateType ? k + "dateToTimestamp(" + x + ", " + zone(ctx) + ")" : x + " * 1000000L";
        }
        if (to == DataTypes.DateType) {
            return from == DataTypes.TimestampType ? k + "timestampToDate(" + x + ", " + zone(ctx) + ")" : x;
        }
        if (to == DataTypes.ByteType || to == DataTypes.ShortType) {
            String bits = to == DataTypes.ByteType ? "8" : "16";
            String type = ctx.constant(from, DataType.class.getName());
            String seconds = from == DataTypes.TimestampType ? k + "timestampToSeconds(" + x + ")" : x;
            return SqlArithmetic.class.getName() + (fromDouble ? ".doubleToSmall(" : ".longToSmall(") + seconds + ", " + bits
                    + ", " + ansi + ", " + type + ")";
        }
        boolean toInt = to == DataTypes.IntegerType;
        if (fromDouble) {
            return SqlArithmetic.class.getName() + ".doubleToIntegral(" + x + ", " + toInt + ", " + ansi + ")";
        }
        String seconds = from == DataTypes.TimestampType ? k + "timestampToSeconds(" + x + ")" : x;
        boolean fitsInt = from == DataTypes.IntegerType || from == DataTypes.ByteType || from == DataTypes.ShortType;
        return toInt && !fitsInt
                ? SqlArithmetic.class.getName() + ".longToInt(" + seconds + ", " + ansi + ")" : seconds;
    }
}

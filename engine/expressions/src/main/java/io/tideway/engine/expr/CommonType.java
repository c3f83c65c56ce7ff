package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one type several values are brought to when an expression needs them alike (CASE, if,
 * coalesce, IN, =, greatest), as Spark 4's ANSI coercion finds it ({@code AnsiTypeCoercion.findWiderTypeForTwo}):
 * NULL takes the other type; numbers widen (INT, BIGINT, DOUBLE); a DATE widens to a TIMESTAMP;
 * with string promotion a STRING takes the other side's type, an integral one as BIGINT. Anything
 * else has no common type. Stateless.
 */
public final class CommonType {
    private CommonType() {
    }

    /** The common type of {@code a} and {@code b}, or null. */
    public static DataType of(DataType a, DataType b, boolean stringPromotion) {
        if (a.equals(b)) {
            return a;
        }
        if (a == DataTypes.NullType) {
            return b;
        }
        if (b == DataTypes.NullType) {
            return a;
        }
        if (a.isNumeric() && b.isNumeric()) {
            if (a instanceof io.tideway.sql.types.DecimalType || b instanceof io.tideway.sql.types.DecimalType) {
                boolean fractional = a == DataTypes.DoubleType || b == DataTypes.DoubleType
                        || a == DataTypes.FloatType || b == DataTypes.FloatType;
                return fractional ? DataTypes.DoubleType
                        : DecimalPrecision.wider(DecimalPrecision.forIntegral(a), DecimalPrecision.forIntegral(b));
            }
            return TypeCoercion.widerOfNumbers(a, b);
        }
        if (isDatetime(a) && isDatetime(b)) {
            return DataTypes.TimestampType;
        }
        if (a instanceof io.tideway.sql.types.DayTimeIntervalType x && b instanceof io.tideway.sql.types.DayTimeIntervalType y) {
            return DataTypes.createDayTimeIntervalType((byte) Math.min(x.startField(), y.startField()),
                    (byte) Math.max(x.endField(), y.endField()));
        }
        if (a instanceof io.tideway.sql.types.YearMonthIntervalType x && b instanceof io.tideway.sql.types.YearMonthIntervalType y) {
            return DataTypes.createYearMonthIntervalType((byte) Math.min(x.startField(), y.startField()),
                    (byte) Math.max(x.endField(), y.endField()));
        }
        if (a instanceof io.tideway.sql.types.ArrayType x && b instanceof io.tideway.sql.types.ArrayType y) {
            DataType e = of(x.elementType(), y.elementType(), stringPromotion);
            return e == null ? null : DataTypes.createArrayType(e, x.containsNull() || y.containsNull());
        }
        if (a instanceof io.tideway.sql.types.StructType x && b instanceof io.tideway.sql.types.StructType y) {
            return structs(x, y, stringPromotion);
        }
        if (a instanceof io.tideway.sql.types.MapType x && b instanceof io.tideway.sql.types.MapType y) {
            DataType k = of(x.keyType(), y.keyType(), stringPromotion);
            DataType v = of(x.valueType(), y.valueType(), stringPromotion);
            return k == null || v == null ? null
                    : DataTypes.createMapType(k, v, x.valueContainsNull() || y.valueContainsNull());
        }
        if (stringPromotion && (a == DataTypes.StringType || b == DataTypes.StringType)) {
            DataType other = a == DataTypes.StringType ? b : a;
            if (TypeCoercion.integral(other)) {
                return DataTypes.LongType;
            }
            if (other == DataTypes.FloatType || other instanceof io.tideway.sql.types.DecimalType) {
                return DataTypes.DoubleType;
            }
            if (other == DataTypes.DoubleType || other == DataTypes.BooleanType || other == DataTypes.BinaryType
                    || isDatetime(other)) {
                return other;
            }
        }
        return null;
    }

    /**
     * The type a column of a UNION has when its sides have types {@code a} and {@code b}, or null:
     * Spark's {@code findWiderTypeForTwo} under ANSI; without ANSI a string beside another atomic
     * type makes a string, and beside a binary or boolean none (Spark's non-ANSI string promotion).
     */
    public static DataType forSetOperation(DataType a, DataType b) {
        if (SessionConf.ansi()) {
            return of(a, b, true);
        }
        if ((a == DataTypes.StringType) != (b == DataTypes.StringType)) {
            DataType other = a == DataTypes.StringType ? b : a;
            if (other.isNumeric() || isDatetime(other) || other == DataTypes.NullType) {
                return DataTypes.StringType;
            }
        }
        return of(a, b, false);
    }

    /**
     * Spark's non-ANSI {@code findCommonTypeForBinaryComparison} for a string compared with another
     * atomic type: the other side's type (a decimal's is DOUBLE, a NULL's STRING), so {@code '2.5' = 2}
     * compares the ints 2 and 2. Null when neither or both sides are strings, or the other is not atomic.
     */
    public static DataType forComparisonWithoutAnsi(DataType a, DataType b) {
        if ((a == DataTypes.StringType) == (b == DataTypes.StringType)) {
            return null;
        }
        DataType other = a == DataTypes.StringType ? b : a;
        if (other == DataTypes.NullType) {
            return DataTypes.StringType;
        }
        if (other instanceof io.tideway.sql.types.DecimalType) {
            return DataTypes.DoubleType;
        }
        return other.isNumeric() || isDatetime(other) || other == DataTypes.BooleanType || other == DataTypes.BinaryType
                ? other : null;
    }

    /** The common type of all of {@code types}, or null (an empty list has NULL's type). */
    public static DataType of(List<DataType> types, boolean stringPromotion) {
        DataType t = DataTypes.NullType;
        for (DataType x : types) {
            t = of(t, x, stringPromotion);
            if (t == null) {
                return null;
            }
        }
        return t;
    }

    /** The types of {@code exprs}. */
    public static List<DataType> typesOf(List<Expression> exprs) {
        List<DataType> types = new ArrayList<>(exprs.size());
        for (Expression e : exprs) {
            types.add(e.dataType());
        }
        return types;
    }

    /** Each of {@code exprs} cast (invisibly) to {@code t}. */
    public static List<Expression> castAll(List<Expression> exprs, DataType t) {
        List<Expression> out = new ArrayList<>(exprs.size());
        for (Expression e : exprs) {
            out.add(TypeCoercion.castIfNeeded(e, t));
        }
        return out;
    }

    /**
     * Spark's {@code DATA_DIFF_TYPES}: {@code Input to `fn` should all be the same type, but it's ["INT", "DATE"]}
     * (or {@code ("INT" or "DATE")} when {@code orForm}, as coalesce prints it).
     */
    public static RuntimeException dataDiffTypes(String sqlExpr, String function, List<DataType> types, boolean orForm,
                                                 Origin origin) {
        StringJoiner j = orForm ? new StringJoiner(" or ", "(", ")") : new StringJoiner(", ", "[", "]");
        for (DataType t : types) {
            j.add(ErrorParams.type(t));
        }
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", Map.of("sqlExpr",
                ErrorParams.expr(sqlExpr), "functionName", ErrorParams.id(function), "dataType", j.toString()), origin));
    }

    private static boolean isDatetime(DataType t) {
        return t == DataTypes.DateType || t == DataTypes.TimestampType;
    }

    /** Spark's {@code findTypeForComplex} on structs: the same field names (any case), each field widened. */
    private static DataType structs(io.tideway.sql.types.StructType x, io.tideway.sql.types.StructType y, boolean stringPromotion) {
        if (x.length() != y.length()) {
            return null;
        }
        io.tideway.sql.types.StructType out = new io.tideway.sql.types.StructType();
        for (int i = 0; i < x.length(); i++) {
            io.tideway.sql.types.StructField f = x.apply(i);
            io.tideway.sql.types.StructField g = y.apply(i);
            DataType t = f.name().equalsIgnoreCase(g.name()) ? of(f.dataType(), g.dataType(), stringPromotion) : null;
            if (t == null) {
                return null;
            }
            out = out.add(f.name(), t, f.nullable() || g.nullable());
        }
        return out;
    }

    /**
     * Whether two structs have the same field types, whatever the fields' names and nullability:
     * Spark compares such structs (=, &lt;, IN) field by field without casting them.
     */
    public static boolean sameStructShape(DataType a, DataType b) {
        if (!(a instanceof io.tideway.sql.types.StructType x && b instanceof io.tideway.sql.types.StructType y)
                || x.length() != y.length()) {
            return false;
        }
        for (int i = 0; i < x.length(); i++) {
            DataType f = x.apply(i).dataType();
            DataType g = y.apply(i).dataType();
            if (!f.equals(g) && !sameStructShape(f, g)) {
                return false;
            }
        }
        return true;
    }
}

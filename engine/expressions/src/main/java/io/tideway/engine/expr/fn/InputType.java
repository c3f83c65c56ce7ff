package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What a function argument takes, and the implicit cast Spark's ANSI type coercion
 * ({@code AnsiTypeCoercion.implicitCast}) inserts for other types: a NULL becomes the expected
 * type; a string becomes any expected atomic type (a number as DOUBLE, an integral as BIGINT); a
 * number becomes any expected number or a string; a date becomes a timestamp and back. A
 * fractional number never becomes an integral one. Immutable.
 */
public final class InputType {
    /** Any type, as is. */
    public static final InputType ANY = new InputType("ANY", t -> true, from -> from);
    public static final InputType STRING = exact(DataTypes.StringType);
    public static final InputType BINARY = exact(DataTypes.BinaryType);
    public static final InputType BOOLEAN = exact(DataTypes.BooleanType);
    public static final InputType INT = exact(DataTypes.IntegerType);
    public static final InputType LONG = exact(DataTypes.LongType);
    public static final InputType DOUBLE = exact(DataTypes.DoubleType);
    public static final InputType DATE = exact(DataTypes.DateType);
    public static final InputType TIMESTAMP = exact(DataTypes.TimestampType);
    /** Spark's {@code AnyTimestampType} (TIMESTAMP or TIMESTAMP_NTZ); a string or date becomes a TIMESTAMP. */
    public static final InputType ANY_TIMESTAMP = new InputType("\"(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)\"",
            t -> t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType,
            from -> from == DataTypes.NullType || from == DataTypes.StringType || from == DataTypes.DateType
                    ? DataTypes.TimestampType : null);
    /** Spark's {@code NumericType} taken as it is, for functions whose result has the argument's type (abs, positive). */
    public static final InputType NUMERIC_ANY = new InputType("\"NUMERIC\"", DataType::isNumeric,
            from -> from == DataTypes.NullType || from == DataTypes.StringType ? DataTypes.DoubleType : null);
    /**
     * Spark's {@code NumericType} for a function whose code computes in longs and doubles: an INT,
     * BIGINT or DOUBLE as it is; a decimal, string or NULL becomes a DOUBLE.
     */
    public static final InputType NUMERIC = new InputType("\"NUMERIC\"", InputType::binaryNumber,
            from -> from == DataTypes.NullType || from == DataTypes.StringType || from instanceof DecimalType
                    ? DataTypes.DoubleType : widened(from));
    /**
     * Spark's {@code NumericType} for a function that computes decimals too (abs, round): an INT,
     * BIGINT, DOUBLE or decimal as it is; a TINYINT or SMALLINT becomes an INT and a FLOAT a DOUBLE
     * (their results then have the wider type, where Spark keeps the narrow one).
     */
    public static final InputType NUMERIC_OR_DECIMAL = new InputType("\"NUMERIC\"",
            t -> binaryNumber(t) || t instanceof DecimalType,
            from -> from == DataTypes.NullType || from == DataTypes.StringType ? DataTypes.DoubleType : widened(from));
    /** Spark's {@code IntegralType}: INT or BIGINT; a string or NULL becomes a BIGINT. */
    public static final InputType INTEGRAL = new InputType("\"INTEGRAL\"",
            t -> t == DataTypes.IntegerType || t == DataTypes.LongType,
            from -> from == DataTypes.NullType || from == DataTypes.StringType ? DataTypes.LongType : widened(from));
    /** Spark's {@code TypeCollection(DoubleType, FloatType)}: a DOUBLE or FLOAT as it is; another number, a string or NULL becomes a DOUBLE. */
    public static final InputType DOUBLE_OR_FLOAT = new InputType("(\"DOUBLE\" or \"FLOAT\")",
            t -> t == DataTypes.DoubleType || t == DataTypes.FloatType,
            from -> from.isNumeric() || from == DataTypes.StringType || from == DataTypes.NullType ? DataTypes.DoubleType : null);
    /** An integral value as operators such as {@code ~} take it: a string is not cast; a NULL becomes an INT. */
    public static final InputType INTEGRAL_ONLY = strict("\"INTEGRAL\"", false);
    /** Spark's {@code TypeCollection(IntegralType, BooleanType)} without string casts (bit_count). */
    public static final InputType INTEGRAL_OR_BOOLEAN = strict("(\"INTEGRAL\" or \"BOOLEAN\")", true);
    /**
     * A string, or a binary taken as it is; Spark's string predicates (startswith) declare STRING
     * and call a binary kernel for binaries, so errors name only STRING.
     */
    public static final InputType STRING_ALSO_BINARY = new InputType("\"STRING\"",
            t -> t == DataTypes.StringType || t == DataTypes.BinaryType, STRING.implicitCast);
    /** A BINARY; a string (or NULL) is cast to one, as Spark's ANSI coercion does for md5, base64, decode. */
    public static final InputType BINARY_FROM_STRING = new InputType(ErrorParams.type(DataTypes.BinaryType),
            t -> t == DataTypes.BinaryType,
            from -> from == DataTypes.StringType || from == DataTypes.NullType ? DataTypes.BinaryType : null);
    /** hex's argument, Spark's {@code (BIGINT, BINARY, STRING)}: other numbers become a BIGINT, booleans and dates a string. */
    public static final InputType HEXABLE = new InputType("(\"BIGINT\" or \"BINARY\" or \"STRING\")",
            t -> t == DataTypes.LongType || t == DataTypes.BinaryType || t == DataTypes.StringType,
            from -> {
                if (from.isNumeric() || from == DataTypes.NullType) {
                    return DataTypes.LongType;
                }
                return from == DataTypes.BooleanType || from == DataTypes.DateType || from == DataTypes.TimestampType
                        ? DataTypes.StringType : null;
            });
    /** Spark's {@code NumericType} where a string is not cast (format_number): a NULL becomes a DOUBLE. */
    public static final InputType NUMERIC_ONLY = new InputType("\"NUMERIC\"", InputType::binaryNumber,
            from -> from == DataTypes.NullType || from instanceof DecimalType ? DataTypes.DoubleType : widened(from));
    /** A STRING where nothing else is cast (soundex): only a NULL becomes a string. */
    public static final InputType STRING_ONLY = nullOnly(ErrorParams.type(DataTypes.StringType),
            t -> t == DataTypes.StringType, DataTypes.StringType);
    /** A string or a binary, as {@code TypeCollection(StringType, BinaryType)}: others become a string. */
    public static final InputType STRING_OR_BINARY = anyOf(STRING, BINARY);

    /** An INT, BIGINT or DOUBLE: the numbers function code computes with (not a decimal, nor a narrower number). */
    private static boolean binaryNumber(DataType t) {
        return t == DataTypes.IntegerType || t == DataTypes.LongType || t == DataTypes.DoubleType;
    }

    /** A TINYINT or SMALLINT as an INT, a FLOAT as a DOUBLE, for functions written for the wider types; else null. */
    private static DataType widened(DataType t) {
        return t == DataTypes.ByteType || t == DataTypes.ShortType ? DataTypes.IntegerType
                : t == DataTypes.FloatType ? DataTypes.DoubleType : null;
    }

    private final String sql;
    private final Predicate<DataType> accepts;
    /** The type a value of a given type is cast to, or null if none (then the call is a type mismatch). */
    private final UnaryOperator<DataType> implicitCast;

    InputType(String sql, Predicate<DataType> accepts, UnaryOperator<DataType> implicitCast) {
        this.sql = sql;
        this.accepts = accepts;
        this.implicitCast = implicitCast;
    }

    /** {@code like}'s rules, with Spark's wording {@code sql} of the expected types. */
    static InputType named(String sql, InputType like) {
        return new InputType(sql, like.accepts, like.implicitCast);
    }

    /** Takes {@code accepts} as they are; only a NULL is cast, to {@code nullAs}. */
    static InputType nullOnly(String sql, Predicate<DataType> accepts, DataType nullAs) {
        return new InputType(sql, accepts, from -> from == DataTypes.NullType ? nullAs : null);
    }

    /** The expected type as Spark prints it in {@code DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE}. */
    public String sql() {
        return sql;
    }

    /** Whether a value of {@code t} is taken as it is. */
    public boolean accepts(DataType t) {
        return accepts.test(t);
    }

    /** The type a value of {@code from} is cast to, or null if none (then the call is a type mismatch). */
    DataType implicitCast(DataType from) {
        return implicitCast.apply(from);
    }

    /** Exactly {@code t}; others by Spark's store-assignment rules. */
    public static InputType exact(DataType t) {
        return new InputType(ErrorParams.type(t), t::equals, from -> {
            if (from == DataTypes.NullType || from == DataTypes.StringType && t != DataTypes.BinaryType) {
                return t;
            }
            if (from.isNumeric() && t.isNumeric()) {
                return t;
            }
            if (t == DataTypes.StringType && (from.isNumeric() || from == DataTypes.BooleanType
                    || from == DataTypes.DateType || from == DataTypes.TimestampType || from == DataTypes.BinaryType)) {
                return t;
            }
            if (from == DataTypes.DateType && t == DataTypes.TimestampType
                    || from == DataTypes.TimestampType && t == DataTypes.DateType) {
                return t;
            }
            return null;
        });
    }

    private static InputType strict(String sql, boolean booleans) {
        return nullOnly(sql, t -> t == DataTypes.IntegerType || t == DataTypes.LongType || t == DataTypes.ByteType
                || t == DataTypes.ShortType || booleans && t == DataTypes.BooleanType, DataTypes.IntegerType);
    }

    /** The first of {@code types} that takes a value as it is, else the first one it can be cast to. */
    public static InputType anyOf(InputType... types) {
        List<InputType> list = List.of(types);
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < types.length; i++) {
            sql.append(i == 0 ? "" : " or ").append(types[i].sql());
        }
        return new InputType(sql.append(')').toString(), t -> list.stream().anyMatch(x -> x.accepts(t)), from -> {
            for (InputType x : list) {
                DataType to = x.implicitCast(from);
                if (to != null) {
                    return to;
                }
            }
            return null;
        });
    }
}

package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.Map;

/** Spark's implicit widening between operand types (ANSI mode, and non-ANSI string promotion). */
public final class TypeCoercion {
    private TypeCoercion() {
    }

    /** The type both numeric operands are computed in, or null if there is none. */
    public static DataType widerNumeric(DataType a, DataType b) {
        if (!numericLike(a) || !numericLike(b)) {
            return null;
        }
        if (!SessionConf.ansi() && (a == DataTypes.StringType || b == DataTypes.StringType)) {
            return DataTypes.DoubleType; // Spark's non-ANSI PromoteStrings: a string operand is read as a DOUBLE
        }
        if (a == DataTypes.StringType && b == DataTypes.StringType) {
            return null; // Spark 4 promotes a string only beside a number
        }
        // Spark 4's findWiderTypeForString: a string beside an integral is a BIGINT, beside another number a DOUBLE
        if (a == DataTypes.StringType && integral(b) || b == DataTypes.StringType && integral(a)) {
            return DataTypes.LongType;
        }
        if (a == DataTypes.StringType || b == DataTypes.StringType) {
            return DataTypes.DoubleType;
        }
        DataType wider = widerOfNumbers(a, b);
        return wider == DataTypes.NullType ? DataTypes.IntegerType : wider;
    }

    /**
     * The wider of two numbers by Spark's precedence, except that a FLOAT beside an INT or BIGINT
     * is a DOUBLE (ANSI coercion: a float cannot hold every int).
     */
    static DataType widerOfNumbers(DataType a, DataType b) {
        boolean floatBesideWideInt = a == DataTypes.FloatType && (b == DataTypes.IntegerType || b == DataTypes.LongType)
                || b == DataTypes.FloatType && (a == DataTypes.IntegerType || a == DataTypes.LongType);
        if (floatBesideWideInt) {
            return DataTypes.DoubleType;
        }
        return rank(a) >= rank(b) ? a : b;
    }

    /** Spark's numeric precedence: tinyint, smallint, int, bigint, float, double (NULL below them all). */
    static int rank(DataType t) {
        return t == DataTypes.ByteType ? 1 : t == DataTypes.ShortType ? 2 : t == DataTypes.IntegerType ? 3
                : t == DataTypes.LongType ? 4 : t == DataTypes.FloatType ? 5 : t == DataTypes.DoubleType ? 6 : 0;
    }

    /** tinyint, smallint, int or bigint. */
    public static boolean integral(DataType t) {
        return t == DataTypes.IntegerType || t == DataTypes.LongType || t == DataTypes.ByteType || t == DataTypes.ShortType;
    }

    private static boolean numericLike(DataType t) {
        return t.isNumeric() || t == DataTypes.NullType || t == DataTypes.StringType;
    }

    /** Wraps {@code e} in a cast to {@code target} unless it already has that type. */
    public static Expression castIfNeeded(Expression e, DataType target) {
        if (e.dataType().equals(target)) {
            return e;
        }
        return new Cast(e, target, true);
    }

    /**
     * Throws Spark's {@code BINARY_OP_DIFF_TYPES} for {@code op}, whose operands have types
     * {@code a} and {@code b}; declared to return so callers can write {@code throw}.
     */
    static RuntimeException mismatch(Expression op, DataType a, DataType b) {
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", Map.of("sqlExpr",
                ErrorParams.expr(op.sql()), "left", ErrorParams.type(a), "right", ErrorParams.type(b)), op.sqlOrigin()));
    }

    /**
     * Throws Spark's {@code BINARY_OP_WRONG_TYPE}: both operands of {@code op} have type
     * {@code actual}, which it does not take ({@code required} as Spark prints its input types).
     */
    static RuntimeException wrongType(Expression op, String required, DataType actual) {
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE", Map.of("sqlExpr",
                ErrorParams.expr(op.sql()), "inputType", required, "actualDataType", ErrorParams.type(actual)), op.sqlOrigin()));
    }
}

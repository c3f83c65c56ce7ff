package io.tideway.engine.expr;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/** Spark's implicit widening between operand types (non-ANSI mode). */
final class TypeCoercion {
    private TypeCoercion() {
    }

    /** The type both numeric operands are computed in, or null if there is none. */
    static DataType widerNumeric(DataType a, DataType b) {
        if (!numericLike(a) || !numericLike(b)) {
            return null;
        }
        if (a == DataTypes.DoubleType || b == DataTypes.DoubleType || a == DataTypes.StringType || b == DataTypes.StringType) {
            return DataTypes.DoubleType;
        }
        if (a == DataTypes.LongType || b == DataTypes.LongType) {
            return DataTypes.LongType;
        }
        return DataTypes.IntegerType;
    }

    private static boolean numericLike(DataType t) {
        return t.isNumeric() || t == DataTypes.NullType || t == DataTypes.StringType;
    }

    /** Wraps {@code e} in a cast to {@code target} unless it already has that type. */
    static Expression castIfNeeded(Expression e, DataType target) {
        if (e.dataType().equals(target)) {
            return e;
        }
        return new Cast(e, target, true);
    }

    static AnalysisException mismatch(String sql, DataType a, DataType b) {
        return new AnalysisException("[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"" + sql
                + "\" due to data type mismatch: the left and right operands of the binary operator have incompatible types (\""
                + a.simpleString().toUpperCase() + "\" and \"" + b.simpleString().toUpperCase() + "\").");
    }
}

package io.tideway.engine.expr.agg;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;

import java.util.Map;

/** The argument checks and numeric reads aggregates share, with Spark's {@code DATATYPE_MISMATCH} wording. Stateless. */
final class InputTypes {
    private InputTypes() {
    }

    /** Spark's {@code UNEXPECTED_INPUT_TYPE} unless argument {@code index} of {@code f} is boolean (or null). */
    static void requireBoolean(AggregateFunction f, Expression arg, int index) {
        DataType t = arg.dataType();
        if (t != DataTypes.BooleanType && t != DataTypes.NullType && t != DataTypes.StringType) {
            throw mismatch(f, arg, index, "\"BOOLEAN\"");
        }
    }

    /** Spark's {@code UNEXPECTED_INPUT_TYPE} unless argument {@code index} of {@code f} is numeric (or null). */
    static void requireNumeric(AggregateFunction f, Expression arg, int index) {
        DataType t = arg.dataType();
        if (!t.isNumeric() && t != DataTypes.NullType && t != DataTypes.StringType) {
            throw mismatch(f, arg, index, "\"DOUBLE\"");
        }
    }

    /** {@code e} as a double input: a string is cast (ANSI: a malformed one fails the query), as Spark's implicit cast. */
    static Expression numeric(Expression e) {
        return e.dataType() == DataTypes.StringType ? new Cast(e, DataTypes.DoubleType) : e;
    }

    /** {@code e} as a boolean input: a string is cast, as Spark's implicit cast. */
    static Expression bool(Expression e) {
        return e.dataType() == DataTypes.StringType ? new Cast(e, DataTypes.BooleanType) : e;
    }

    static RuntimeException mismatch(AggregateFunction f, Expression arg, int index, String required) {
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                "sqlExpr", ErrorParams.expr(f.sql()), "paramIndex", ErrorParams.ordinal(index),
                "requiredType", required, "inputSql", ErrorParams.expr(arg.sql()),
                "inputType", ErrorParams.type(arg.dataType())), f.sqlOrigin()));
    }

    /** A numeric evaluator's value as a double (Spark's implicit cast to double). */
    static double asDouble(Evaluator e, DataType t) {
        if (ValueCodec.isDouble(t)) {
            return e.d;
        }
        if (t instanceof DecimalType) {
            return e.dec.doubleValue();
        }
        return e.l;
    }
}

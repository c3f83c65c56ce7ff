package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.DecimalPrecision;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.INT;
import static io.tideway.engine.expr.fn.InputType.INTEGRAL_ONLY;
import static io.tideway.engine.expr.fn.InputType.INTEGRAL_OR_BOOLEAN;

/**
 * Spark's bitwise operators and functions: {@code & | ^ ~} (registered under the operator, which
 * SQL text and {@code Column.bitwiseAND}/{@code functions.bitwise_not} call), shiftleft,
 * shiftright, shiftrightunsigned ({@code << >> >>>}), bit_count and getbit/bit_get. An INT
 * value is held sign-extended in a long, so the operators act on the long directly.
 */
final class BitwiseFunctions {
    private BitwiseFunctions() {
    }

    static void register() {
        for (String op : new String[] {"&", "|", "^"}) {
            FunctionRegistry.add(FunctionSpec.named(op).inputs(InputType.ANY, InputType.ANY)
                    .coercion(BitwiseFunctions::integralOperands)
                    .returns(types -> types.get(0) == DataTypes.NullType ? types.get(1) : types.get(0))
                    .sql(call -> "(" + call.children().get(0).sql() + " " + op + " " + call.children().get(1).sql() + ")")
                    .code((ctx, call, out, a) -> ctx.set(out, a[0].value() + " " + op + " " + a[1].value())));
        }
        FunctionRegistry.add(FunctionSpec.named("~").inputs(INTEGRAL_ONLY).returns(types -> types.get(0))
                .sql(call -> "~" + call.children().get(0).sql())
                .code((ctx, call, out, a) -> ctx.set(out, "~" + a[0].value())));
        shift("shiftleft", "<<", "<<");
        shift("shiftright", ">>", ">>");
        shift("shiftrightunsigned", ">>>", ">>>");
        FunctionRegistry.add(FunctionSpec.named("bit_count").inputs(INTEGRAL_OR_BOOLEAN).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, a[0].type() == DataTypes.BooleanType ? a[0].value()
                        : "Long.bitCount(" + a[0].value() + ")")));
        FunctionRegistry.add(FunctionSpec.named("getbit", "bit_get").inputs(INTEGRAL_ONLY, INT).returns(DataTypes.ByteType)
                .code((ctx, call, out, a) -> ctx.set(out, BitwiseKernels.class.getName() + ".getbit(" + a[0].value()
                        + ", " + a[1].value() + ", " + bits(a[0].type()) + ", \""
                        + call.name() + "\")")));
    }

    /** The width of an integral type, which bounds getbit's position. */
    private static int bits(DataType t) {
        return t == DataTypes.ByteType ? 8 : t == DataTypes.ShortType ? 16 : t == DataTypes.IntegerType ? 32 : 64;
    }

    /** Registers a shift under its function name and (for SQL's {@code a << b}) its operator. */
    private static void shift(String name, String op, String java) {
        FunctionRegistry.add(FunctionSpec.named(name, op).inputs(InputType.anyOf(INT, InputType.LONG), INT)
                .returns(types -> types.get(0) == DataTypes.LongType ? DataTypes.LongType : DataTypes.IntegerType)
                .sql(call -> call.name().equals(op) ? "(" + call.children().get(0).sql() + " " + op + " "
                        + call.children().get(1).sql() + ")" : call.callSql())
                .code((ctx, call, out, a) -> ctx.set(out, a[0].type() == DataTypes.LongType
                        ? a[0].value() + " " + java + " (int) " + a[1].value()
                        : "(long) ((int) " + a[0].value() + " " + java + " (int) " + a[1].value() + ")")));
    }

    /**
     * Spark's coercion of {@code & | ^}: a string operand takes the other's integral type as a
     * BIGINT, INT and BIGINT widen; two operands of one other type are {@code BINARY_OP_WRONG_TYPE},
     * of two types {@code BINARY_OP_DIFF_TYPES}.
     */
    private static List<Expression> integralOperands(ScalarFunction call) {
        Expression a = call.children().get(0);
        Expression b = call.children().get(1);
        DataType x = a.dataType();
        DataType y = b.dataType();
        if (x == DataTypes.NullType && y == DataTypes.NullType) {
            return List.of(TypeCoercion.castIfNeeded(a, DataTypes.IntegerType), TypeCoercion.castIfNeeded(b, DataTypes.IntegerType));
        }
        DataType t;
        if (x.equals(y) || x == DataTypes.NullType || y == DataTypes.NullType) {
            t = x == DataTypes.NullType ? y : x;
            if (!integral(t)) {
                throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE", Map.of("sqlExpr",
                        ErrorParams.expr(call.sql()), "inputType", "\"INTEGRAL\"", "actualDataType", ErrorParams.type(t)),
                        call.sqlOrigin()));
            }
        } else if (integral(x) && integral(y)) {
            t = TypeCoercion.widerNumeric(x, y);
        } else if (x == DataTypes.StringType && integral(y) || y == DataTypes.StringType && integral(x)) {
            t = DataTypes.LongType;
        } else {
            // beside a decimal Spark has already widened an integral operand to its decimal
            DataType shownX = y instanceof io.tideway.sql.types.DecimalType && integral(x) ? DecimalPrecision.forIntegral(x) : x;
            DataType shownY = x instanceof io.tideway.sql.types.DecimalType && integral(y) ? DecimalPrecision.forIntegral(y) : y;
            throw ConditionalFunctions.binaryDiffTypes(call.sql(), shownX, shownY, call);
        }
        return List.of(TypeCoercion.castIfNeeded(a, t), TypeCoercion.castIfNeeded(b, t));
    }

    private static boolean integral(DataType t) {
        return TypeCoercion.integral(t);
    }
}

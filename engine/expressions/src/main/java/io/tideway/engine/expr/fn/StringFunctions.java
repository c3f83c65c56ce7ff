package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataTypes;

import static io.tideway.engine.expr.fn.InputType.STRING;
import static io.tideway.engine.expr.fn.InputType.STRING_OR_BINARY;

/** Spark's string functions; their implementations are in {@link StringKernels}. */
final class StringFunctions {
    private static final String K = StringKernels.class.getName() + ".";

    private StringFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("upper", "ucase").inputs(STRING).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "upper(" + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("lower", "lcase").inputs(STRING).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "lower(" + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("length", "char_length", "character_length").inputs(STRING_OR_BINARY)
                .returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, a[0].type() == DataTypes.BinaryType ? a[0].length()
                        : K + "numChars(" + CodegenContext.args(a[0]) + ")")));
    }

    /** {@code out} from the kernel call {@code K.<call>, scratch)} that writes bytes into a fresh scratch buffer. */
    private static void bytes(CodegenContext ctx, io.tideway.engine.expr.codegen.CodeValue out, String call) {
        String scratch = ctx.scratch();
        ctx.set(out, K + call + ", " + scratch + ")", scratch);
    }
}

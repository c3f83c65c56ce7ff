package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataTypes;

import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark 4's URL codec functions ({@code url_encode}, {@code url_decode}, {@code try_url_decode})
 * and UTF-8 checks ({@code is_valid_utf8}, {@code make_valid_utf8}, {@code validate_utf8},
 * {@code try_validate_utf8}); implementations in {@link TextCheckKernels}. Registered once,
 * immutable after.
 */
final class TextCheckFunctions {
    private static final String K = TextCheckKernels.class.getName() + ".";

    private TextCheckFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("url_encode").inputs(STRING).returns(DataTypes.StringType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> bytes(ctx, out, "urlEncode(" + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("url_decode").inputs(STRING).returns(DataTypes.StringType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> bytes(ctx, out, "urlDecode(" + CodegenContext.args(a[0]) + ", false")));
        FunctionRegistry.add(FunctionSpec.named("try_url_decode").inputs(STRING).returns(DataTypes.StringType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> bytes(ctx, out, "urlDecode(" + CodegenContext.args(a[0]) + ", true")));
        FunctionRegistry.add(FunctionSpec.named("is_valid_utf8").inputs(STRING).returns(DataTypes.BooleanType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "isValidUtf8(" + CodegenContext.args(a[0]) + ") ? 1L : 0L")));
        FunctionRegistry.add(FunctionSpec.named("make_valid_utf8").inputs(STRING).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "makeValid(" + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("validate_utf8").inputs(STRING).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "validate(" + CodegenContext.args(a[0]) + ", false")));
        FunctionRegistry.add(FunctionSpec.named("try_validate_utf8").inputs(STRING).returns(DataTypes.StringType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> bytes(ctx, out, "validate(" + CodegenContext.args(a[0]) + ", true")));
    }

    private static void bytes(CodegenContext ctx, CodeValue out, String call) {
        String scratch = ctx.scratch();
        ctx.set(out, K + call + ", " + scratch + ")", scratch);
    }
}

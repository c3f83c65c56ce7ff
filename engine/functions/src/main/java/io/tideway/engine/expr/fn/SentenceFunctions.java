package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.sql.types.DataTypes;

import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's {@code sentences(text[, language[, country]])}: the text's sentences, each an array of
 * its words ({@link SentenceSplitter}); the language and country default to empty strings (the
 * root locale), as Spark's. Null only for a null text. Registered once, immutable after.
 */
final class SentenceFunctions {
    private SentenceFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("sentences").inputs(STRING, STRING, STRING)
                .defaults(Literal.of(""), Literal.of(""))
                .returns(DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType)))
                .nullable(call -> call.children().get(0).nullable())
                .customCode((ctx, call) -> {
                    CodeValue language = ctx.gen(call.children().get(1));
                    CodeValue country = ctx.gen(call.children().get(2));
                    String splitter = ctx.constant(new SentenceSplitter(), SentenceSplitter.class.getName());
                    String out = CollectionCode.out(ctx);
                    return ctx.nullSafe(call.dataType(), java.util.List.of(call.children().get(0)), (v, a) ->
                            ctx.set(v, splitter + ".split(" + io.tideway.engine.expr.codegen.CodegenContext.args(a[0]) + ", "
                                    + text(language) + ", " + text(country) + ", " + out + ")", out));
                }));
    }

    /** A string argument as a Java String, or null. */
    private static String text(CodeValue v) {
        return "(" + v.isNull() + " ? null : " + StringKernels.class.getName() + ".string(" + v.value() + ", " + v.offset()
                + ", " + v.length() + "))";
    }
}

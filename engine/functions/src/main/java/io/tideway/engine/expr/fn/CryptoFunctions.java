package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataTypes;

import static io.tideway.engine.expr.fn.InputType.BINARY_FROM_STRING;
import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's AES functions: {@code aes_encrypt(input, key[, mode[, padding[, iv[, aad]]]])},
 * {@code aes_decrypt(input, key[, mode[, padding[, aad]]])} and {@code try_aes_decrypt}, which
 * gives null where aes_decrypt fails. Mode GCM and padding DEFAULT unless given; strings are cast
 * to binary for the input, key, IV and AAD. Implemented by {@link AesCipher}. Registered once,
 * immutable after.
 */
final class CryptoFunctions {
    private CryptoFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("aes_encrypt")
                .inputs(BINARY_FROM_STRING, BINARY_FROM_STRING, STRING, STRING, BINARY_FROM_STRING, BINARY_FROM_STRING)
                .defaults(Literal.of("GCM"), Literal.of("DEFAULT"), Literal.of(""), Literal.of(""))
                .returns(DataTypes.BinaryType).nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    String cipher = ctx.constant(new AesCipher(true, false), AesCipher.class.getName());
                    String scratch = ctx.scratch();
                    ctx.set(out, cipher + ".encrypt(" + CodegenContext.args(a) + ", " + scratch + ")", scratch);
                }));
        FunctionRegistry.add(decrypt("aes_decrypt", false));
        FunctionRegistry.add(decrypt("try_aes_decrypt", true));
    }

    private static FunctionSpec decrypt(String name, boolean tryMode) {
        return FunctionSpec.named(name).inputs(BINARY_FROM_STRING, BINARY_FROM_STRING, STRING, STRING, BINARY_FROM_STRING)
                .defaults(Literal.of("GCM"), Literal.of("DEFAULT"), Literal.of(""))
                .returns(DataTypes.BinaryType).nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    String cipher = ctx.constant(new AesCipher(false, tryMode), AesCipher.class.getName());
                    String scratch = ctx.scratch();
                    ctx.set(out, cipher + ".decrypt(" + CodegenContext.args(a) + ", " + scratch + ")", scratch);
                });
    }
}

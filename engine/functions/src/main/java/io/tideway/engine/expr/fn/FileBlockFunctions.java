package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.sql.types.DataTypes;

/**
 * Spark's {@code input_file_block_start()} and {@code input_file_block_length()}: the block of the
 * file the file source is reading on this thread ({@link InputFileName}). Tideway reads a file
 * whole, so the block is the file: start 0, length its size; -1 for both where rows do not come
 * from a file, as in Spark. Registered once, immutable after.
 */
final class FileBlockFunctions {
    private FileBlockFunctions() {
    }

    static void register() {
        block("input_file_block_start", "blockStart");
        block("input_file_block_length", "blockLength");
    }

    private static void block(String name, String method) {
        FunctionRegistry.add(FunctionSpec.named(name).returns(DataTypes.LongType).nullable(call -> false)
                .sql(call -> name + "()")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.LongType);
                    ctx.line(v.isNull() + " = false;");
                    ctx.set(v, InputFileName.class.getName() + "." + method + "()");
                    return v;
                }));
    }
}

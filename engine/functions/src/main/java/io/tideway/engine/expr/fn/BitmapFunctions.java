package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.agg.BitmapAggregate;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataTypes;

/**
 * Spark's bitmap functions: {@code bitmap_bucket_number(v)} and {@code bitmap_bit_position(v)}
 * place a BIGINT in a bucket of {@link BitmapKernels#NUM_BITS} values, {@code bitmap_count(b)}
 * counts a bitmap's bits, and the aggregates {@code bitmap_construct_agg(position)} and
 * {@code bitmap_or_agg(bitmap)} build bitmaps ({@link BitmapAggregate}).
 */
final class BitmapFunctions {
    private static final String K = BitmapKernels.class.getName() + ".";

    private BitmapFunctions() {
    }

    static void register() {
        for (String name : new String[] {"bitmap_bucket_number", "bitmap_bit_position"}) {
            String kernel = name.equals("bitmap_bucket_number") ? "bucketNumber" : "bitPosition";
            FunctionRegistry.add(FunctionSpec.named(name).inputs(InputType.LONG).returns(DataTypes.LongType)
                    .code((ctx, call, out, a) -> ctx.set(out, K + kernel + "(" + a[0].value() + ")")));
        }
        FunctionRegistry.add(FunctionSpec.named("bitmap_count").inputs(InputType.BINARY).returns(DataTypes.LongType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "count(" + CodegenContext.args(a[0]) + ")")));
        for (String name : new String[] {"bitmap_construct_agg", "bitmap_or_agg"}) {
            FunctionRegistry.add(name, 1, 1, (n, a) -> new BitmapAggregate(n, a.get(0)));
        }
    }
}

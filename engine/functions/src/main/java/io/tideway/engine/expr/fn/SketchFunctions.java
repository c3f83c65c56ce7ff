package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.expr.agg.HllSketches;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

import static io.tideway.engine.expr.fn.InputType.BINARY;
import static io.tideway.engine.expr.fn.InputType.BOOLEAN;

/**
 * Spark's scalar HLL sketch functions: {@code hll_sketch_estimate(sketch)} (the rounded
 * estimate) and {@code hll_union(a, b[, allowDifferentLgConfigK])} (a union as wide as the
 * narrower sketch, an HLL_8 sketch serialized updatable as Spark does); the aggregates are
 * {@code io.tideway.engine.expr.agg.HllSketchAggregate} and {@code HllUnionAggregate}.
 */
public final class SketchFunctions {
    private static final String K = SketchFunctions.class.getName() + ".";

    private SketchFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("hll_sketch_estimate").inputs(BINARY).returns(DataTypes.LongType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "estimate(" + CodegenContext.args(a[0]) + ")")));
        FunctionRegistry.add(FunctionSpec.named("hll_union").inputs(BINARY, BINARY, BOOLEAN).defaults(false)
                .returns(DataTypes.BinaryType)
                .code((ctx, call, out, a) -> {
                    String scratch = ctx.scratch();
                    ctx.set(out, K + "union(" + CodegenContext.args(a[0], a[1]) + ", " + a[2].value() + " != 0L, "
                            + scratch + ")", scratch);
                }));
    }

    /** {@code hll_sketch_estimate}: the sketch's estimate rounded to the nearest long. */
    public static long estimate(DirectBuffer b, int off, int len) {
        return Math.round(HllSketches.read(b, off, len, "hll_sketch_estimate").getEstimate());
    }

    /** {@code hll_union}: both sketches in one union of the smaller lg_config_k, as Spark's. */
    public static int union(DirectBuffer a, int aOff, int aLen, DirectBuffer b, int bOff, int bLen, boolean allowDifferent,
                            BytesOut out) {
        HllSketch x = HllSketches.read(a, aOff, aLen, "hll_union");
        HllSketch y = HllSketches.read(b, bOff, bLen, "hll_union");
        if (!allowDifferent && x.getLgConfigK() != y.getLgConfigK()) {
            throw HllSketches.differentLgK(x.getLgConfigK(), y.getLgConfigK(), "hll_union");
        }
        Union u = new Union(Math.min(x.getLgConfigK(), y.getLgConfigK()));
        u.update(x);
        u.update(y);
        return out.reset().append(u.getResult(TgtHllType.HLL_8).toUpdatableByteArray()).length();
    }
}

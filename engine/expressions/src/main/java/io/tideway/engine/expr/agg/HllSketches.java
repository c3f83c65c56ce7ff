package io.tideway.engine.expr.agg;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import org.agrona.DirectBuffer;

import java.util.Map;

/**
 * The HLL sketch rules Spark's sketch functions share (DataSketches {@code HLL_8} sketches, the
 * library Spark 4.0.4 uses, so serialized sketches are Spark's): reading a sketch argument, the
 * lg_config_k range, and their error conditions. Stateless.
 */
public final class HllSketches {
    public static final int MIN_LG_K = 4;
    public static final int MAX_LG_K = 21;
    public static final int DEFAULT_LG_K = 12;

    private HllSketches() {
    }

    /** {@code lgK}, or {@code HLL_INVALID_LG_K} naming {@code function}. */
    public static int checkLgK(int lgK, String function) {
        if (lgK < MIN_LG_K || lgK > MAX_LG_K) {
            throw new SparkRuntimeException("HLL_INVALID_LG_K", Map.of("function", ErrorParams.id(function),
                    "min", Integer.toString(MIN_LG_K), "max", Integer.toString(MAX_LG_K), "value", Integer.toString(lgK)));
        }
        return lgK;
    }

    /** A sketch read from {@code len} bytes at {@code off}, or {@code HLL_INVALID_INPUT_SKETCH_BUFFER}. */
    public static HllSketch read(DirectBuffer b, int off, int len, String function) {
        byte[] bytes = new byte[len];
        b.getBytes(off, bytes);
        try {
            return HllSketch.heapify(Memory.wrap(bytes));
        } catch (RuntimeException | Error e) { // the library throws SketchesArgumentException, or an Error on a short buffer
            throw new SparkRuntimeException("HLL_INVALID_INPUT_SKETCH_BUFFER", Map.of("function", ErrorParams.id(function)));
        }
    }

    /** {@code HLL_UNION_DIFFERENT_LG_K}: two sketches of different lg_config_k where that is not allowed. */
    public static SparkRuntimeException differentLgK(int left, int right, String function) {
        return new SparkRuntimeException("HLL_UNION_DIFFERENT_LG_K", Map.of("left", Integer.toString(left),
                "right", Integer.toString(right), "function", ErrorParams.id(function)));
    }

    /** Spark's merge of two sketches: a union as wide as the first, its result as an HLL_8 sketch. */
    public static HllSketch union(HllSketch a, HllSketch b) {
        Union u = new Union(a.getLgConfigK());
        u.update(a);
        u.update(b);
        return u.getResult(TgtHllType.HLL_8);
    }
}

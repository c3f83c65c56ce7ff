package io.tideway.engine.expr.fn;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.expr.BytesOut;

import java.util.Map;

/** randstr's implementation, as Spark's {@code ExpressionImplUtils.randStr}; allocates nothing. Stateless. */
public final class RandomTextKernels {
    private RandomTextKernels() {
    }

    /** {@code length} characters of 0-9, a-z, A-Z, each from {@code |nextInt() % 62|}; written to {@code out}, its length. */
    public static int randStr(XorShiftRandom rng, long length, BytesOut out) {
        if (length < 0) {
            throw new SparkRuntimeException("INVALID_PARAMETER_VALUE.LENGTH", Map.of("parameter",
                    ErrorParams.id("length"), "functionName", ErrorParams.id("randstr"), "length", Long.toString(length)));
        }
        out.reset();
        out.ensure((int) length);
        for (long i = 0; i < length; i++) {
            int v = Math.abs(rng.nextInt() % 62);
            out.append((byte) (v < 10 ? '0' + v : v < 36 ? 'a' + v - 10 : 'A' + v - 36));
        }
        return out.length();
    }
}

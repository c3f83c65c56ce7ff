package io.tideway.engine.expr.fn;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.error.ErrorParams;

import java.util.Map;

/** The bitwise functions' implementations that are more than one Java operator; generated code calls these. Stateless. */
public final class BitwiseKernels {
    private BitwiseKernels() {
    }

    /** Bit {@code pos} of {@code v} ({@code bits} wide), or Spark's {@code BIT_POSITION_RANGE}. */
    public static long getbit(long v, long pos, int bits, String function) {
        if (pos < 0 || pos >= bits) {
            throw new SparkIllegalArgumentException("INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE", Map.of("parameter",
                    ErrorParams.id("pos"), "functionName", ErrorParams.id(function), "upper", String.valueOf(bits),
                    "invalidValue", String.valueOf(pos)));
        }
        return (v >> pos) & 1L;
    }

}

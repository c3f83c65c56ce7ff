package io.tideway.engine.expr.fn;

import io.tideway.SparkRuntimeException;
import org.agrona.DirectBuffer;

import java.util.Map;

/** The implementation of {@code raise_error}: Spark's {@code USER_RAISED_EXCEPTION}. Stateless. */
public final class UserErrorKernels {
    private UserErrorKernels() {
    }

    /**
     * Throws Spark's {@code USER_RAISED_EXCEPTION} with the message (the text {@code null} for a
     * null one); declared to return a value so that generated code can assign it.
     */
    public static long raise(boolean isNull, DirectBuffer b, int off, int len) {
        throw new SparkRuntimeException("USER_RAISED_EXCEPTION",
                Map.of("errorMessage", isNull ? "null" : StringKernels.string(b, off, len)));
    }
}

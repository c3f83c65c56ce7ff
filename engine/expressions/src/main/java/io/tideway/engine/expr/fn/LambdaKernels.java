package io.tideway.engine.expr.fn;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.expr.BytesOut;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.sql.types.DataType;
import io.tideway.offheap.row.RowDescriptor;
import org.agrona.DirectBuffer;

import java.util.Map;

/**
 * What the higher-order functions' generated code calls ({@link HigherOrderFunction}): an array
 * element's null bit, and copies of a byte value that must outlive the lambda call that computed
 * it (an accumulator). Stateless, but for the {@link Accumulator}s each call site owns.
 */
public final class LambdaKernels {
    private LambdaKernels() {
    }

    /** Whether element {@code i} of the array at {@code o} is null. */
    public static boolean isNullAt(DirectBuffer b, int o, int i) {
        return (b.getLong(o + RowDescriptor.ARRAY_HEADER_LENGTH + ((i >>> 6) << 3)) & (1L << (i & 63))) != 0;
    }

    /** Spark's {@code COMPARATOR_RETURNS_NULL} for elements {@code i} and {@code j} of the array at {@code o}. */
    public static RuntimeException comparatorReturnedNull(DirectBuffer b, int o, int len, int i, int j, DataType t) {
        ArrayReader a = new ArrayReader().wrap(b, o, len);
        return new SparkRuntimeException("COMPARATOR_RETURNS_NULL", Map.of("firstValue", CollectionText.elementText(a, i, t),
                "secondValue", CollectionText.elementText(a, j, t)));
    }

    /**
     * Where {@code aggregate} keeps its accumulator's bytes between elements: the merge lambda's
     * result may point into a buffer its next call rewrites (or into the accumulator itself), so each
     * value is copied into the buffer the previous one is not in. One per call site; not thread-safe.
     */
    public static final class Accumulator {
        private final BytesOut first = new BytesOut();
        private final BytesOut second = new BytesOut();
        private boolean inFirst;

        /** Copies the value into the other buffer; returns that buffer, the copy at offset 0. */
        public DirectBuffer keep(DirectBuffer b, int o, int len) {
            inFirst = !inFirst;
            BytesOut to = inFirst ? first : second;
            to.reset().append(b, o, len);
            return to.buffer();
        }
    }
}

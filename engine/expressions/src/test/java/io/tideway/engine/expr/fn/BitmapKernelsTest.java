package io.tideway.engine.expr.fn;

import io.tideway.SparkArrayIndexOutOfBoundsException;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link BitmapKernels} against Spark's {@code BitmapExpressionUtils}, with values from the FnAggMore goldens. */
class BitmapKernelsTest {
    @Test
    void bucketsHoldPositiveValuesFromOneAndTheRestFromZero() {
        long[] values = {-98301, -65534, -32767, 0, 1, 32767, 32768, 32769, 65534, 1234567890123L};
        long[] buckets = {-2, -1, 0, 0, 1, 1, 1, 2, 2, 37676023};
        long[] positions = {32765, 32766, 32767, 0, 0, 32766, 32767, 0, 32765, 1234567890122L % 32768};
        for (int i = 0; i < values.length; i++) {
            assertEquals(buckets[i], BitmapKernels.bucketNumber(values[i]), "bucket of " + values[i]);
            assertEquals(positions[i], BitmapKernels.bitPosition(values[i]), "position of " + values[i]);
        }
    }

    @Test
    void positionsSetBitsLowestFirstWithinEachByte() {
        UnsafeBuffer b = new UnsafeBuffer(new byte[BitmapKernels.NUM_BYTES]);
        for (long p : new long[] {0, 3, 6, 9, 14, 32767, 3}) {
            BitmapKernels.set(b, 0, p);
        }
        assertEquals(0x49, b.getByte(0) & 0xFF);
        assertEquals(0x42, b.getByte(1) & 0xFF);
        assertEquals(0x80, b.getByte(BitmapKernels.NUM_BYTES - 1) & 0xFF);
        assertEquals(6, BitmapKernels.count(b, 0, BitmapKernels.NUM_BYTES));
    }

    @Test
    void positionsOutsideTheBitmapAreSparksError() {
        UnsafeBuffer b = new UnsafeBuffer(new byte[BitmapKernels.NUM_BYTES]);
        SparkArrayIndexOutOfBoundsException e = assertThrows(SparkArrayIndexOutOfBoundsException.class,
                () -> BitmapKernels.set(b, 0, 32768));
        assertEquals("INVALID_BITMAP_POSITION", e.getCondition());
        assertThrows(SparkArrayIndexOutOfBoundsException.class, () -> BitmapKernels.set(b, 0, -1));
    }

    @Test
    void orCoversTheShorterOfTheTwo() {
        UnsafeBuffer b = new UnsafeBuffer(new byte[BitmapKernels.NUM_BYTES]);
        BitmapKernels.or(b, 0, new UnsafeBuffer(new byte[] {0x01, (byte) 0x80}), 0, 2);
        BitmapKernels.or(b, 0, new UnsafeBuffer(new byte[] {0x02}), 0, 1);
        assertEquals(0x03, b.getByte(0));
        assertEquals(3, BitmapKernels.count(b, 0, BitmapKernels.NUM_BYTES));
    }
}

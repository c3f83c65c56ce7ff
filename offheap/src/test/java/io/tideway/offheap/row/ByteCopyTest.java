package io.tideway.offheap.row;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteCopyTest {
    @Test
    void copyPaddedCopiesTheValueAndZeroesThePaddingForEveryLength() {
        for (int length = 0; length <= 100; length++) {
            for (int srcOffset : new int[] {0, 3, 8}) {
                UnsafeBuffer src = new UnsafeBuffer(new byte[srcOffset + 128]);
                for (int i = 0; i < src.capacity(); i++) {
                    src.putByte(i, (byte) (i * 31 + 7));
                }
                UnsafeBuffer dst = new UnsafeBuffer(new byte[256]);
                dst.setMemory(0, dst.capacity(), (byte) 0x5A); // garbage where the padding goes
                ByteCopy.copyPadded(dst, 16, src, srcOffset, length);
                for (int i = 0; i < length; i++) {
                    assertEquals(src.getByte(srcOffset + i), dst.getByte(16 + i), "length " + length + " byte " + i);
                }
                int padded = (length + 7) & ~7;
                for (int i = length; i < padded; i++) {
                    assertEquals(0, dst.getByte(16 + i), "length " + length + " padding byte " + i);
                }
                assertEquals((byte) 0x5A, dst.getByte(16 + padded), "nothing written past the padded length");
                assertEquals((byte) 0x5A, dst.getByte(15), "nothing written before the value");
            }
        }
    }

    @Test
    void copyPaddedReadsAValueThatEndsAtItsBuffersEnd() {
        for (int length = 1; length <= 20; length++) {
            UnsafeBuffer src = new UnsafeBuffer(new byte[length]);
            for (int i = 0; i < length; i++) {
                src.putByte(i, (byte) ('a' + i));
            }
            UnsafeBuffer dst = new UnsafeBuffer(new byte[32]);
            dst.setMemory(0, 32, (byte) -1);
            ByteCopy.copyPadded(dst, 0, src, 0, length);
            for (int i = 0; i < length; i++) {
                assertEquals((byte) ('a' + i), dst.getByte(i));
            }
            for (int i = length; i < ((length + 7) & ~7); i++) {
                assertEquals(0, dst.getByte(i));
            }
        }
    }
}

package io.tideway.continuous;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs of in-place rows: bounded by the slot's rows and bytes, framed like single rows, and handed back when unused. */
class SlotAppenderRunTest {
    @Test
    void aRunIsBoundedByRowsAndBytesFramedLikeSingleRowsAndCanBeHandedBack() {
        RingSlot slot = new RingSlot();
        slot.rows.wrap(new byte[1024]);
        SlotAppender appender = new SlotAppender(1024, 10);
        appender.target(slot);

        assertEquals(10, appender.reserveRun(20, 50), "at most rowsPerSlot rows");
        int stride = appender.runStride();
        assertEquals(SlotLayout.recordLength(20), stride);
        for (int i = 0; i < 10; i++) {
            int at = appender.runOffset() + i * stride;
            assertEquals(20, SlotLayout.rowLength(slot.rows, at - SlotLayout.HEADER), "each row has its length header");
            assertEquals(0L, slot.rows.getLong(at - SlotLayout.HEADER + stride - 8), "and zeroed padding in its last word");
        }
        appender.cancelRun(4);
        assertEquals(6, slot.rowCount);
        assertEquals(6 * stride, slot.usedBytes);

        RingSlot small = new RingSlot();
        small.rows.wrap(new byte[100]);
        SlotAppender bytesBound = new SlotAppender(100, 64);
        bytesBound.target(small);
        assertEquals(100 / SlotLayout.recordLength(20), bytesBound.reserveRun(20, 64), "at most what fits in the slot's bytes");
        assertEquals(0, bytesBound.reserveRun(20, 64), "a full slot reserves nothing");
    }
}

package io.tideway.continuous;

import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.offheap.row.ByteCopy;
import io.tideway.offheap.row.GrowableBuffer;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Copies the rows a reader emits into the claimed ring slot, up to {@code rowsPerSlot} rows. A
 * row that does not fit the slot's remaining room is held in a spill buffer and goes first into
 * the next slot, and the slot reports itself full; a row larger than a whole slot is an error
 * naming the setting. Reader thread only.
 */
final class SlotAppender implements ContinuousPartitionReader.BatchTarget {
    private final int slotBytes;
    private final int rowsPerSlot;
    private final GrowableBuffer spill = new GrowableBuffer(256);
    /** Reader thread: the claimed slot being filled. */
    private RingSlot slot;
    /** Reader thread: the length of the row waiting in {@link #spill}, or -1. */
    private int spillLength = -1;

    SlotAppender(int slotBytes, int rowsPerSlot) {
        this.slotBytes = slotBytes;
        this.rowsPerSlot = rowsPerSlot;
    }

    /** Targets a fresh slot, moving a spilled row into it first. */
    void target(RingSlot s) {
        slot = s;
        s.kind = RingSlot.ROWS;
        s.rowCount = 0;
        s.usedBytes = 0;
        s.offset = null;
        if (spillLength >= 0) {
            int length = spillLength;
            spillLength = -1;
            accept(spill.buffer(), 0, length);
        }
    }

    /** Whether a row is waiting for the next slot (the current one is full). */
    boolean hasSpill() {
        return spillLength >= 0;
    }

    @Override
    public boolean isFull() {
        return spillLength >= 0 || slot.rowCount >= rowsPerSlot;
    }

    @Override
    public int reserve(int length) {
        int record = SlotLayout.recordLength(length);
        int at = slot.usedBytes;
        if (at + record > slotBytes || spillLength >= 0 || slot.rowCount >= rowsPerSlot) {
            return -1;
        }
        SlotLayout.putHeader(slot.rows, at, length);
        if ((length & 7) != 0) {
            // the row's last, partial word: its padding must be zero (see accept)
            slot.rows.putLong(at + record - 8, 0L);
        }
        slot.usedBytes = at + record;
        slot.rowCount++;
        return at + SlotLayout.HEADER;
    }

    /** Reader thread: where the last {@link #reserveRun} began and its rows' spacing. */
    private int runOffset;
    private int runStride;

    @Override
    public int reserveRun(int length, int maxRows) {
        if (spillLength >= 0) {
            return 0;
        }
        int record = SlotLayout.recordLength(length);
        int at = slot.usedBytes;
        int n = Math.min(maxRows, Math.min(rowsPerSlot - slot.rowCount, (slotBytes - at) / record));
        if (n <= 0) {
            return 0;
        }
        boolean partialWord = (length & 7) != 0;
        for (int i = 0, pos = at; i < n; i++, pos += record) {
            SlotLayout.putHeader(slot.rows, pos, length);
            if (partialWord) {
                slot.rows.putLong(pos + record - 8, 0L); // the padding of the row's last word must be zero
            }
        }
        slot.usedBytes = at + n * record;
        slot.rowCount += n;
        runOffset = at + SlotLayout.HEADER;
        runStride = record;
        return n;
    }

    @Override
    public int runOffset() {
        return runOffset;
    }

    @Override
    public int runStride() {
        return runStride;
    }

    @Override
    public void cancelRun(int rows) {
        slot.usedBytes -= rows * runStride;
        slot.rowCount -= rows;
    }

    @Override
    public MutableDirectBuffer buffer() {
        return slot.rows;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        int record = SlotLayout.recordLength(length);
        if (record > slotBytes) {
            throw new IllegalStateException("A row of " + length + " bytes does not fit a ring slot of " + slotBytes
                    + " bytes: raise " + ContinuousSettings.SLOT_BYTES);
        }
        if (slot.usedBytes + record > slotBytes || spillLength >= 0) {
            spill.ensureCapacity(length);
            ByteCopy.copy(spill.buffer(), 0, buffer, offset, length);
            spillLength = length;
            return;
        }
        int at = slot.usedBytes;
        SlotLayout.putHeader(slot.rows, at, length);
        ByteCopy.copy(slot.rows, at + SlotLayout.HEADER, buffer, offset, length);
        if ((length & 7) != 0) {
            // zero the padding so slots never leak stale bytes into rows compared bytewise
            int end = at + SlotLayout.HEADER + length;
            for (int i = end; i < at + record; i++) {
                slot.rows.putByte(i, (byte) 0);
            }
        }
        slot.usedBytes += record;
        slot.rowCount++;
    }

    void close() {
        spill.close();
    }
}

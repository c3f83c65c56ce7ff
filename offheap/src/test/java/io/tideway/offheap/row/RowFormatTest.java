package io.tideway.offheap.row;

import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RowFormatTest {

    @Test
    void writesAndReadsEveryFieldKindInPlace() {
        ExpandableDirectByteBuffer buf = new ExpandableDirectByteBuffer(16);
        RowWriter w = new RowWriter(70);
        w.wrap(buf, 24);
        w.putLong(0, -5L);
        w.putInt(1, -7);
        w.putDouble(2, 2.5);
        w.putBoolean(3, true);
        w.putString(4, "héllo wörld");
        w.setNull(5);
        ArrayWriter a = w.beginArray(6, 3);
        a.putBytes(0, new UnsafeBuffer("ab".getBytes()), 0, 2);
        a.setNull(1);
        a.putBytes(2, new UnsafeBuffer("cde".getBytes()), 0, 3);
        a.end();
        w.putString(7, "after");
        w.setNull(69);
        int len = w.finish();
        assertEquals(0, len % 8, "rows end 8-aligned");

        RowReader r = new RowReader(70).wrap(buf, 24, len);
        assertEquals(-5L, r.getLong(0));
        assertEquals(-7, r.getInt(1));
        assertEquals(2.5, r.getDouble(2));
        assertTrue(r.getBoolean(3));
        assertEquals("héllo wörld", r.getString(4));
        assertTrue(r.isNullAt(5));
        assertFalse(r.isNullAt(4));
        assertTrue(r.isNullAt(69));
        assertFalse(r.isNullAt(68));
        ArrayReader ar = r.getArray(6, new ArrayReader());
        assertEquals(3, ar.count());
        assertEquals("ab", ar.getString(0));
        assertTrue(ar.isNullAt(1));
        assertEquals("cde", ar.getString(2));
        assertEquals("after", r.getString(7));
    }

    @Test
    void decimalsUpTo18DigitsSitInTheSlotAndWiderOnesInTheVariableRegion() {
        ExpandableDirectByteBuffer buf = new ExpandableDirectByteBuffer(16);
        RowWriter w = new RowWriter(3).wrap(buf, 0);
        w.putDecimal(0, new java.math.BigDecimal("-123456789012345.678"), 18);
        w.putDecimal(1, new java.math.BigDecimal("-12345678901234567890123456789.12345678"), 38);
        w.putDecimal(2, new java.math.BigDecimal("0.00"), 3);
        int length = w.finish();
        RowReader r = new RowReader(3).wrap(buf, 0, length);
        assertEquals(-123456789012345678L, r.getLong(0));
        assertEquals(new java.math.BigDecimal("-123456789012345.678"), r.getDecimal(0, 18, 3));
        assertEquals(new java.math.BigDecimal("-12345678901234567890123456789.12345678"), r.getDecimal(1, 38, 8));
        assertEquals(new java.math.BigDecimal("0.00"), r.getDecimal(2, 3, 2));
        assertEquals(RowDescriptor.fixedLength(3) + 16, length);
    }

    @Test
    void fixedBufferRejectsRowsLargerThanItsCapacity() {
        UnsafeBuffer slot = new UnsafeBuffer(ByteBuffer.allocateDirect(32));
        RowWriter w = new RowWriter(1).wrap(slot, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> w.putString(0, "x".repeat(100)));
    }

    @Test
    void arenaKeepsRowsInOrderAndReusesMemoryAfterClear() {
        RowArena arena = new RowArena(64);
        RowWriter w = new RowWriter(2);
        for (int i = 0; i < 1000; i++) {
            arena.beginRow(w);
            w.putLong(0, i);
            w.putString(1, "v" + i);
            arena.endRow(w);
        }
        assertEquals(1000, arena.count());
        List<String> seen = new ArrayList<>();
        RowReader r = new RowReader(2);
        arena.forEach((b, o, l) -> seen.add(r.wrap(b, o, l).getLong(0) + ":" + r.getString(1)));
        assertEquals("0:v0", seen.get(0));
        assertEquals("999:v999", seen.get(999));
        int pulled = 0;
        for (int p = arena.first(); p >= 0; p = arena.next(p)) {
            assertEquals(pulled, r.wrap(arena.buffer(), arena.rowOffset(p), arena.rowLength(p)).getLong(0));
            pulled++;
        }
        assertEquals(1000, pulled);
        int capacity = arena.buffer().capacity();
        arena.clear();
        assertTrue(arena.isEmpty());
        arena.append(arena.buffer(), 8, 8);
        assertEquals(capacity, arena.buffer().capacity());
    }
}

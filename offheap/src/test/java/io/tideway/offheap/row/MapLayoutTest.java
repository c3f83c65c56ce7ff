package io.tideway.offheap.row;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The map layout ({@link MapDescriptor}): two arrays side by side, relocatable, inside a row too. */
class MapLayoutTest {
    /** Writes {a -> 1, bc -> null, d -> 3} at {@code at}; returns its length. */
    private static int writeMap(ExpandableArrayBuffer buf, int at) {
        RowWriter.Growth growth = buf::checkLimit;
        ArrayWriter keys = new ArrayWriter().wrap(buf, at + MapDescriptor.HEADER_LENGTH, 3, growth);
        String[] ks = {"a", "bc", "d"};
        for (int i = 0; i < 3; i++) {
            byte[] b = ks[i].getBytes(StandardCharsets.UTF_8);
            keys.putBytes(i, new UnsafeBuffer(b), 0, b.length);
        }
        int keysLength = keys.finish();
        buf.putLong(at, keysLength);
        ArrayWriter values = new ArrayWriter().wrap(buf, at + MapDescriptor.HEADER_LENGTH + keysLength, 3, growth);
        values.putInt(0, 1);
        values.setNull(1);
        values.putInt(2, 3);
        return MapDescriptor.HEADER_LENGTH + keysLength + values.finish();
    }

    private static void assertMap(org.agrona.DirectBuffer buf, int at, int length) {
        assertEquals(3, MapDescriptor.count(buf, at));
        ArrayReader k = new ArrayReader();
        ArrayReader v = new ArrayReader();
        MapDescriptor.wrap(buf, at, length, k, v);
        assertEquals(3, k.count());
        assertEquals(3, v.count());
        assertEquals("a", k.getString(0));
        assertEquals("bc", k.getString(1));
        assertEquals("d", k.getString(2));
        assertFalse(k.isNullAt(1), "keys are never null");
        assertEquals(1, v.getInt(0));
        assertTrue(v.isNullAt(1));
        assertEquals(3, v.getInt(2));
        assertEquals(0, MapDescriptor.keysLength(buf, at) % 8, "the values array starts 8-aligned");
    }

    @Test
    void keysThenValuesReadBack() {
        ExpandableArrayBuffer buf = new ExpandableArrayBuffer(16);
        int length = writeMap(buf, 0);
        assertMap(buf, 0, length);
        assertEquals(length, MapDescriptor.valuesOffset(buf, 0) + MapDescriptor.valuesLength(buf, 0, length));
    }

    @Test
    void aMapIsRelocatable() {
        ExpandableArrayBuffer buf = new ExpandableArrayBuffer(16);
        int length = writeMap(buf, 0);
        UnsafeBuffer moved = new UnsafeBuffer(new byte[length + 40]);
        moved.putBytes(40, buf, 0, length);
        assertMap(moved, 40, length);
    }

    @Test
    void aMapIsAFieldOfARow() {
        ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(16);
        int length = writeMap(scratch, 0);
        UnsafeBuffer rowBuf = new UnsafeBuffer(new byte[256]);
        RowWriter w = new RowWriter(2).wrap(rowBuf, 0);
        w.putLong(0, 7L);
        w.putBytes(1, scratch, 0, length);
        RowReader r = new RowReader(2).wrap(rowBuf, 0, w.finish());
        assertEquals(7L, r.getLong(0));
        assertEquals(length, r.varLength(1));
        assertMap(rowBuf, r.varOffset(1), r.varLength(1));
    }

    @Test
    void anEmptyMapHasTwoEmptyArrays() {
        ExpandableArrayBuffer buf = new ExpandableArrayBuffer(16);
        ArrayWriter keys = new ArrayWriter().wrap(buf, MapDescriptor.HEADER_LENGTH, 0, buf::checkLimit);
        int k = keys.finish();
        buf.putLong(0, k);
        int v = new ArrayWriter().wrap(buf, MapDescriptor.HEADER_LENGTH + k, 0, buf::checkLimit).finish();
        assertEquals(RowDescriptor.ARRAY_HEADER_LENGTH, k);
        assertEquals(0, MapDescriptor.count(buf, 0));
        assertEquals(MapDescriptor.HEADER_LENGTH + 2 * RowDescriptor.ARRAY_HEADER_LENGTH, MapDescriptor.HEADER_LENGTH + k + v);
    }
}

package io.tideway.offheap.map;

import static io.tideway.offheap.map.MapRecordDescriptor.NO_HANDLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** 200k random operations checked against a {@code HashMap<ByteBuffer, ByteBuffer>} model. */
class BytesToBytesMapDifferentialTest {
    private static final int OPERATIONS = 200_000;
    private static final int KEY_UNIVERSE = 40_000;
    private static final int PAGE_SIZE = 4096;
    /** Key and value bytes sit at an odd offset so nothing relies on the caller's alignment. */
    private static final int SRC_OFFSET = 3;

    private final SplittableRandom random = new SplittableRandom(0x5EED);
    private final Map<ByteBuffer, ByteBuffer> model = new HashMap<>();
    private final UnsafeBuffer keyBuffer = new UnsafeBuffer(new byte[64 + SRC_OFFSET]);
    private final UnsafeBuffer valueBuffer = new UnsafeBuffer(new byte[2 * PAGE_SIZE + SRC_OFFSET]);
    private int keyLength;
    private int valueLength;
    private int inPlace;
    private int relocated;
    private int duplicateInserts;
    private int removedHits;
    private int peakSize;

    @Test
    void agreesWithHashMapThroughGrowthShrinkAndCompaction() {
        try (BytesToBytesMap map = new BytesToBytesMap(2, PAGE_SIZE)) {
            int maxCapacity = 0;
            int compactions = 0;
            for (int op = 0; op < OPERATIONS; op++) {
                // First half mostly grows the map, second half mostly shrinks it.
                final boolean growing = op < OPERATIONS / 2;
                final int dice = random.nextInt(100);
                nextKey();
                if (dice < (growing ? 35 : 10)) {
                    put(map);
                } else if (dice < (growing ? 55 : 15)) {
                    insert(map);
                } else if (dice < (growing ? 70 : 30)) {
                    replace(map);
                } else if (dice < 80) {
                    remove(map);
                } else {
                    find(map);
                }
                assertEquals(model.size(), map.size());
                peakSize = Math.max(peakSize, map.size());
                maxCapacity = Math.max(maxCapacity, map.indexCapacity());
                if (op % 20_000 == 19_999) {
                    verifyAll(map);
                    if (op % 40_000 == 39_999) {
                        assertTrue(map.wastedBytes() > 0);
                        map.compact();
                        compactions++;
                        assertEquals(0, map.wastedBytes());
                        verifyAll(map);
                    }
                }
            }
            verifyAll(map);
            assertTrue(maxCapacity >= 1 << 14, "index grew through many rehashes, max " + maxCapacity);
            assertEquals(5, compactions);
            // The mix really exercised every path, not just the easy ones.
            assertTrue(inPlace > 5_000 && relocated > 5_000, inPlace + " in place, " + relocated + " relocated");
            assertTrue(duplicateInserts > 5_000 && removedHits > 10_000, duplicateInserts + " dup, " + removedHits + " removed");
            assertTrue(peakSize > 10_000 && map.size() < peakSize / 2, "grew to " + peakSize + ", shrank to " + map.size());
        }
    }

    private void nextKey() {
        final int id = random.nextInt(KEY_UNIVERSE);
        // Lengths 0..40 derived from the id, so a key id always has the same bytes.
        keyLength = id % 41;
        final SplittableRandom keyRandom = new SplittableRandom(id);
        for (int i = 0; i < keyLength; i++) {
            keyBuffer.putByte(SRC_OFFSET + i, (byte) keyRandom.nextInt(256));
        }
        if (keyLength >= 4) {
            keyBuffer.putInt(SRC_OFFSET, id);
        } else if (keyLength > 0) {
            // Too short to hold the id: such ids collapse onto few keys, which is fine.
            keyBuffer.putByte(SRC_OFFSET, (byte) id);
        }
    }

    private void nextValue() {
        final int dice = random.nextInt(100);
        valueLength = dice < 2 ? PAGE_SIZE + random.nextInt(PAGE_SIZE) : dice < 10 ? 0 : random.nextInt(200);
        for (int i = 0; i < valueLength; i++) {
            valueBuffer.putByte(SRC_OFFSET + i, (byte) random.nextInt(256));
        }
    }

    private ByteBuffer modelKey() {
        return ByteBuffer.wrap(copy(keyBuffer, SRC_OFFSET, keyLength));
    }

    private ByteBuffer modelValue() {
        return ByteBuffer.wrap(copy(valueBuffer, SRC_OFFSET, valueLength));
    }

    private void put(final BytesToBytesMap map) {
        nextValue();
        final long handle = map.put(keyBuffer, SRC_OFFSET, keyLength, valueBuffer, SRC_OFFSET, valueLength);
        model.put(modelKey(), modelValue());
        assertEquals(handle, map.find(keyBuffer, SRC_OFFSET, keyLength));
        assertValue(map, handle, modelValue().array());
    }

    private void insert(final BytesToBytesMap map) {
        nextValue();
        final boolean present = model.containsKey(modelKey());
        final long handle = map.insert(keyBuffer, SRC_OFFSET, keyLength, valueBuffer, SRC_OFFSET, valueLength);
        if (present) {
            duplicateInserts++;
            assertEquals(NO_HANDLE, handle);
        } else {
            assertNotEquals(NO_HANDLE, handle);
            model.put(modelKey(), modelValue());
            assertValue(map, handle, modelValue().array());
        }
    }

    private void replace(final BytesToBytesMap map) {
        final long handle = map.find(keyBuffer, SRC_OFFSET, keyLength);
        if (handle == NO_HANDLE) {
            assertFalse(model.containsKey(modelKey()));
            return;
        }
        nextValue();
        final int capacity = map.valueCapacity(handle);
        final long wasted = map.wastedBytes();
        final long replaced = map.replaceValue(handle, valueBuffer, SRC_OFFSET, valueLength);
        if (valueLength <= capacity) {
            inPlace++;
            assertEquals(handle, replaced, "fits, so updated in place");
            assertEquals(wasted, map.wastedBytes());
        } else {
            relocated++;
            assertNotEquals(handle, replaced, "outgrew capacity, so relocated");
            assertTrue(map.wastedBytes() > wasted);
        }
        assertNotNull(model.put(modelKey(), modelValue()));
        assertEquals(replaced, map.find(keyBuffer, SRC_OFFSET, keyLength));
        assertValue(map, replaced, modelValue().array());
    }

    private void remove(final BytesToBytesMap map) {
        final boolean removed = map.remove(keyBuffer, SRC_OFFSET, keyLength);
        assertEquals(model.remove(modelKey()) != null, removed);
        removedHits += removed ? 1 : 0;
        assertEquals(NO_HANDLE, map.find(keyBuffer, SRC_OFFSET, keyLength));
    }

    private void find(final BytesToBytesMap map) {
        final long handle = map.find(keyBuffer, SRC_OFFSET, keyLength);
        final ByteBuffer expected = model.get(modelKey());
        if (expected == null) {
            assertEquals(NO_HANDLE, handle);
        } else {
            assertValue(map, handle, expected.array());
        }
    }

    private void assertValue(final BytesToBytesMap map, final long handle, final byte[] expected) {
        assertEquals(expected.length, map.valueLength(handle));
        assertEquals(keyLength, map.keyLength(handle));
        assertArrayEquals(expected, copy(map.buffer(handle), map.valueOffset(handle), expected.length));
        assertArrayEquals(modelKey().array(), copy(map.buffer(handle), map.keyOffset(handle), keyLength));
    }

    /** Every model entry is findable, and forEach and a cursor each see exactly the live entries. */
    private void verifyAll(final BytesToBytesMap map) {
        assertEquals(model.size(), map.size());
        for (final Map.Entry<ByteBuffer, ByteBuffer> e : model.entrySet()) {
            final byte[] key = e.getKey().array();
            final long handle = map.find(new UnsafeBuffer(key), 0, key.length);
            assertNotEquals(NO_HANDLE, handle);
            assertArrayEquals(e.getValue().array(), copy(map.buffer(handle), map.valueOffset(handle),
                map.valueLength(handle)));
        }
        final Map<ByteBuffer, ByteBuffer> seen = new HashMap<>();
        map.forEach((buffer, keyOffset, keyLen, valueOffset, valueLen) -> assertNull(seen.put(
            ByteBuffer.wrap(copy(buffer, keyOffset, keyLen)), ByteBuffer.wrap(copy(buffer, valueOffset, valueLen)))));
        assertEquals(model, seen);
        seen.clear();
        final MapCursor cursor = map.cursor();
        while (cursor.next()) {
            assertNull(seen.put(ByteBuffer.wrap(copy(cursor.buffer(), cursor.keyOffset(), cursor.keyLength())),
                ByteBuffer.wrap(copy(cursor.buffer(), cursor.valueOffset(), cursor.valueLength()))));
            assertEquals(cursor.valueOffset(), map.valueOffset(cursor.handle()));
        }
        assertEquals(model, seen);
    }

    static byte[] copy(final DirectBuffer buffer, final int offset, final int length) {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }
}

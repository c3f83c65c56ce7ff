package io.tideway.offheap.map;

import static io.tideway.offheap.map.MapRecordDescriptor.NO_HANDLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class BytesToBytesMapTest {
    private final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
    private final UnsafeBuffer value = new UnsafeBuffer(new byte[1 << 16]);

    private UnsafeBuffer key(final long id) {
        key.putLong(0, id);
        return key;
    }

    @Test
    void backwardShiftKeepsCollidingKeysFindable() {
        final int capacity = 64;
        // Three clusters: one home slot, two adjacent homes, and a run that wraps past the table end.
        final List<Long> ids = new ArrayList<>();
        for (long id = 0; ids.size() < 30; id++) {
            final int home = Murmur3Hash.hash(key(id), 0, 8) & (capacity - 1);
            if (home == 5 || home == 20 || home == 21 || home == 62 || home == 63) {
                ids.add(id);
            }
        }
        final Random shuffle = new Random(7);
        for (int round = 0; round < 200; round++) {
            try (BytesToBytesMap map = new BytesToBytesMap(capacity, 4096)) {
                for (final long id : ids) {
                    value.putLong(0, id * 3);
                    assertNotEquals(NO_HANDLE, map.insert(key(id), 0, 8, value, 0, 8));
                }
                assertEquals(capacity, map.indexCapacity(), "no growth, so probe runs stay long");
                final List<Long> order = new ArrayList<>(ids);
                Collections.shuffle(order, shuffle);
                for (int removed = 0; removed < order.size(); removed++) {
                    assertTrue(map.remove(key(order.get(removed)), 0, 8));
                    assertFalse(map.remove(key(order.get(removed)), 0, 8));
                    for (int i = 0; i < order.size(); i++) {
                        final long h = map.find(key(order.get(i)), 0, 8);
                        if (i <= removed) {
                            assertEquals(NO_HANDLE, h);
                        } else {
                            assertEquals(order.get(i) * 3, map.buffer(h).getLong(map.valueOffset(h)));
                        }
                    }
                    assertEquals(order.size() - removed - 1, map.size());
                }
            }
        }
    }

    @Test
    void updatesFixedWidthValuesInPlace() {
        try (BytesToBytesMap map = new BytesToBytesMap()) {
            final UnsafeBuffer zeros = new UnsafeBuffer(new byte[16]);
            for (int round = 0; round < 1000; round++) {
                for (long id = 0; id < 100; id++) {
                    final long h = map.findOrInsert(key(id), 0, 8, zeros, 0, 16);
                    final UnsafeBuffer b = map.buffer(h);
                    final int at = map.valueOffset(h);
                    assertEquals(0, (b.addressOffset() + at) & 7, "value is 8-aligned in memory");
                    b.putLong(at, b.getLong(at) + 1);
                    b.putLong(at + 8, b.getLong(at + 8) + id);
                }
            }
            assertEquals(100, map.size());
            assertEquals(0, map.wastedBytes());
            for (long id = 0; id < 100; id++) {
                final long h = map.find(key(id), 0, 8);
                assertEquals(1000, map.buffer(h).getLong(map.valueOffset(h)));
                assertEquals(1000 * id, map.buffer(h).getLong(map.valueOffset(h) + 8));
            }
        }
    }

    @Test
    void closeFreesDirectMemoryAndIsIdempotent() {
        final BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> "direct".equals(pool.getName())).findFirst().orElseThrow();
        final long before = direct.getMemoryUsed();
        final BytesToBytesMap map = new BytesToBytesMap(16, 1 << 16);
        for (long id = 0; id < 5000; id++) {
            map.insert(key(id), 0, 8, value, 0, 100);
        }
        map.insert(key(-1), 0, 8, value, 0, 1 << 16); // larger than a page: a page of its own
        final long used = map.memoryUsedBytes();
        assertTrue(direct.getMemoryUsed() - before >= 9 * (1 << 16), "pages are direct memory");
        assertTrue(used > 9 * (1 << 16));
        final long handle = map.find(key(7), 0, 8);
        final UnsafeBuffer stale = map.buffer(handle);

        map.close();
        assertTrue(map.isClosed());
        assertEquals(before, direct.getMemoryUsed(), "every page freed");
        assertEquals(0, map.memoryUsedBytes());
        assertThrows(IndexOutOfBoundsException.class, () -> stale.getLong(0), "stale buffer cannot reach freed memory");
        map.close();
        assertEquals(before, direct.getMemoryUsed());
        assertEquals(NO_HANDLE, map.find(key(7), 0, 8));
        assertThrows(IllegalStateException.class, () -> map.insert(key(1), 0, 8, value, 0, 8));
        assertThrows(IllegalStateException.class, map::clear);
    }

    @Test
    void clearKeepsMemoryForReuse() {
        try (BytesToBytesMap map = new BytesToBytesMap(16, 4096)) {
            for (long id = 0; id < 2000; id++) {
                map.insert(key(id), 0, 8, value, 0, 24);
            }
            final long used = map.memoryUsedBytes();
            map.clear();
            assertEquals(0, map.size());
            assertEquals(used, map.memoryUsedBytes());
            assertFalse(map.cursor().next());
            for (long id = 0; id < 2000; id++) {
                assertEquals(NO_HANDLE, map.find(key(id), 0, 8));
            }
            for (long id = 0; id < 2000; id++) {
                assertNotEquals(NO_HANDLE, map.insert(key(id + 5000), 0, 8, value, 0, 24));
            }
            assertEquals(used, map.memoryUsedBytes(), "same pages and index reused");
        }
    }

    @Test
    void cursorCanEvictWhileIterating() {
        try (BytesToBytesMap map = new BytesToBytesMap()) {
            for (long id = 0; id < 1000; id++) {
                value.putLong(0, id);
                map.insert(key(id), 0, 8, value, 0, 8);
            }
            final MapCursor cursor = map.cursor();
            int visited = 0;
            while (cursor.next()) {
                visited++;
                if (cursor.buffer().getLong(cursor.valueOffset()) % 2 == 0) {
                    assertTrue(map.remove(cursor.buffer(), cursor.keyOffset(), cursor.keyLength()));
                }
            }
            assertEquals(1000, visited);
            assertEquals(500, map.size());
            final long[] sum = new long[1];
            map.forEach((buffer, keyOffset, keyLength, valueOffset, valueLength) -> sum[0] += buffer.getLong(valueOffset));
            assertEquals(500L * 500, sum[0], "sum of the odd ids below 1000");
            map.compact();
            assertEquals(500, map.size());
            assertEquals(0, map.wastedBytes());
        }
    }

    @Test
    void rejectsBadConfigurationNamingTheOption() {
        final IllegalArgumentException page = assertThrows(IllegalArgumentException.class,
            () -> new BytesToBytesMap(16, 100));
        assertTrue(page.getMessage().contains("pageSize=100"));
        final IllegalArgumentException capacity = assertThrows(IllegalArgumentException.class,
            () -> new BytesToBytesMap(0, 4096));
        assertTrue(capacity.getMessage().contains("initialCapacity=0"));
    }
}

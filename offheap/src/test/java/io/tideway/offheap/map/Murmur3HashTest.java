package io.tideway.offheap.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class Murmur3HashTest {
    private static int hash(final String s, final int seed) {
        final byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[bytes.length + 5]);
        buffer.putBytes(5, bytes);
        return Murmur3Hash.hash(buffer, 5, bytes.length, seed);
    }

    @Test
    void matchesPublishedX86_32Vectors() {
        assertEquals(0, hash("", 0));
        assertEquals(0x514E28B7, hash("", 1));
        assertEquals(0x248bfa47, hash("hello", 0));
        assertEquals(0x2e4ff723, hash("The quick brown fox jumps over the lazy dog", 0));
        assertEquals(0x81F16F39, hash("", 0xffffffff));
        assertEquals(0x7FA09EA6, hash("a", 0x9747b28c));
        assertEquals(0x5D211726, hash("aa", 0x9747b28c));
        assertEquals(0x283E0130, hash("aaa", 0x9747b28c));
        assertEquals(0x5A97808A, hash("aaaa", 0x9747b28c));
        assertEquals(0x24884CBA, hash("Hello, world!", 0x9747b28c));
        assertEquals(0x2FA826CD, hash("The quick brown fox jumps over the lazy dog", 0x9747b28c));
    }

    @Test
    void mapHashEqualsStaticHash() {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7});
        try (BytesToBytesMap map = new BytesToBytesMap()) {
            assertEquals(Murmur3Hash.hash(buffer, 1, 6), map.hash(buffer, 1, 6));
        }
    }
}

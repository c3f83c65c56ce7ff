package io.tideway.connectors.chronicle;

import io.tideway.offheap.row.GrowableBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** UTF-8 encoding of a {@link CharSequence} into an off-heap buffer without allocating. Stateless. */
final class Utf8 {
    private Utf8() {
    }

    /** Encodes {@code s} at offset 0 of {@code out} (grown as needed); returns the byte length. */
    static int encode(CharSequence s, GrowableBuffer out) {
        int n = s.length();
        out.ensureCapacity(Math.max(1, n * 3));
        UnsafeBuffer b = out.buffer();
        int at = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b.putByte(at++, (byte) c);
            } else if (c < 0x800) {
                b.putByte(at++, (byte) (0xC0 | (c >> 6)));
                b.putByte(at++, (byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b.putByte(at++, (byte) (0xF0 | (cp >> 18)));
                b.putByte(at++, (byte) (0x80 | ((cp >> 12) & 0x3F)));
                b.putByte(at++, (byte) (0x80 | ((cp >> 6) & 0x3F)));
                b.putByte(at++, (byte) (0x80 | (cp & 0x3F)));
            } else {
                if (Character.isSurrogate(c)) {
                    c = '?';
                }
                b.putByte(at++, (byte) (0xE0 | (c >> 12)));
                b.putByte(at++, (byte) (0x80 | ((c >> 6) & 0x3F)));
                b.putByte(at++, (byte) (0x80 | (c & 0x3F)));
            }
        }
        return at;
    }
}

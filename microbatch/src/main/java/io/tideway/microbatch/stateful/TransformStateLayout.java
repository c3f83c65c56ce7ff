package io.tideway.microbatch.stateful;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The state-store records of a {@code transformWithState} partition. All of one state variable's
 * values for one grouping key are one record, and so are a grouping key's timers:
 * <pre>
 * key:     [kind:1][name length:2][name, UTF-8][grouping key row]
 * payload: kind VALUE, LIST  ([expiry ms:8][length:4][value row])*      (a value: one element)
 *          kind MAP          ([expiry ms:8][length:4][user key row][length:4][value row])*
 *          kind TIMERS       ([expiry ms:8])*, ascending                 (the name is empty)
 * </pre>
 * An element's expiry is its TTL's (the batch time of its last write plus the TTL), or
 * {@link #NO_EXPIRY}. Records are decoded whole into {@link Element}s: state variables hold a
 * key's values, each read or write costs the record's size, as the processor runs on objects.
 */
final class TransformStateLayout {
    static final byte VALUE = 1;
    static final byte LIST = 2;
    static final byte MAP = 3;
    static final byte TIMERS = 4;
    static final int KIND_OFFSET = 0;
    static final int NAME_LENGTH_OFFSET = 1;
    static final int NAME_OFFSET = 3;
    static final long NO_EXPIRY = Long.MAX_VALUE;

    private TransformStateLayout() {
    }

    /** One stored value: its expiry, the user key's row (map entries only, else null) and the value's row. */
    record Element(long expiryMs, byte[] key, byte[] value) {
    }

    static byte[] name(String stateName) {
        return stateName.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a record key into {@code out} at 0; returns its length. */
    static int writeKey(ExpandableArrayBuffer out, byte kind, byte[] name, byte[] groupingKey) {
        out.putByte(KIND_OFFSET, kind);
        out.putShort(NAME_LENGTH_OFFSET, (short) name.length);
        out.putBytes(NAME_OFFSET, name);
        out.putBytes(NAME_OFFSET + name.length, groupingKey);
        return NAME_OFFSET + name.length + groupingKey.length;
    }

    static byte kind(DirectBuffer b, int keyOffset) {
        return b.getByte(keyOffset + KIND_OFFSET);
    }

    /** Where the grouping key starts in a record key at {@code keyOffset}. */
    static int groupingKeyOffset(DirectBuffer b, int keyOffset) {
        return keyOffset + NAME_OFFSET + (b.getShort(keyOffset + NAME_LENGTH_OFFSET) & 0xFFFF);
    }

    static String name(DirectBuffer b, int keyOffset) {
        return b.getStringWithoutLengthUtf8(keyOffset + NAME_OFFSET, b.getShort(keyOffset + NAME_LENGTH_OFFSET) & 0xFFFF);
    }

    /** The elements of a VALUE, LIST or MAP payload. */
    static List<Element> readElements(DirectBuffer b, int offset, int length, boolean isMap) {
        List<Element> out = new ArrayList<>();
        int at = offset;
        int end = offset + length;
        while (at < end) {
            long expiry = b.getLong(at);
            at += 8;
            byte[] key = null;
            if (isMap) {
                key = new byte[b.getInt(at)];
                b.getBytes(at + 4, key);
                at += 4 + key.length;
            }
            byte[] value = new byte[b.getInt(at)];
            b.getBytes(at + 4, value);
            at += 4 + value.length;
            out.add(new Element(expiry, key, value));
        }
        return out;
    }

    /** Writes elements as a payload into {@code out} at 0; returns its length. */
    static int writeElements(ExpandableArrayBuffer out, List<Element> elements) {
        int at = 0;
        for (Element e : elements) {
            out.putLong(at, e.expiryMs());
            at += 8;
            if (e.key() != null) {
                out.putInt(at, e.key().length);
                out.putBytes(at + 4, e.key());
                at += 4 + e.key().length;
            }
            out.putInt(at, e.value().length);
            out.putBytes(at + 4, e.value());
            at += 4 + e.value().length;
        }
        return at;
    }
}

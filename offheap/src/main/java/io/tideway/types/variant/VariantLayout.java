package io.tideway.types.variant;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * How a row field holds a variant: both binaries in one variable-length field.
 *
 * <pre>
 * 0         4                  4 + valueLength
 * | valueLength (int, LE) | value bytes | metadata bytes |
 * </pre>
 * The metadata runs to the end of the field. Stateless.
 */
public final class VariantLayout {
    /** Offset of the value length. */
    public static final int VALUE_LENGTH_OFFSET = 0;
    /** Offset of the value bytes. */
    public static final int VALUE_OFFSET = 4;

    private VariantLayout() {
    }

    /** The field bytes of a variant. */
    public static byte[] encode(byte[] value, byte[] metadata) {
        byte[] out = new byte[VALUE_OFFSET + value.length + metadata.length];
        VariantFormat.writeLong(out, VALUE_LENGTH_OFFSET, value.length, 4);
        System.arraycopy(value, 0, out, VALUE_OFFSET, value.length);
        System.arraycopy(metadata, 0, out, VALUE_OFFSET + value.length, metadata.length);
        return out;
    }

    /** Writes the field bytes at {@code offset}; returns their length. */
    public static int write(MutableDirectBuffer b, int offset, byte[] value, byte[] metadata) {
        b.putInt(offset + VALUE_LENGTH_OFFSET, value.length, java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putBytes(offset + VALUE_OFFSET, value);
        b.putBytes(offset + VALUE_OFFSET + value.length, metadata);
        return VALUE_OFFSET + value.length + metadata.length;
    }

    public static byte[] value(DirectBuffer b, int offset, int length) {
        byte[] v = new byte[b.getInt(offset + VALUE_LENGTH_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN)];
        b.getBytes(offset + VALUE_OFFSET, v);
        return v;
    }

    public static byte[] metadata(DirectBuffer b, int offset, int length) {
        int valueLength = b.getInt(offset + VALUE_LENGTH_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] m = new byte[length - VALUE_OFFSET - valueLength];
        b.getBytes(offset + VALUE_OFFSET + valueLength, m);
        return m;
    }

    /** The variant a field holds (copies both binaries). */
    public static Variant read(DirectBuffer b, int offset, int length) {
        return new Variant(value(b, offset, length), metadata(b, offset, length));
    }
}

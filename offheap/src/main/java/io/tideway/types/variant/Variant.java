package io.tideway.types.variant;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;

import static io.tideway.types.variant.VariantFormat.*;

/**
 * A read-only view of one value inside a variant: the value binary, the metadata binary and the
 * position of the value's header byte (nested values share their parent's binaries, so reading a
 * field copies nothing). Immutable; the arrays must not change while views over them are used.
 */
public final class Variant {
    private final byte[] value;
    private final byte[] metadata;
    private final int pos;

    public Variant(byte[] value, byte[] metadata) {
        this(value, metadata, 0);
    }

    Variant(byte[] value, byte[] metadata, int pos) {
        if (metadata.length < 1 || (metadata[0] & VERSION_MASK) != VERSION || pos >= value.length) {
            throw new MalformedVariantException();
        }
        this.value = value;
        this.metadata = metadata;
        this.pos = pos;
    }

    public byte[] metadata() {
        return metadata;
    }

    /** The value binary of this value alone (a copy unless it is the whole binary). */
    public byte[] valueBytes() {
        int size = valueSize();
        return pos == 0 && size == value.length ? value : Arrays.copyOfRange(value, pos, pos + size);
    }

    private int header() {
        return value[pos] & 0xFF;
    }

    private int typeInfo() {
        return header() >>> 2;
    }

    public VariantKind kind() {
        int basic = header() & BASIC_TYPE_MASK;
        switch (basic) {
            case SHORT_STR:
                return VariantKind.STRING;
            case OBJECT:
                return VariantKind.OBJECT;
            case ARRAY:
                return VariantKind.ARRAY;
            default:
                return primitiveKind(typeInfo());
        }
    }

    private static VariantKind primitiveKind(int type) {
        return switch (type) {
            case NULL -> VariantKind.NULL;
            case TRUE, FALSE -> VariantKind.BOOLEAN;
            case INT1, INT2, INT4, INT8 -> VariantKind.LONG;
            case DOUBLE -> VariantKind.DOUBLE;
            case DECIMAL4, DECIMAL8, DECIMAL16 -> VariantKind.DECIMAL;
            case DATE -> VariantKind.DATE;
            case TIMESTAMP -> VariantKind.TIMESTAMP;
            case TIMESTAMP_NTZ -> VariantKind.TIMESTAMP_NTZ;
            case FLOAT -> VariantKind.FLOAT;
            case BINARY -> VariantKind.BINARY;
            case LONG_STR -> VariantKind.STRING;
            case UUID -> VariantKind.UUID;
            default -> throw new MalformedVariantException();
        };
    }

    /** The primitive type id (Spark's {@code INT1} ... ), or -1 for strings, objects and arrays. */
    public int primitiveType() {
        return (header() & BASIC_TYPE_MASK) == PRIMITIVE ? typeInfo() : -1;
    }

    public boolean getBoolean() {
        return typeInfo() == TRUE;
    }

    /** An integer of any width, a date (days) or a timestamp (micros). */
    public long getLong() {
        return switch (typeInfo()) {
            case INT1 -> readSigned(value, pos + 1, 1);
            case INT2 -> readSigned(value, pos + 1, 2);
            case INT4, DATE -> readSigned(value, pos + 1, 4);
            case INT8, TIMESTAMP, TIMESTAMP_NTZ -> readSigned(value, pos + 1, 8);
            default -> throw new MalformedVariantException();
        };
    }

    public double getDouble() {
        return Double.longBitsToDouble(readSigned(value, pos + 1, 8));
    }

    public float getFloat() {
        return Float.intBitsToFloat((int) readSigned(value, pos + 1, 4));
    }

    /** The decimal with the scale it was written with. */
    public BigDecimal getDecimalWithOriginalScale() {
        int scale = value[pos + 1] & 0xFF;
        return switch (typeInfo()) {
            case DECIMAL4 -> BigDecimal.valueOf(readSigned(value, pos + 2, 4), scale);
            case DECIMAL8 -> BigDecimal.valueOf(readSigned(value, pos + 2, 8), scale);
            case DECIMAL16 -> {
                byte[] bigEndian = new byte[16];
                for (int i = 0; i < 16; i++) {
                    bigEndian[i] = value[pos + 2 + 15 - i];
                }
                yield new BigDecimal(new BigInteger(bigEndian), scale);
            }
            default -> throw new MalformedVariantException();
        };
    }

    /** The decimal without trailing zeros, as Spark reads it ({@code 1.50} reads as {@code 1.5}). */
    public BigDecimal getDecimal() {
        return getDecimalWithOriginalScale().stripTrailingZeros();
    }

    public String getString() {
        if ((header() & BASIC_TYPE_MASK) == SHORT_STR) {
            return new String(value, pos + 1, typeInfo(), StandardCharsets.UTF_8);
        }
        return new String(value, pos + 5, readUnsigned(value, pos + 1, 4), StandardCharsets.UTF_8);
    }

    public byte[] getBinary() {
        int len = readUnsigned(value, pos + 1, 4);
        return Arrays.copyOfRange(value, pos + 5, pos + 5 + len);
    }

    /** A UUID's 16 bytes, big-endian as the encoding stores them. */
    public java.util.UUID getUuid() {
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (value[pos + 1 + i] & 0xFF);
            lo = lo << 8 | (value[pos + 9 + i] & 0xFF);
        }
        return new java.util.UUID(hi, lo);
    }

    private boolean large(int bit) {
        return (typeInfo() >>> bit & 1) == 1;
    }

    private int countSize(int largeBit) {
        return large(largeBit) ? 4 : 1;
    }

    /** The number of fields of an object or elements of an array. */
    public int size() {
        int bit = kind() == VariantKind.OBJECT ? 4 : 2;
        return readUnsigned(value, pos + 1, countSize(bit));
    }

    private int idSize() {
        return (typeInfo() >>> 2 & 0x3) + 1;
    }

    private int offsetSize() {
        return (typeInfo() & 0x3) + 1;
    }

    /** Object field {@code i}'s key. */
    public String fieldKey(int i) {
        int idStart = pos + 1 + countSize(4);
        return metadataKey(readUnsigned(value, idStart + i * idSize(), idSize()));
    }

    /** Object field {@code i}'s value. */
    public Variant fieldValue(int i) {
        int n = size();
        int idStart = pos + 1 + countSize(4);
        int offsetStart = idStart + n * idSize();
        int dataStart = offsetStart + (n + 1) * offsetSize();
        return new Variant(value, metadata, dataStart + readUnsigned(value, offsetStart + i * offsetSize(), offsetSize()));
    }

    /** The value of the object's field {@code key}, or null. Fields are sorted by key: binary search. */
    public Variant field(String key) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = fieldKey(mid).compareTo(key);
            if (cmp == 0) {
                return fieldValue(mid);
            } else if (cmp < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /** Array element {@code i}, or null out of bounds. */
    public Variant element(int i) {
        int n = size();
        if (i < 0 || i >= n) {
            return null;
        }
        int offsetStart = pos + 1 + countSize(2);
        int dataStart = offsetStart + (n + 1) * offsetSize();
        return new Variant(value, metadata, dataStart + readUnsigned(value, offsetStart + i * offsetSize(), offsetSize()));
    }

    /** Metadata dictionary key {@code id}. */
    public String metadataKey(int id) {
        int offsetSize = ((metadata[0] & 0xFF) >>> 6) + 1;
        int dictSize = readUnsigned(metadata, 1, offsetSize);
        if (id >= dictSize) {
            throw new MalformedVariantException();
        }
        int stringStart = 1 + (dictSize + 2) * offsetSize;
        int from = readUnsigned(metadata, 1 + (id + 1) * offsetSize, offsetSize);
        int to = readUnsigned(metadata, 1 + (id + 2) * offsetSize, offsetSize);
        return new String(metadata, stringStart + from, to - from, StandardCharsets.UTF_8);
    }

    /** The bytes this value takes in the value binary, header included. */
    public int valueSize() {
        int basic = header() & BASIC_TYPE_MASK;
        if (basic == SHORT_STR) {
            return 1 + typeInfo();
        }
        if (basic == OBJECT || basic == ARRAY) {
            int n = size();
            int ids = basic == OBJECT ? n * idSize() : 0;
            int offsetStart = pos + 1 + countSize(basic == OBJECT ? 4 : 2) + ids;
            int dataSize = readUnsigned(value, offsetStart + n * offsetSize(), offsetSize());
            return offsetStart - pos + (n + 1) * offsetSize() + dataSize;
        }
        return switch (typeInfo()) {
            case NULL, TRUE, FALSE -> 1;
            case INT1 -> 2;
            case INT2 -> 3;
            case INT4, DATE, FLOAT -> 5;
            case INT8, DOUBLE, TIMESTAMP, TIMESTAMP_NTZ -> 9;
            case DECIMAL4 -> 6;
            case DECIMAL8 -> 10;
            case DECIMAL16 -> 18;
            case BINARY, LONG_STR -> 5 + readUnsigned(value, pos + 1, 4);
            case UUID -> 17;
            default -> throw new MalformedVariantException();
        };
    }

    /** The value as JSON text, timestamps in {@code zone}, as Spark's {@code Variant.toJson}. */
    public String toJson(ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        VariantJsonWriter.append(sb, this, zone);
        return sb.toString();
    }
}

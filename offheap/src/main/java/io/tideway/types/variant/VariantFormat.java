package io.tideway.types.variant;

/**
 * The binary variant encoding of Spark 4.0 ({@code common/variant/README.md}): the constants of its
 * two binaries. Every integer is little-endian and unsigned unless said otherwise.
 *
 * <pre>
 * metadata:  header(1) | dictionary_size(o) | offsets((size + 1) * o) | key bytes (UTF-8)
 *            header bits: 7-6 offset_size - 1 (o = 1..4) | 5 unused | 4 sorted_strings | 3-0 version (1)
 *
 * value:     header(1) | data
 *            header bits: 7-2 value_header | 1-0 basic_type
 *   basic_type 0 primitive:   value_header = primitive type id (below), data per type
 *   basic_type 1 short string: value_header = length (0..63), data = UTF-8 bytes
 *   basic_type 2 object:  value_header bits 4 is_large | 3-2 field_id_size - 1 | 1-0 field_offset_size - 1
 *                         data = num_fields(1, or 4 if large) | field ids | (num + 1) offsets | values
 *                         (fields sorted by key; offsets from the start of the values)
 *   basic_type 3 array:   value_header bits 2 is_large | 1-0 offset_size - 1
 *                         data = num_elements(1, or 4 if large) | (num + 1) offsets | values
 * </pre>
 * Primitive data: ints 1/2/4/8 bytes signed; double 8 (IEEE bits); decimal4/8/16 one scale
 * byte then the signed unscaled value in 4/8/16 bytes; date 4 (days); timestamp and
 * timestamp_ntz 8 (micros); float 4; binary and long string a 4-byte length then the bytes.
 */
public final class VariantFormat {
    public static final int BASIC_TYPE_MASK = 0x3;
    public static final int PRIMITIVE = 0;
    public static final int SHORT_STR = 1;
    public static final int OBJECT = 2;
    public static final int ARRAY = 3;

    public static final int NULL = 0;
    public static final int TRUE = 1;
    public static final int FALSE = 2;
    public static final int INT1 = 3;
    public static final int INT2 = 4;
    public static final int INT4 = 5;
    public static final int INT8 = 6;
    public static final int DOUBLE = 7;
    public static final int DECIMAL4 = 8;
    public static final int DECIMAL8 = 9;
    public static final int DECIMAL16 = 10;
    public static final int DATE = 11;
    public static final int TIMESTAMP = 12;
    public static final int TIMESTAMP_NTZ = 13;
    public static final int FLOAT = 14;
    public static final int BINARY = 15;
    public static final int LONG_STR = 16;
    public static final int UUID = 20;

    public static final int VERSION = 1;
    public static final int VERSION_MASK = 0x0F;
    public static final int MAX_SHORT_STR_SIZE = 63;
    public static final int MAX_DECIMAL4_PRECISION = 9;
    public static final int MAX_DECIMAL8_PRECISION = 18;
    public static final int MAX_DECIMAL16_PRECISION = 38;
    /** Spark's limit on either binary (16 MiB). */
    public static final int SIZE_LIMIT = 1 << 24;

    private VariantFormat() {
    }

    static int primitiveHeader(int type) {
        return type << 2 | PRIMITIVE;
    }

    /** The fewest bytes (1 to 3) that hold {@code value} unsigned. */
    static int integerSize(int value) {
        return value <= 0xFF ? 1 : value <= 0xFFFF ? 2 : 3;
    }

    static void writeLong(byte[] b, int pos, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            b[pos + i] = (byte) (v >>> (8 * i));
        }
    }

    static int readUnsigned(byte[] b, int pos, int bytes) {
        int v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (b[pos + i] & 0xFF) << (8 * i);
        }
        return v;
    }

    static long readSigned(byte[] b, int pos, int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) (b[pos + i] & 0xFF) << (8 * i);
        }
        int shift = 64 - 8 * bytes;
        return v << shift >> shift;
    }
}

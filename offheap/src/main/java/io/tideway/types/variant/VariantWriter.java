package io.tideway.types.variant;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tideway.types.variant.VariantFormat.*;

/**
 * Builds a variant's value and metadata binaries byte for byte as Spark's {@code VariantBuilder}:
 * integers in the narrowest width, keys in the dictionary in first-seen order (not sorted),
 * object fields sorted by key, offsets and ids in the fewest bytes. A container is written by
 * taking {@link #position()}, appending its children (recording each field's or element's offset
 * from that position), then {@link #finishObject} or {@link #finishArray}, which shift the
 * children to make room for the header. Single-threaded; one builder per value.
 */
public final class VariantWriter {
    private final boolean allowDuplicateKeys;
    private byte[] buf = new byte[128];
    private int pos;
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final List<byte[]> keys = new ArrayList<>();

    /** @param allowDuplicateKeys Spark's {@code spark.sql.variant.allowDuplicateKeys}: the last value of a repeated key wins */
    public VariantWriter(boolean allowDuplicateKeys) {
        this.allowDuplicateKeys = allowDuplicateKeys;
    }

    /** One object field being written: its key, dictionary id and offset from the object's start. */
    public record Field(String key, int id, int offset) {
    }

    public int position() {
        return pos;
    }

    private void ensure(int more) {
        int need = pos + more;
        if (need > buf.length) {
            int cap = Integer.highestOneBit(need);
            cap = cap < need ? cap * 2 : cap;
            if (cap > SIZE_LIMIT) {
                throw new VariantSizeLimitException();
            }
            buf = Arrays.copyOf(buf, cap);
        }
    }

    private void header(int type) {
        buf[pos++] = (byte) primitiveHeader(type);
    }

    private void fixed(long v, int bytes) {
        writeLong(buf, pos, v, bytes);
        pos += bytes;
    }

    public void appendNull() {
        ensure(1);
        header(NULL);
    }

    public void appendBoolean(boolean b) {
        ensure(1);
        header(b ? TRUE : FALSE);
    }

    /** An integer in the narrowest of 1, 2, 4 and 8 bytes that holds it. */
    public void appendLong(long v) {
        ensure(9);
        if (v == (byte) v) {
            header(INT1);
            fixed(v, 1);
        } else if (v == (short) v) {
            header(INT2);
            fixed(v, 2);
        } else if (v == (int) v) {
            header(INT4);
            fixed(v, 4);
        } else {
            header(INT8);
            fixed(v, 8);
        }
    }

    public void appendDouble(double d) {
        ensure(9);
        header(DOUBLE);
        fixed(Double.doubleToLongBits(d), 8);
    }

    public void appendFloat(float f) {
        ensure(5);
        header(FLOAT);
        fixed(Float.floatToIntBits(f), 4);
    }

    /** A decimal of at most 38 digits and scale, in the narrowest of decimal4, decimal8, decimal16. */
    public void appendDecimal(BigDecimal d) {
        ensure(18);
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        int precision = d.precision();
        if (scale <= MAX_DECIMAL4_PRECISION && precision <= MAX_DECIMAL4_PRECISION) {
            header(DECIMAL4);
            buf[pos++] = (byte) scale;
            fixed(unscaled.intValueExact(), 4);
        } else if (scale <= MAX_DECIMAL8_PRECISION && precision <= MAX_DECIMAL8_PRECISION) {
            header(DECIMAL8);
            buf[pos++] = (byte) scale;
            fixed(unscaled.longValueExact(), 8);
        } else {
            header(DECIMAL16);
            buf[pos++] = (byte) scale;
            byte[] bigEndian = unscaled.toByteArray();
            byte sign = (byte) (bigEndian[0] < 0 ? -1 : 0);
            for (int i = 0; i < 16; i++) {
                buf[pos + i] = i < bigEndian.length ? bigEndian[bigEndian.length - 1 - i] : sign;
            }
            pos += 16;
        }
    }

    public void appendDate(int days) {
        ensure(5);
        header(DATE);
        fixed(days, 4);
    }

    public void appendTimestamp(long micros) {
        ensure(9);
        header(TIMESTAMP);
        fixed(micros, 8);
    }

    public void appendTimestampNtz(long micros) {
        ensure(9);
        header(TIMESTAMP_NTZ);
        fixed(micros, 8);
    }

    public void appendBinary(byte[] b) {
        ensure(5 + b.length);
        header(BINARY);
        fixed(b.length, 4);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** A string: short (length in the header) up to 63 UTF-8 bytes, else long. */
    public void appendString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ensure(5 + utf8.length);
        if (utf8.length > MAX_SHORT_STR_SIZE) {
            header(LONG_STR);
            fixed(utf8.length, 4);
        } else {
            buf[pos++] = (byte) (utf8.length << 2 | SHORT_STR);
        }
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
    }

    /** The dictionary id of {@code key}, added at the end if new. */
    public int addKey(String key) {
        Integer id = dictionary.get(key);
        if (id == null) {
            id = keys.size();
            dictionary.put(key, id);
            keys.add(key.getBytes(StandardCharsets.UTF_8));
        }
        return id;
    }

    /** Appends a field of the object started at {@code start}: records its key and offset; write its value next. */
    public void addField(List<Field> fields, String key, int start) {
        fields.add(new Field(key, addKey(key), pos - start));
    }

    /**
     * Closes the object whose fields were written from {@code start}: sorts them by key, refuses
     * (or, if allowed, drops all but the last of) a repeated key, and writes the header.
     */
    public void finishObject(int start, List<Field> fields) {
        List<Field> sorted = new ArrayList<>(fields);
        sorted.sort((a, b) -> a.key().compareTo(b.key())); // stable: a repeated key keeps write order
        if (!dedupe(sorted)) {
            // the kept fields' values are no longer contiguous: copy them out in sorted order
            compact(start, sorted);
        }
        int dataSize = pos - start;
        int n = sorted.size();
        int maxId = 0;
        for (Field f : sorted) {
            maxId = Math.max(maxId, f.id());
        }
        boolean large = n > 0xFF;
        int countSize = large ? 4 : 1;
        int idSize = integerSize(maxId);
        int offsetSize = integerSize(dataSize);
        int headerSize = 1 + countSize + n * idSize + (n + 1) * offsetSize;
        ensure(headerSize);
        System.arraycopy(buf, start, buf, start + headerSize, dataSize);
        pos += headerSize;
        buf[start] = (byte) (((large ? 1 : 0) << 4 | (idSize - 1) << 2 | (offsetSize - 1)) << 2 | OBJECT);
        writeLong(buf, start + 1, n, countSize);
        int idStart = start + 1 + countSize;
        int offsetStart = idStart + n * idSize;
        for (int i = 0; i < n; i++) {
            writeLong(buf, idStart + i * idSize, sorted.get(i).id(), idSize);
            writeLong(buf, offsetStart + i * offsetSize, sorted.get(i).offset(), offsetSize);
        }
        writeLong(buf, offsetStart + n * offsetSize, dataSize, offsetSize);
    }

    /** True if no key repeats; else keeps each key's last field (or throws when repeats are refused). */
    private boolean dedupe(List<Field> sorted) {
        boolean unique = true;
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).key().equals(sorted.get(i - 1).key())) {
                if (!allowDuplicateKeys) {
                    throw new VariantDuplicateKeyException(sorted.get(i).key());
                }
                unique = false;
            }
        }
        if (!unique) {
            List<Field> kept = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                if (i + 1 == sorted.size() || !sorted.get(i + 1).key().equals(sorted.get(i).key())) {
                    kept.add(sorted.get(i));
                }
            }
            sorted.clear();
            sorted.addAll(kept);
        }
        return unique;
    }

    /** Rewrites the values of {@code kept} (offsets from {@code start}) contiguously, in order. */
    private void compact(int start, List<Field> kept) {
        byte[] old = Arrays.copyOfRange(buf, start, pos);
        byte[] meta = new byte[] {VERSION, 0, 0};
        pos = start;
        for (int i = 0; i < kept.size(); i++) {
            Field f = kept.get(i);
            int size = new Variant(old, meta, f.offset()).valueSize();
            ensure(size);
            System.arraycopy(old, f.offset(), buf, pos, size);
            kept.set(i, new Field(f.key(), f.id(), pos - start));
            pos += size;
        }
    }

    /** Closes the array whose elements were written from {@code start} at the given offsets from it. */
    public void finishArray(int start, List<Integer> offsets) {
        int dataSize = pos - start;
        int n = offsets.size();
        boolean large = n > 0xFF;
        int countSize = large ? 4 : 1;
        int offsetSize = integerSize(dataSize);
        int headerSize = 1 + countSize + (n + 1) * offsetSize;
        ensure(headerSize);
        System.arraycopy(buf, start, buf, start + headerSize, dataSize);
        pos += headerSize;
        buf[start] = (byte) (((large ? 1 : 0) << 2 | (offsetSize - 1)) << 2 | ARRAY);
        writeLong(buf, start + 1, n, countSize);
        int offsetStart = start + 1 + countSize;
        for (int i = 0; i < n; i++) {
            writeLong(buf, offsetStart + i * offsetSize, offsets.get(i), offsetSize);
        }
        writeLong(buf, offsetStart + n * offsetSize, dataSize, offsetSize);
    }

    /** Appends another variant's value, its object keys re-added to this builder's dictionary. */
    public void appendVariant(Variant v) {
        switch (v.kind()) {
            case OBJECT -> {
                int start = pos;
                List<Field> fields = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    addField(fields, v.fieldKey(i), start);
                    appendVariant(v.fieldValue(i));
                }
                finishObject(start, fields);
            }
            case ARRAY -> {
                int start = pos;
                List<Integer> offsets = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    offsets.add(pos - start);
                    appendVariant(v.element(i));
                }
                finishArray(start, offsets);
            }
            default -> {
                byte[] scalar = v.valueBytes();
                ensure(scalar.length);
                System.arraycopy(scalar, 0, buf, pos, scalar.length);
                pos += scalar.length;
            }
        }
    }

    /** The value binary written so far. */
    public byte[] value() {
        return Arrays.copyOf(buf, pos);
    }

    /** The metadata binary: the dictionary in id order, offsets in the fewest bytes, not marked sorted. */
    public byte[] metadata() {
        int n = keys.size();
        long total = 0;
        for (byte[] k : keys) {
            total += k.length;
        }
        long max = Math.max(total, n);
        if (max > SIZE_LIMIT) {
            throw new VariantSizeLimitException();
        }
        int offsetSize = integerSize((int) max);
        int stringStart = 1 + offsetSize + (n + 1) * offsetSize;
        byte[] meta = new byte[(int) (stringStart + total)];
        meta[0] = (byte) (VERSION | (offsetSize - 1) << 6);
        writeLong(meta, 1, n, offsetSize);
        int at = 0;
        for (int i = 0; i < n; i++) {
            writeLong(meta, 1 + (i + 1) * offsetSize, at, offsetSize);
            byte[] k = keys.get(i);
            System.arraycopy(k, 0, meta, stringStart + at, k.length);
            at += k.length;
        }
        writeLong(meta, 1 + (n + 1) * offsetSize, at, offsetSize);
        return meta;
    }
}

package io.tideway.engine.encoders;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.StructType;

/**
 * The key encoder after {@code keyAs}: objects of the new encoder's type, stored in the columns of
 * the original key's encoder, as Spark's {@code keyAs} changes only how the grouping columns are
 * read ({@code keyAs(LONG)} of an int key still gives an int {@code key} column). Immutable and
 * thread-safe; its converters are not.
 */
public final class ConvertedKeyEncoder<K, L> implements ObjectEncoder<L> {
    private static final long serialVersionUID = 1L;
    private final ObjectEncoder<K> stored;
    private final Class<L> cls;
    private final KeyConversion<K, L> toObjects;
    private final KeyConversion<L, K> toStored;

    public ConvertedKeyEncoder(ObjectEncoder<K> stored, ObjectEncoder<L> objects) {
        this.stored = stored;
        this.cls = objects.runtimeClass();
        this.toObjects = new KeyConversion<>(stored, objects);
        this.toStored = new KeyConversion<>(objects, stored);
    }

    /** The new key of an original one, for the key function. */
    public L convert(K key) {
        return toObjects.convert(key);
    }

    @Override
    public StructType schema() {
        return stored.schema();
    }

    @Override
    public Class<L> runtimeClass() {
        return cls;
    }

    @Override
    public boolean singleValue() {
        return stored.singleValue();
    }

    @Override
    public L fromColumnValue(Object value) {
        return toObjects.convert(stored.fromColumnValue(value));
    }

    @Override
    public Object toColumnValue(L object) {
        return stored.toColumnValue(toStored.convert(object));
    }

    @Override
    public Converter<L> newConverter() {
        Converter<K> inner = stored.newConverter();
        return new Converter<>() {
            @Override
            public L read(RowReader row) {
                return toObjects.convert(inner.read(row));
            }

            @Override
            public void write(L value, RowWriter out) {
                inner.write(toStored.convert(value), out);
            }
        };
    }
}

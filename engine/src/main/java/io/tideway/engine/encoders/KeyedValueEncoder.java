package io.tideway.engine.encoders;

import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Encoder;
import io.tideway.sql.types.StructType;
import org.agrona.ExpandableDirectByteBuffer;
import scala.Tuple2;

/**
 * A grouped value and its key as one row, for {@code KeyValueGroupedDataset.agg}: the value's
 * columns as its encoder names them (so aggregate columns resolve against them, as Spark's
 * against the grouped Dataset's attributes), then the key in a column {@link #KEY} that names
 * none of the user's: its one column's value, or the struct of a bean's or tuple's columns.
 * Immutable and thread-safe; its converters are not.
 */
public final class KeyedValueEncoder<K, V> implements ObjectEncoder<Tuple2<K, V>> {
    private static final long serialVersionUID = 1L;
    /** The key's column. */
    public static final String KEY = "__groupingKey";
    private final ObjectEncoder<K> key;
    private final ObjectEncoder<V> value;
    private final StructType schema;

    public KeyedValueEncoder(Encoder<K> key, Encoder<V> value) {
        this.key = ObjectEncoder.of(key);
        this.value = ObjectEncoder.of(value);
        StructType s = this.value.schema();
        // a bean's or tuple's key is a struct that is never null, as Spark's key column (a CreateStruct)
        this.schema = this.key.singleValue() ? s.add(KEY, this.key.schema().apply(0).dataType(), this.key.schema().apply(0).nullable())
                : s.add(KEY, this.key.schema(), false);
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Tuple2<K, V>> runtimeClass() {
        return (Class) Tuple2.class;
    }

    @Override
    public Converter<Tuple2<K, V>> newConverter() {
        int at = schema.length() - 1;
        Converter<V> values = value.newConverter();
        Converter<K> keys = key.newConverter();
        RowConverter columns = new RowConverter(schema);
        RowReader keyReader = new RowReader(key.schema().length());
        ExpandableDirectByteBuffer scratch = new ExpandableDirectByteBuffer(64);
        return new Converter<>() {
            @Override
            public Tuple2<K, V> read(RowReader row) {
                K k;
                if (row.isNullAt(at)) {
                    k = null;
                } else {
                    k = key.singleValue() ? key.fromColumnValue(columns.toRow(row).get(at)) : keys.read(row.getStruct(at, keyReader));
                }
                return new Tuple2<>(k, values.read(row));
            }

            @Override
            public void write(Tuple2<K, V> pair, RowWriter out) {
                values.write(pair._2(), out);
                K k = pair._1();
                if (k == null || key.singleValue()) {
                    RowConverter.writeValue(k == null ? null : key.toColumnValue(k), schema.apply(at).dataType(), out, at);
                } else {
                    RowWriter w = new RowWriter(key.schema().length()).wrap(scratch, 0);
                    keys.write(k, w);
                    out.putBytes(at, scratch, 0, w.finish());
                }
            }
        };
    }
}

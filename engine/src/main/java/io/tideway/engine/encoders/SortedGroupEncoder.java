package io.tideway.engine.encoders;

import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import scala.Tuple2;
import scala.Tuple3;

/**
 * A grouped value, its key and the values of its sort keys, for
 * {@code KeyValueGroupedDataset.flatMapSortedGroups}: the columns of a {@link KeyedValueEncoder}
 * followed by one column per sort key, read as (key, value, sort keys as a row). Immutable and
 * thread-safe; its converters are not.
 */
public final class SortedGroupEncoder<K, V> implements ObjectEncoder<Tuple3<K, V, Row>> {
    private static final long serialVersionUID = 1L;
    private final KeyedValueEncoder<K, V> pairs;
    private final StructType sortKeys;
    private final StructType schema;

    public SortedGroupEncoder(KeyedValueEncoder<K, V> pairs, StructType sortKeys) {
        this.pairs = pairs;
        this.sortKeys = sortKeys;
        StructType s = pairs.schema();
        for (StructField f : sortKeys.fields()) {
            s = s.add(f.name(), f.dataType(), f.nullable());
        }
        this.schema = s;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Tuple3<K, V, Row>> runtimeClass() {
        return (Class) Tuple3.class;
    }

    @Override
    public Converter<Tuple3<K, V, Row>> newConverter() {
        Converter<Tuple2<K, V>> pair = pairs.newConverter();
        RowConverter all = new RowConverter(schema);
        int first = pairs.schema().length();
        int n = sortKeys.length();
        return new Converter<>() {
            @Override
            public Tuple3<K, V, Row> read(RowReader row) {
                Tuple2<K, V> kv = pair.read(row);
                Row values = all.toRow(row);
                Object[] keys = new Object[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = values.get(first + i);
                }
                return new Tuple3<>(kv._1(), kv._2(), RowFactory.create(keys));
            }

            @Override
            public void write(Tuple3<K, V, Row> value, RowWriter out) {
                pair.write(new Tuple2<>(value._1(), value._2()), out);
                for (int i = 0; i < n; i++) {
                    RowConverter.writeValue(value._3().get(i), sortKeys.apply(i).dataType(), out, first + i);
                }
            }
        };
    }
}

package io.tideway.engine.encoders;

import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Encoder;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;
import org.agrona.ExpandableDirectByteBuffer;
import scala.Product;
import scala.Tuple2;
import scala.Tuple3;
import scala.Tuple4;
import scala.Tuple5;
import scala.Tuple6;
import scala.Tuple7;
import scala.Tuple8;
import scala.Tuple9;

import java.util.List;

/**
 * Encodes a {@code scala.Tuple2} … {@code Tuple5} as Spark's {@code Encoders.tuple}: one column per
 * element, {@code _1}, {@code _2}, …; an element whose encoder has one {@code value} column (a
 * primitive) is that column, any other (a bean, a tuple) a struct of its encoder's columns. Typed
 * operations read a tuple's columns by position, as Spark's tuple deserializer does, so {@code groupByKey(...).count()} — columns {@code key} and
 * {@code count(1)} — reads as a {@code Tuple2}. Immutable and thread-safe; its converters are not.
 */
public final class TupleEncoder<T extends Product> implements ObjectEncoder<T> {
    private static final long serialVersionUID = 1L;
    private final List<ObjectEncoder<?>> elements;
    private final StructType schema;

    public TupleEncoder(List<? extends Encoder<?>> elements) {
        if (elements.size() < 2 || elements.size() > 9) { // Encoders.tuple makes up to 5; KeyValueGroupedDataset.agg up to 9
            throw new IllegalArgumentException("a tuple encoder takes 2 to 9 elements, not " + elements.size());
        }
        this.elements = elements.stream().<ObjectEncoder<?>>map(ObjectEncoder::of).toList();
        StructType s = new StructType();
        for (int i = 0; i < this.elements.size(); i++) {
            ObjectEncoder<?> e = this.elements.get(i);
            s = s.add("_" + (i + 1), columnType(e), !flat(e) || e.schema().apply(0).nullable()); // kryo's binary is not null
        }
        this.schema = s;
    }

    /** Whether an element is stored as its only column's value rather than as a struct. */
    private static boolean flat(ObjectEncoder<?> e) {
        return e.singleValue();
    }

    /** Whether a tuple holds an object of {@code encoder} as its only column's value (a primitive) rather than as a struct. */
    public static boolean storedFlat(Encoder<?> encoder) {
        return flat(ObjectEncoder.of(encoder));
    }

    private static DataType columnType(ObjectEncoder<?> e) {
        return flat(e) ? e.schema().apply(0).dataType() : e.schema();
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> runtimeClass() {
        Class<?> c = switch (elements.size()) {
            case 2 -> Tuple2.class;
            case 3 -> Tuple3.class;
            case 4 -> Tuple4.class;
            case 5 -> Tuple5.class;
            case 6 -> Tuple6.class;
            case 7 -> Tuple7.class;
            case 8 -> Tuple8.class;
            default -> Tuple9.class;
        };
        return (Class<T>) c;
    }

    @Override
    public Converter<T> newConverter() {
        int n = elements.size();
        RowConverter columns = new RowConverter(schema);
        @SuppressWarnings("unchecked")
        Converter<Object>[] nested = new Converter[n];
        RowReader[] nestedReaders = new RowReader[n];
        for (int i = 0; i < n; i++) {
            if (!flat(elements.get(i))) {
                nested[i] = (Converter<Object>) elements.get(i).newConverter();
                nestedReaders[i] = new RowReader(elements.get(i).schema().length());
            }
        }
        ExpandableDirectByteBuffer scratch = new ExpandableDirectByteBuffer(64);
        return new Converter<>() {
            @Override
            public T read(RowReader row) {
                Object[] v = new Object[n];
                io.tideway.sql.Row flatValues = columns.toRow(row);
                for (int i = 0; i < n; i++) {
                    if (row.isNullAt(i)) {
                        v[i] = null;
                    } else {
                        v[i] = nested[i] == null ? elementValue(i, flatValues.get(i)) : nested[i].read(row.getStruct(i, nestedReaders[i]));
                    }
                }
                return tuple(v);
            }

            @Override
            public void write(T value, RowWriter out) {
                for (int i = 0; i < n; i++) {
                    Object e = value.productElement(i);
                    if (e == null || nested[i] == null) {
                        RowConverter.writeValue(e == null ? null : columnValue(i, e), schema.apply(i).dataType(), out, i);
                    } else {
                        RowWriter w = new RowWriter(elements.get(i).schema().length()).wrap(scratch, 0);
                        nested[i].write(e, w);
                        out.putBytes(i, scratch, 0, w.finish());
                    }
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private T tuple(Object[] v) {
        Object t = switch (v.length) {
            case 2 -> new Tuple2<>(v[0], v[1]);
            case 3 -> new Tuple3<>(v[0], v[1], v[2]);
            case 4 -> new Tuple4<>(v[0], v[1], v[2], v[3]);
            case 5 -> new Tuple5<>(v[0], v[1], v[2], v[3], v[4]);
            case 6 -> new Tuple6<>(v[0], v[1], v[2], v[3], v[4], v[5]);
            case 7 -> new Tuple7<>(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
            case 8 -> new Tuple8<>(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
            default -> new Tuple9<>(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
        };
        return (T) t;
    }

    @SuppressWarnings("unchecked")
    private Object elementValue(int i, Object columnValue) {
        return ((ObjectEncoder<Object>) elements.get(i)).fromColumnValue(columnValue);
    }

    @SuppressWarnings("unchecked")
    private Object columnValue(int i, Object element) {
        return ((ObjectEncoder<Object>) elements.get(i)).toColumnValue(element);
    }
}

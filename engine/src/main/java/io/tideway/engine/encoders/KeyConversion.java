package io.tideway.engine.encoders;

import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;
import org.agrona.ExpandableDirectByteBuffer;

import java.io.Serializable;

/**
 * Re-reads an object of one encoder as another's, column by column, for
 * {@code KeyValueGroupedDataset.keyAs}: each column's value is written as the target's type
 * (numbers widen) and the target's converter reads the row. Serializable; its converters are
 * per thread.
 */
public final class KeyConversion<K, L> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ObjectEncoder<K> from;
    private final ObjectEncoder<L> to;
    private transient ThreadLocal<Converters> converters;

    public KeyConversion(ObjectEncoder<K> from, ObjectEncoder<L> to) {
        this.from = from;
        this.to = to;
    }

    /** The target's object of {@code key}; null for null. */
    public L convert(K key) {
        if (key == null) {
            return null;
        }
        if (converters == null) {
            converters = ThreadLocal.withInitial(Converters::new);
        }
        return converters.get().convert(key);
    }

    /** One thread's converters and scratch rows. */
    private final class Converters {
        private final ObjectEncoder.Converter<K> in = from.newConverter();
        private final ObjectEncoder.Converter<L> out = to.newConverter();
        private final RowConverter fromRows = new RowConverter(from.schema());
        private final RowReader fromReader = new RowReader(from.schema().length());
        private final RowReader toReader = new RowReader(to.schema().length());
        private final ExpandableDirectByteBuffer fromBytes = new ExpandableDirectByteBuffer(64);
        private final ExpandableDirectByteBuffer toBytes = new ExpandableDirectByteBuffer(64);

        L convert(K key) {
            RowWriter w = new RowWriter(from.schema().length()).wrap(fromBytes, 0);
            in.write(key, w);
            Row values = fromRows.toRow(fromReader.wrap(fromBytes, 0, w.finish()));
            StructType target = to.schema();
            RowWriter t = new RowWriter(target.length()).wrap(toBytes, 0);
            for (int i = 0; i < target.length(); i++) {
                RowConverter.writeValue(i < values.length() ? values.get(i) : null, target.apply(i).dataType(), t, i);
            }
            return out.read(toReader.wrap(toBytes, 0, t.finish()));
        }
    }
}

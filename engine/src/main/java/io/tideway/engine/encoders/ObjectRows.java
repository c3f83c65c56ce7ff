package io.tideway.engine.encoders;

import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import org.agrona.ExpandableDirectByteBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Objects to the rows of their encoder's schema, for what builds a local relation from objects
 * ({@code createDataset}, the results of {@code mapGroups}). Not a hot path: each call allocates.
 */
public final class ObjectRows {
    private ObjectRows() {
    }

    public static <T> List<Row> toRows(Iterable<? extends T> objects, ObjectEncoder<T> encoder) {
        ObjectEncoder.Converter<T> converter = encoder.newConverter();
        RowConverter rows = new RowConverter(encoder.schema());
        int fields = encoder.schema().length();
        RowReader reader = new RowReader(fields);
        ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(256);
        List<Row> out = new ArrayList<>();
        for (T o : objects) {
            RowWriter w = new RowWriter(fields).wrap(buffer, 0);
            converter.write(o, w);
            out.add(rows.toRow(reader.wrap(buffer, 0, w.finish())));
        }
        return out;
    }
}

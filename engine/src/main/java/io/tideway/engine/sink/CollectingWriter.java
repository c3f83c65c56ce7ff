package io.tideway.engine.sink;

import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A partition writer for sinks that hand rows to the driver (console, memory, foreachBatch):
 * converts up to {@code limit} rows to Java rows and counts all of them. Owned by one thread.
 */
final class CollectingWriter implements PartitionWriter {
    private final RowConverter converter;
    private final long limit;
    private final List<Row> rows = new ArrayList<>();
    private long count;

    CollectingWriter(StructType schema, long limit) {
        this.converter = new RowConverter(schema);
        this.limit = limit;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        if (count < limit) {
            rows.add(converter.toRow(buffer, offset, length));
        }
        count++;
    }

    @Override
    public CommitMessage commit() {
        return new CollectedRows(rows, count);
    }

    static List<Row> allRows(List<CommitMessage> messages) {
        List<Row> all = new ArrayList<>();
        for (CommitMessage m : messages) {
            all.addAll(((CollectedRows) m).rows());
        }
        return all;
    }

    static long totalCount(List<CommitMessage> messages) {
        long n = 0;
        for (CommitMessage m : messages) {
            n += ((CollectedRows) m).count();
        }
        return n;
    }
}

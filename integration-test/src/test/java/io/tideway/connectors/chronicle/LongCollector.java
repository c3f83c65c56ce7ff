package io.tideway.connectors.chronicle;

import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the long in each row's {@code value} excerpt; static because the sink runs serialized copies. */
public final class LongCollector extends ForeachWriter<Row> {
    static final List<Long> VALUES = new CopyOnWriteArrayList<>();
    static final List<Long> INDICES = new CopyOnWriteArrayList<>();

    @Override
    public boolean open(long partitionId, long epochId) {
        return true;
    }

    @Override
    public void process(Row row) {
        INDICES.add(row.getLong(0));
        VALUES.add(TestQueues.decodeLong((byte[]) row.get(1)));
    }

    @Override
    public void close(Throwable error) {
    }

    static void reset() {
        VALUES.clear();
        INDICES.clear();
    }
}

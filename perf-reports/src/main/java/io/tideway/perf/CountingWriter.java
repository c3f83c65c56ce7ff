package io.tideway.perf;

import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The W2 sink: counts rows into the {@link SinkRegistry} counter named {@code key}, publishing
 * its local count every {@value #FLUSH_EVERY} rows and at each epoch's close, so the hot path
 * touches no shared cache line per row. One copy per partition and epoch, task thread only.
 */
final class CountingWriter extends ForeachWriter<Row> {
    private static final long serialVersionUID = 1L;
    static final int FLUSH_EVERY = 4096;
    private final String key;
    private transient AtomicLong counter;
    private transient long pending;

    CountingWriter(String key) {
        this.key = key;
    }

    @Override
    public boolean open(long partitionId, long epochId) {
        counter = SinkRegistry.counter(key);
        pending = 0;
        return true;
    }

    @Override
    public void process(Row row) {
        if (++pending == FLUSH_EVERY) {
            counter.getAndAdd(pending);
            pending = 0;
        }
    }

    @Override
    public void close(Throwable errorOrNull) {
        counter.getAndAdd(pending);
        pending = 0;
    }
}

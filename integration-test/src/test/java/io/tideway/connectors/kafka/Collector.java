package io.tideway.connectors.kafka;

import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A foreach sink that keeps the first column of every row it is given (a copy per task, one static list). */
final class Collector<T> extends ForeachWriter<T> {
    static final List<String> ROWS = new CopyOnWriteArrayList<>();

    @Override
    public boolean open(long partitionId, long epochId) {
        return true;
    }

    @Override
    public void process(T value) {
        ROWS.add(String.valueOf(value instanceof Row r ? r.get(0) : value));
    }

    @Override
    public void close(Throwable errorOrNull) {
    }
}

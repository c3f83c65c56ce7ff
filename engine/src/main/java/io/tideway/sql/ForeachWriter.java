package io.tideway.sql;

import java.io.Serializable;

/**
 * User code that receives every output row, mirroring Spark's {@code ForeachWriter}. For each
 * partition and batch (or epoch) a fresh copy (by serialization) gets {@link #open}, then
 * {@link #process} for each row if open returned true, then {@link #close} — also when
 * {@code process} threw. Each copy is used by one thread.
 *
 * <p>A {@code ForeachWriter<Row>} receives one reused, read-only {@link Row} view per writer copy
 * (no allocation per row): it is valid only during {@code process()}; keep {@code row.copy()}
 * if you need the row later. Typed writers ({@code ForeachWriter<Long>}, beans) get fresh objects.
 */
public abstract class ForeachWriter<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract boolean open(long partitionId, long epochId);

    public abstract void process(T value);

    public abstract void close(Throwable errorOrNull);
}

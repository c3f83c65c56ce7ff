package io.tideway.sql;

import java.io.Serializable;

/**
 * User code that receives every output row, mirroring Spark's {@code ForeachWriter}. For each
 * partition and batch (or epoch) a fresh copy (by serialization) gets {@link #open}, then
 * {@link #process} for each row if open returned true, then {@link #close} — also when
 * {@code process} threw. Each copy is used by one thread.
 */
public abstract class ForeachWriter<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract boolean open(long partitionId, long epochId);

    public abstract void process(T value);

    public abstract void close(Throwable errorOrNull);
}

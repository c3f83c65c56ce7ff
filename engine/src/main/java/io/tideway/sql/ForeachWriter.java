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

    /**
     * Called first for each partition of each batch (in continuous mode, each epoch);
     * {@code epochId} is the batch id. Return false to skip the partition's rows: {@link #process}
     * is then not called, {@link #close} still is.
     */
    public abstract boolean open(long partitionId, long epochId);

    /** Called for each row of the partition, after {@link #open} returned true. */
    public abstract void process(T value);

    /**
     * Called last for each partition, also when {@link #process} threw; {@code errorOrNull} is that
     * error, or null when all went well. An error from the writer fails the query.
     */
    public abstract void close(Throwable errorOrNull);
}

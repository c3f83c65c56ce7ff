package io.tideway.engine.spi;

import io.tideway.offheap.row.RowConsumer;
import org.agrona.MutableDirectBuffer;

/**
 * Reads one source partition for the life of a continuous query. Owned by one reader thread;
 * {@link #poll} must not block (it returns 0 when nothing is available, and the reader thread's
 * idle strategy decides how to wait) and should not allocate per row.
 */
public interface ContinuousPartitionReader extends AutoCloseable {
    /** {@link #nextRowDueNanoTime()} when the reader does not know when its next row comes. */
    long UNKNOWN_DUE_TIME = Long.MIN_VALUE;

    /** Emits up to {@code maxRows} rows that are available now; returns how many (0 = none yet). */
    int poll(RowConsumer out, int maxRows);

    /**
     * Emits up to {@code maxRows} rows that are available now, stopping as soon as
     * {@code out} is full (checked before each row); returns how many. The reader thread calls
     * this once per ring slot, so a source should read its clock (or whatever decides what is
     * available) once per call, not per row. The default loops {@code poll(out, 1)}.
     */
    default int pollBatch(BatchTarget out, int maxRows) {
        int n = 0;
        while (n < maxRows && !out.isFull() && poll(out, 1) > 0) {
            n++;
        }
        return n;
    }

    /**
     * When the next row becomes available, on {@link System#nanoTime()}'s scale, for a source
     * that paces itself (the {@code rate} source with {@code exactPacing}); or
     * {@link #UNKNOWN_DUE_TIME}. The reader thread then spins up to that deadline instead of
     * parking past it. Called on the reader thread after a poll that found nothing.
     */
    default long nextRowDueNanoTime() {
        return UNKNOWN_DUE_TIME;
    }

    /**
     * The source time of the first (oldest) row the last poll emitted, on {@link System#nanoTime()}'s
     * scale: when the row was meant to exist (the {@code rate} source's intended time, a record's
     * timestamp); or {@link #UNKNOWN_DUE_TIME}, and the time the reader read it stands in. What the
     * end-to-end latency in progress is measured from. Called on the reader thread after a poll
     * that emitted rows.
     */
    default long firstRowSourceNanoTime() {
        return UNKNOWN_DUE_TIME;
    }

    /** The position after the last row emitted: what a restart resumes from. */
    PartitionOffset currentOffset();

    @Override
    default void close() {
    }

    /**
     * Where {@link #pollBatch} puts rows: a ring slot being filled. It takes every row offered
     * (a row that no longer fits waits for the next slot), then says it is full.
     */
    interface BatchTarget extends RowConsumer {
        /** Whether the batch can take no more rows; a reader checks it before emitting each row. */
        boolean isFull();

        /**
         * Room for one row of {@code length} bytes written in place, saving the copy that
         * {@link #accept} makes: returns the offset in {@link #buffer()} (8-aligned) where the
         * caller must write every byte of the row before its next call on this target or
         * returning from {@code pollBatch}; the row counts as emitted. Returns -1 when the row
         * does not fit: emit it with {@link #accept} instead (it then waits for the next batch).
         */
        default int reserve(int length) {
            return -1;
        }

        /**
         * Room for up to {@code maxRows} rows of {@code length} bytes each, written in place: returns
         * how many were reserved (0: use {@link #reserve} or {@link #accept}); row i starts at
         * {@code runOffset() + i * runStride()} in {@link #buffer()}. Rows the caller does not write
         * must be handed back with {@link #cancelRun} before any other call on this target.
         */
        default int reserveRun(int length, int maxRows) {
            return 0;
        }

        default int runOffset() {
            throw new UnsupportedOperationException("reserveRun() reserved nothing");
        }

        default int runStride() {
            throw new UnsupportedOperationException("reserveRun() reserved nothing");
        }

        /** Hands back the last {@code rows} rows of the last run, unwritten. */
        default void cancelRun(int rows) {
            if (rows != 0) {
                throw new UnsupportedOperationException("reserveRun() reserved nothing");
            }
        }

        /** The memory {@link #reserve} offsets point into; valid until the next {@code reserve}. */
        default MutableDirectBuffer buffer() {
            throw new UnsupportedOperationException("in-place rows need reserve() to return an offset first");
        }
    }
}

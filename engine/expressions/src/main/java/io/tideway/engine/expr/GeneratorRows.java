package io.tideway.engine.expr;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;

/**
 * The rows one {@link Generator} gives for each input row, for one task: {@link #start} evaluates
 * the generator's inputs over the row and says how many rows it gives, then {@link #write} writes
 * each row's columns. Reuses its evaluators and readers row after row, allocating nothing. Not
 * thread-safe: the task thread only.
 */
public interface GeneratorRows {
    /** Evaluates the generator over {@code in}; the number of rows it gives (0 for a null array). */
    int start(RowReader in);

    /** Writes the columns of row {@code i} (below {@link #start}'s count) into fields {@code first, first + 1, ...}. */
    void write(int i, RowWriter out, int first);
}

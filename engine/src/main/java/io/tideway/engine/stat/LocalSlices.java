package io.tideway.engine.stat;

import java.util.ArrayList;
import java.util.List;

/**
 * The partitions Spark cuts a small static Dataset into ({@code parallelize}'s slices: a local
 * relation or a range in {@code min(max(n, 1), defaultParallelism)} contiguous runs), so that
 * statistics Spark aggregates per partition then merges ({@code treeAggregate}) round as Spark's.
 * Tideway runs a static Dataset as one sequence of rows; this recovers the cut. Stateless.
 */
public final class LocalSlices {
    private LocalSlices() {
    }

    /** {@code rows} cut into Spark's slices for {@code parallelism} partitions. */
    public static <T> List<List<T>> of(List<T> rows, int parallelism) {
        int n = Math.min(Math.max(rows.size(), 1), Math.max(parallelism, 1));
        List<List<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int from = (int) ((long) i * rows.size() / n);
            int to = (int) ((long) (i + 1) * rows.size() / n);
            out.add(rows.subList(from, to));
        }
        return out;
    }
}

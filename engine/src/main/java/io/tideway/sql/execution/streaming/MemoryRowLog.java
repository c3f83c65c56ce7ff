package io.tideway.sql.execution.streaming;

import java.util.Arrays;
import java.util.List;

/**
 * The rows of a {@link MemoryStream}, append-only, each an encoded row's bytes. Writers append
 * under a lock; readers take no lock: they read the published {@link #size()} (acquire) and then
 * {@link #rows()}, and index rows below that size.
 *
 * <p>Why that is safe: an append writes the rows, then (when it grows) the new array, then the
 * size, each publication a volatile write (release). A reader that has read size {@code n} reads
 * the array afterwards, so it sees an array at least as new as the one {@code n} was published
 * with; a newer array was copied from it before being published, and slots below {@code n} are
 * never written again, so every array a reader can see holds rows {@code [0, n)}.
 *
 * <p>Threading: {@link #append} from any thread (serialised by the lock); {@link #size()} and
 * {@link #rows()} from any thread without locking.
 */
final class MemoryRowLog {
    private final Object appendLock = new Object();
    /** Published array: written under {@link #appendLock}, read by anyone. */
    private volatile byte[][] rows = new byte[64][];
    /** Published row count: the release that makes rows below it visible. */
    private volatile int size;

    /** Appends {@code encoded} in order; returns the new row count. */
    int append(List<byte[]> encoded) {
        synchronized (appendLock) {
            int n = size;
            if (n > Integer.MAX_VALUE - encoded.size()) {
                throw new IllegalStateException("A MemoryStream holds at most " + Integer.MAX_VALUE + " rows");
            }
            int end = n + encoded.size();
            byte[][] target = rows;
            if (end > target.length) {
                target = Arrays.copyOf(target, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * target.length)));
            }
            for (int i = 0; i < encoded.size(); i++) {
                target[n + i] = encoded.get(i);
            }
            rows = target;
            size = end;
            return end;
        }
    }

    /** Rows published so far; read this before {@link #rows()}. */
    int size() {
        return size;
    }

    /** An array holding at least the rows below the last {@link #size()} read; do not write it. */
    byte[][] rows() {
        return rows;
    }
}

package io.tideway.engine.source.socket;

/**
 * The lines a socket source has received and not yet seen committed, each with its receive time.
 * Lines are numbered 0, 1, 2, ... in arrival order for the life of the connection.
 *
 * <p>Threading: the receiver thread is the only one that appends; the query thread reads slices
 * and drops committed lines. Every access holds {@link #lock}: this is a testing source that
 * takes at most a few thousand lines a second, and a lock keeps the hand-off obviously correct.
 * Micro-batch workers never touch the buffer: a batch gets a copied, immutable {@link Slice}. A
 * continuous reader checks {@link #receivedVolatile()} without the lock and takes it once per poll
 * that has lines to copy ({@link #copyTo}), never per line.
 */
final class SocketLineBuffer {
    /** Lines {@code first..first+size-1} of the connection, in arrival order. */
    record Slice(long first, String[] lines, long[] receivedMicros) {
        int size() {
            return lines.length;
        }
    }

    private final Object lock = new Object();
    /** Guarded by {@link #lock}; written by the receiver thread (append) and the query thread (drop). */
    private String[] lines = new String[64];
    private long[] receivedMicros = new long[64];
    /** Array index of the oldest kept line. Guarded by {@link #lock}. */
    private int head;
    /** Kept lines. Guarded by {@link #lock}. */
    private int size;
    /** Line number of the oldest kept line = lines dropped so far. Guarded by {@link #lock}. */
    private long dropped;
    /** {@code dropped + size} as of the last append, published for lock-free polling; written under {@link #lock}. */
    private volatile long receivedTotal;

    /** Receiver thread only. */
    void append(String line, long receivedMicrosSinceEpoch) {
        synchronized (lock) {
            if (head + size == lines.length) {
                makeRoom();
            }
            lines[head + size] = line;
            receivedMicros[head + size] = receivedMicrosSinceEpoch;
            size++;
            receivedTotal = dropped + size;
        }
    }

    private void makeRoom() {
        int capacity = size * 2 > lines.length ? lines.length * 2 : lines.length;
        String[] newLines = new String[capacity];
        long[] newMicros = new long[capacity];
        System.arraycopy(lines, head, newLines, 0, size);
        System.arraycopy(receivedMicros, head, newMicros, 0, size);
        lines = newLines;
        receivedMicros = newMicros;
        head = 0;
    }

    /** Lines received since the connection opened, dropped ones included. */
    long received() {
        synchronized (lock) {
            return dropped + size;
        }
    }

    /** Lines received so far, read without the lock (a volatile read): cheap enough for an idle poll. */
    long receivedVolatile() {
        return receivedTotal;
    }

    /**
     * Copies lines from {@code from} into the caller's arrays (at most {@code max} and their
     * length; only lines already received); returns how many. Allocates nothing.
     *
     * @throws IllegalStateException if line {@code from} was already dropped
     */
    int copyTo(long from, String[] outLines, long[] outMicros, int max) {
        synchronized (lock) {
            if (from < dropped) {
                throw new IllegalStateException("Line " + from + " is not available: the socket source holds lines ["
                        + dropped + ", " + (dropped + size) + ") and does not support replay");
            }
            int n = (int) Math.max(0, Math.min(Math.min(outLines.length, max), dropped + size - from));
            int at = head + (int) (from - dropped);
            System.arraycopy(lines, at, outLines, 0, n);
            System.arraycopy(receivedMicros, at, outMicros, 0, n);
            return n;
        }
    }

    /**
     * A copy of lines {@code from..to-1}.
     *
     * @throws IllegalStateException if some were already dropped or have not arrived
     */
    Slice copy(long from, long to) {
        synchronized (lock) {
            if (from < dropped || to > dropped + size || from > to) {
                throw new IllegalStateException("Lines [" + from + ", " + to + ") are not available: the socket source"
                        + " holds lines [" + dropped + ", " + (dropped + size) + ") and does not support replay");
            }
            int n = (int) (to - from);
            int at = head + (int) (from - dropped);
            String[] outLines = new String[n];
            long[] outMicros = new long[n];
            System.arraycopy(lines, at, outLines, 0, n);
            System.arraycopy(receivedMicros, at, outMicros, 0, n);
            return new Slice(from, outLines, outMicros);
        }
    }

    /** Forgets lines below {@code lineNumber}. Query thread only. */
    void dropBefore(long lineNumber) {
        synchronized (lock) {
            long n = Math.min(lineNumber - dropped, size);
            if (n <= 0) {
                return;
            }
            java.util.Arrays.fill(lines, head, head + (int) n, null);
            head += (int) n;
            size -= (int) n;
            dropped += n;
            if (size == 0) {
                head = 0;
            }
        }
    }
}

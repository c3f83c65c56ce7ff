package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;

/**
 * The file the file source is reading on this thread, for {@code input_file_name()},
 * {@code input_file_block_start()} and {@code input_file_block_length()}: the reader sets it
 * before it hands a file's rows on and clears it when the file is done, and the chain those rows
 * run through on the same thread reads it. Empty (and the block -1) when no file is being read
 * (other sources), as Spark's. Thread-confined: each thread has its own holder, written only by
 * the reader running on it.
 */
public final class InputFileName {
    /** One thread's current file; reused so that a read allocates nothing. */
    private static final class Current {
        String uri;
        long blockStart = -1;
        long blockLength = -1;
    }

    private static final ThreadLocal<Current> CURRENT = ThreadLocal.withInitial(Current::new);

    private InputFileName() {
    }

    /** From now on this thread's rows come from the block {@code [start, start + length)} of {@code uri}. */
    public static void set(String uri, long start, long length) {
        Current c = CURRENT.get();
        c.uri = uri;
        c.blockStart = start;
        c.blockLength = length;
    }

    /** This thread's rows no longer come from a file. */
    public static void clear() {
        set(null, -1, -1);
    }

    /** Writes the current file's name (or nothing) into {@code out}; returns its length. */
    public static int write(BytesOut out) {
        String uri = CURRENT.get().uri;
        out.reset();
        if (uri != null) {
            out.append(uri);
        }
        return out.length();
    }

    /** The start offset of the block being read; -1 without a file. */
    public static long blockStart() {
        return CURRENT.get().blockStart;
    }

    /** The length of the block being read; -1 without a file. */
    public static long blockLength() {
        return CURRENT.get().blockLength;
    }
}

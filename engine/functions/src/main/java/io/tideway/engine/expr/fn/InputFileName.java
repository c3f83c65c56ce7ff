package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;

/**
 * The file the file source is reading on this thread, for {@code input_file_name()}: the reader
 * sets it before it hands a file's rows on and clears it when the file is done, and the chain those
 * rows run through on the same thread reads it. Empty when no file is being read (other sources),
 * as Spark's. Thread-confined.
 */
public final class InputFileName {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private InputFileName() {
    }

    /** From now on this thread's rows come from {@code uri}. */
    public static void set(String uri) {
        CURRENT.set(uri);
    }

    /** This thread's rows no longer come from a file. */
    public static void clear() {
        CURRENT.remove();
    }

    /** Writes the current file's name (or nothing) into {@code out}; returns its length. */
    public static int write(BytesOut out) {
        String uri = CURRENT.get();
        out.reset();
        if (uri != null) {
            out.append(uri);
        }
        return out.length();
    }
}

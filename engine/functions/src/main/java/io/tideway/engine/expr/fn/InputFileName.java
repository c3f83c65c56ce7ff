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
        String path;
        String name;
        long blockStart = -1;
        long blockLength = -1;
        long size = -1;
        long modificationMicros = -1;
        long rowIndex = -1;
    }

    private static final ThreadLocal<Current> CURRENT = ThreadLocal.withInitial(Current::new);

    private InputFileName() {
    }

    /**
     * From now on this thread's rows come from the block {@code [start, start + length)} of
     * {@code uri}, the file {@code path} (as Hadoop prints it: {@code file:/dir/f}) called
     * {@code name}, of {@code size} bytes, last modified at {@code modificationMicros}
     * (microseconds since the epoch).
     */
    public static void set(String uri, String path, String name, long start, long length, long size,
                           long modificationMicros) {
        Current c = CURRENT.get();
        c.uri = uri;
        c.path = path;
        c.name = name;
        c.blockStart = start;
        c.blockLength = length;
        c.size = size;
        c.modificationMicros = modificationMicros;
    }

    /** This thread's rows no longer come from a file. */
    public static void clear() {
        set(null, null, null, -1, -1, -1, -1);
        rowIndex(-1);
    }

    /** The next row handed on is the file's row {@code index} (from 0), Parquet's {@code _metadata.row_index}. */
    public static void rowIndex(long index) {
        CURRENT.get().rowIndex = index;
    }

    /** The index in its file of the row being handed on; -1 without a file. */
    public static long rowIndex() {
        return CURRENT.get().rowIndex;
    }

    /** Writes the current file's path as Hadoop prints it (or nothing) into {@code out}; returns its length. */
    public static int writePath(BytesOut out) {
        String path = CURRENT.get().path;
        out.reset();
        if (path != null) {
            out.append(path);
        }
        return out.length();
    }

    /** Writes the current file's last path segment (or nothing) into {@code out}; returns its length. */
    public static int writeName(BytesOut out) {
        String name = CURRENT.get().name;
        out.reset();
        if (name != null) {
            out.append(name);
        }
        return out.length();
    }

    /** The current file's size in bytes; -1 without a file. */
    public static long size() {
        return CURRENT.get().size;
    }

    /** The current file's modification time in microseconds since the epoch; -1 without a file. */
    public static long modificationMicros() {
        return CURRENT.get().modificationMicros;
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

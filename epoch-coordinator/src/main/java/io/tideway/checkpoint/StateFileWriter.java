package io.tideway.checkpoint;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one state {@code .delta} or {@code .snapshot} file in {@link StateRecordDescriptor}
 * framing. Records go to a dot-named temp file; {@link #commit()} appends the end marker and
 * renames it into place, replacing any earlier file of that version (a retried task rewrites its
 * delta, as in Spark). {@link #abort()} or {@link #close()} without commit deletes the temp file.
 *
 * <p>Threading: single-threaded; owned by the task that owns the partition's state store.
 */
public final class StateFileWriter implements AutoCloseable {
    private enum Phase { OPEN, COMMITTED, ABORTED }

    private final Path target;
    private final Path temp;
    private final DataOutputStream out;
    /** Task thread only. */
    private Phase phase = Phase.OPEN;

    private StateFileWriter(Path target, Path temp, DataOutputStream out) {
        this.target = target;
        this.temp = temp;
        this.out = out;
    }

    /** Starts a file that will become {@code target} on commit; creates the directory if needed. */
    public static StateFileWriter open(Path target) {
        Path abs = target.toAbsolutePath();
        Path temp = AtomicFiles.tempFileFor(abs);
        try {
            Files.createDirectories(abs.getParent());
            OutputStream raw = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new StateFileWriter(abs, temp, new DataOutputStream(new BufferedOutputStream(raw, 64 * 1024)));
        } catch (IOException e) {
            AtomicFiles.deleteQuietly(temp);
            throw new CheckpointException("Failed to create state file " + abs + ": " + e, e);
        }
    }

    public Path target() {
        return target;
    }

    public void put(byte[] key, int keyOff, int keyLen, byte[] value, int valOff, int valLen) {
        checkOpen();
        checkRange(key, keyOff, keyLen, "key");
        checkRange(value, valOff, valLen, "value");
        try {
            out.writeInt(keyLen);
            out.write(key, keyOff, keyLen);
            out.writeInt(valLen);
            out.write(value, valOff, valLen);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    public void put(byte[] key, byte[] value) {
        put(key, 0, key.length, value, 0, value.length);
    }

    public void remove(byte[] key, int off, int len) {
        checkOpen();
        checkRange(key, off, len, "key");
        try {
            out.writeInt(len);
            out.write(key, off, len);
            out.writeInt(StateRecordDescriptor.REMOVED);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    public void remove(byte[] key) {
        remove(key, 0, key.length);
    }

    /** Ends the file and makes it visible under its final name. */
    public void commit() {
        checkOpen();
        try {
            out.writeInt(StateRecordDescriptor.END_OF_FILE);
            out.close();
            AtomicFiles.publish(temp, target, true);
            phase = Phase.COMMITTED;
        } catch (IOException e) {
            abort();
            throw failed(e);
        }
    }

    /** Discards everything written; the target is left as it was. Idempotent. */
    public void abort() {
        if (phase == Phase.COMMITTED) {
            return;
        }
        phase = Phase.ABORTED;
        try {
            out.close();
        } catch (IOException ignored) {
            // The temp file is being thrown away; a close failure changes nothing.
        }
        AtomicFiles.deleteQuietly(temp);
    }

    /** Aborts unless committed, so try-with-resources never leaks a temp file. */
    @Override
    public void close() {
        abort();
    }

    private void checkOpen() {
        if (phase != Phase.OPEN) {
            throw new IllegalStateException("State file " + target + " is already " + phase.name().toLowerCase());
        }
    }

    private void checkRange(byte[] a, int off, int len, String what) {
        if (off < 0 || len < 0 || off > a.length - len) {
            throw new IndexOutOfBoundsException(what + " range [" + off + ", " + off + "+" + len + ") outside array of "
                    + a.length + " bytes (state file " + target + ")");
        }
    }

    private CheckpointException failed(IOException e) {
        return new CheckpointException("Failed to write state file " + target + ": " + e, e);
    }
}

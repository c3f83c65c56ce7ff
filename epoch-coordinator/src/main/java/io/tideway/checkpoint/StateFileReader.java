package io.tideway.checkpoint;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one state file in {@link StateRecordDescriptor} framing and hands each record to a
 * {@link StateRecordVisitor}. A file must end with the end marker; a short file, a bad length or
 * a remove inside a snapshot fails with a {@link CheckpointException} naming the file, in
 * Spark's wording ({@code Error reading delta file <path>: key size cannot be <n>}).
 *
 * <p>Threading: stateless; safe from any thread, each call reads its own stream.
 */
public final class StateFileReader {
    private StateFileReader() {
    }

    /** Visits every record of {@code file} in order. */
    public static void read(Path file, StateRecordVisitor visitor) {
        Path abs = file.toAbsolutePath();
        String kind = abs.getFileName().toString().endsWith(StateFiles.SNAPSHOT_SUFFIX) ? "snapshot" : "delta";
        String prefix = "Error reading " + kind + " file " + abs + ": ";
        long size;
        try {
            size = Files.size(abs);
        } catch (NoSuchFileException e) {
            throw new MissingStateFileException(abs, kind.equals("snapshot"));
        } catch (IOException e) {
            throw new CheckpointException(prefix + e, e);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(abs), 64 * 1024))) {
            long remaining = size;
            while (true) {
                int keyLen = in.readInt();
                remaining -= StateRecordDescriptor.LENGTH_FIELD_SIZE;
                if (keyLen == StateRecordDescriptor.END_OF_FILE) {
                    return;
                }
                if (keyLen < 0) {
                    throw new CheckpointException(prefix + "key size cannot be " + keyLen);
                }
                // Checked before allocating so a corrupt length cannot ask for gigabytes.
                byte[] key = readBytes(in, keyLen, remaining, prefix);
                remaining -= keyLen;
                int valLen = in.readInt();
                remaining -= StateRecordDescriptor.LENGTH_FIELD_SIZE;
                if (valLen == StateRecordDescriptor.REMOVED && kind.equals("delta")) {
                    visitor.remove(key);
                    continue;
                }
                if (valLen < 0) {
                    throw new CheckpointException(prefix + "value size cannot be " + valLen);
                }
                byte[] value = readBytes(in, valLen, remaining, prefix);
                remaining -= valLen;
                visitor.put(key, value);
            }
        } catch (EOFException e) {
            throw new CheckpointException(prefix + "truncated (file is " + size
                    + " bytes and ends before the end-of-file marker)", e);
        } catch (IOException e) {
            throw new CheckpointException(prefix + e, e);
        }
    }

    private static byte[] readBytes(DataInputStream in, int len, long remaining, String prefix) throws IOException {
        if (len > remaining) {
            throw new CheckpointException(prefix + "truncated (record of " + len + " bytes but only " + remaining
                    + " bytes left)");
        }
        byte[] bytes = new byte[len];
        in.readFully(bytes);
        return bytes;
    }
}

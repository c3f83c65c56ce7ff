package io.tideway.engine.sink.file;

import io.tideway.checkpoint.FileSinkEntry;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.offheap.row.RowReader;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes one partition's rows of one batch to {@code part-<partition>-<uuid>-c000.<ext>}: into a
 * hidden temp file ({@code .part-….tmp}, skipped by readers), renamed into place atomically on
 * {@link #commit()} so a visible part file is always complete. The file is created on the first
 * row; a partition without rows writes nothing, except partition 0, which writes an empty file so
 * that every batch logs at least one file (Spark's {@code FileFormatWriter}: the first task
 * always opens its writer).
 *
 * <p>Threading: owned by one worker thread.
 */
final class FilePartitionWriter implements PartitionWriter {
    private final Path dir;
    /** The part file's name, or null for {@code part-<partition>-<random uuid>-c000.<ext>}. */
    private final String name;
    /** Whether a file is written even without rows. */
    private final boolean alwaysWrite;
    private final int partition;
    private final FileWriteFormat format;
    private final RowReader reader;
    private Path temp;
    private Path target;
    /** The open file's writer, null before the first row and after commit or abort. */
    private FileRowWriter out;
    private long rows;

    FilePartitionWriter(Path dir, int partition, FileWriteFormat format, int numFields) {
        this(dir, null, partition == 0, partition, format, numFields);
    }

    /** A writer of the file {@code name} in {@code dir} (a batch write names its files itself). */
    FilePartitionWriter(Path dir, String name, boolean alwaysWrite, FileWriteFormat format, int numFields) {
        this(dir, name, alwaysWrite, 0, format, numFields);
    }

    private FilePartitionWriter(Path dir, String name, boolean alwaysWrite, int partition, FileWriteFormat format,
                                int numFields) {
        this.dir = dir;
        this.name = name;
        this.alwaysWrite = alwaysWrite;
        this.partition = partition;
        this.format = format;
        this.reader = new RowReader(numFields);
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        try {
            if (out == null) {
                open();
            }
            out.write(reader.wrap(buffer, offset, length));
            rows++;
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("Failed to write " + temp + ": " + e, e);
        }
    }

    private void open() throws IOException {
        String file = name != null ? name
                : String.format(Locale.ROOT, "part-%05d-%s-c000.%s", partition, UUID.randomUUID(), format.extension());
        target = dir.resolve(file);
        temp = dir.resolve("." + file + ".tmp");
        Files.createDirectories(dir);
        out = format.open(temp);
    }

    @Override
    public CommitMessage commit() {
        if (out == null && !alwaysWrite) {
            return new WrittenFiles(List.of(), 0);
        }
        try {
            if (out == null) {
                open();
            }
            out.close();
            out = null;
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            long size = Files.size(target);
            long mtime = Files.getLastModifiedTime(target).toMillis();
            return new WrittenFiles(List.of(FileSinkEntry.added(target.toUri().toString(), size, mtime)), rows);
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("Failed to commit " + target + ": " + e, e);
        }
    }

    @Override
    public void abort() {
        FileRowWriter open = out;
        out = null;
        try {
            if (open != null) {
                try {
                    open.close();
                } catch (IOException | RuntimeException e) {
                    // the file is deleted below: what its close could not write is not needed
                }
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to abort " + temp + ": " + e, e);
        }
    }
}

package io.tideway.engine.source.file;

import io.tideway.SparkException;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The partition of a scan that is not a file ({@link StringDatasetScan}): the rows of one
 * {@link FileRowReader}, dropped records left out. A FAILFAST parse error is Spark's
 * {@code [MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION]}, with no file to name.
 *
 * <p>Threading: owned by one worker thread.
 */
final class RowReaderPartition implements PartitionReader {
    private final FileRowReader in;
    private final RowWriter writer;
    private final GrowableBuffer scratch = new GrowableBuffer(256);

    RowReaderPartition(FileRowReader in, int numFields) {
        this.in = in;
        this.writer = new RowWriter(numFields);
    }

    @Override
    public int read(RowConsumer out, int maxRows) {
        int emitted = 0;
        while (emitted < maxRows) {
            writer.wrap(scratch.buffer(), 0, scratch);
            int status;
            try {
                status = in.next(writer);
            } catch (BadRecordException e) {
                throw Unchecked.raise(new SparkException("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
                        Map.of("badRecord", FileReadFailure.rowText(e.partialResult()), "failFastMode", ParseMode.FAILFAST.name()),
                        e.getCause()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (status == FileRowReader.END) {
                return emitted == 0 ? -1 : emitted;
            } else if (status == FileRowReader.ROW) {
                out.accept(scratch.buffer(), 0, writer.finish());
                emitted++;
            }
        }
        return emitted;
    }
}

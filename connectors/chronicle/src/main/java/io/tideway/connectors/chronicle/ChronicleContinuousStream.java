package io.tideway.connectors.chronicle;

import io.tideway.engine.source.PartitionOffsetsJson;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.offheap.row.RowConsumer;

import java.util.List;
import java.util.Map;

/**
 * The {@code chronicle} source in continuous mode: one partition whose reader polls a tailer
 * without blocking, one {@code readingDocument()} per excerpt, copying it straight into the
 * ring's row. Offsets are {@code {"0":{"index":n}}}; a micro-batch checkpoint's
 * {@code {"index":n}} is accepted too.
 *
 * <p>Threading: planning methods on the query thread; the reader on its reader thread.
 */
final class ChronicleContinuousStream implements ContinuousStream {
    private final ChronicleSource source;

    ChronicleContinuousStream(ChronicleSource source) {
        this.source = source;
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public int numPartitions() {
        return 1;
    }

    @Override
    public List<PartitionOffset> initialOffsets() {
        return List.of(source.initial());
    }

    @Override
    public List<PartitionOffset> deserializeOffsets(String json) {
        return List.of(ChronicleOffset.parse(json));
    }

    @Override
    public String serializeOffsets(List<PartitionOffset> offsets) {
        return PartitionOffsetsJson.serialize(offsets);
    }

    @Override
    public ContinuousPartitionReader createReader(int partition, PartitionOffset start) {
        if (partition != 0) {
            throw new IllegalArgumentException("Partition " + partition + " is out of range: the chronicle source has 1 partition");
        }
        return new Reader(source.newReader((ChronicleOffset) start));
    }

    /** Progress {@code sources[].metrics}: excerpts read, corrupt and dropped so far ({@link ExcerptCounters#metrics()}). */
    @Override
    public Map<String, String> metrics(List<PartitionOffset> end) {
        return source.metrics();
    }

    @Override
    public void stop() {
        source.close();
    }

    /** Non-blocking poll over one tailer. Reader thread only (the tailer is created on its first poll). */
    static final class Reader implements ContinuousPartitionReader {
        private final ExcerptReader reader;

        Reader(ExcerptReader reader) {
            this.reader = reader;
        }

        @Override
        public int poll(RowConsumer out, int maxRows) {
            int emitted = 0;
            while (emitted < maxRows) {
                int r = reader.next(out, Long.MAX_VALUE);
                if (r == ExcerptReader.NONE) {
                    break;
                }
                emitted += r;
            }
            return emitted;
        }

        @Override
        public PartitionOffset currentOffset() {
            return reader.currentOffset();
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}

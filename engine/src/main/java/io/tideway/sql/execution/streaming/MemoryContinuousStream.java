package io.tideway.sql.execution.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideway.engine.source.PartitionOffsetsJson;
import io.tideway.engine.source.RowCountPartitionOffset;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.offheap.row.RowConsumer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * The continuous view of a {@link MemoryStream}: partition p of N reads rows {@code i} with
 * {@code i % N == p}, in order; its offset is how many of those it has emitted, and the source's
 * line of {@code offsets/N} is {@code {"0":3,"1":2}}. A micro-batch offset (a bare row count n)
 * is accepted too: partition p has then emitted the rows {@code i < n} with {@code i % N == p},
 * {@code ceil((n - p) / N)} of them ({@link MemoryStripes}). This direction loses nothing and
 * repeats nothing.
 *
 * <p>Threading: planning methods on the query thread; each reader is owned by its reader thread
 * and reads the shared {@link MemoryRowLog} without locking.
 */
final class MemoryContinuousStream implements ContinuousStream {
    private static final String NAME = "MemoryStream";

    private final String description;
    private final int numPartitions;
    private final MemoryRowLog log;

    MemoryContinuousStream(String description, int numPartitions, MemoryRowLog log) {
        if (numPartitions <= 0) {
            throw new IllegalArgumentException("Invalid value '" + numPartitions + "'. The option 'numPartitions' must be positive");
        }
        this.description = description;
        this.numPartitions = numPartitions;
        this.log = log;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int numPartitions() {
        return numPartitions;
    }

    @Override
    public List<PartitionOffset> initialOffsets() {
        return counts(0);
    }

    @Override
    public List<PartitionOffset> deserializeOffsets(String json) {
        JsonNode node = PartitionOffsetsJson.read(json, NAME);
        if (node.isIntegralNumber()) {
            return counts(PartitionOffsetsJson.nonNegativeLong(node, "the micro-batch offset (rows)", NAME));
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("Invalid MemoryStream offset '" + json
                    + "': expected {\"0\":<rows>,...} or a micro-batch offset (a row count)");
        }
        JsonNode[] parts = PartitionOffsetsJson.partitions(node, numPartitions, NAME);
        List<PartitionOffset> out = new ArrayList<>(numPartitions);
        for (int p = 0; p < numPartitions; p++) {
            out.add(new RowCountPartitionOffset(PartitionOffsetsJson.nonNegativeLong(parts[p], "partition " + p, NAME)));
        }
        return out;
    }

    /** Each partition's share of the first {@code rows} rows. */
    private List<PartitionOffset> counts(long rows) {
        List<PartitionOffset> out = new ArrayList<>(numPartitions);
        for (int p = 0; p < numPartitions; p++) {
            out.add(new RowCountPartitionOffset(MemoryStripes.countBelow(rows, p, numPartitions)));
        }
        return out;
    }

    @Override
    public String serializeOffsets(List<PartitionOffset> offsets) {
        return PartitionOffsetsJson.serialize(offsets);
    }

    @Override
    public ContinuousPartitionReader createReader(int partition, PartitionOffset start) {
        if (partition < 0 || partition >= numPartitions) {
            throw new IllegalArgumentException("Partition " + partition + " is out of range: the MemoryStream has "
                    + numPartitions + " partitions");
        }
        if (!(start instanceof RowCountPartitionOffset count)) {
            throw new IllegalArgumentException("The MemoryStream's continuous offsets are row counts but got "
                    + (start == null ? "null" : start.getClass().getSimpleName() + " " + start.json()));
        }
        return new Reader(partition, count.count());
    }

    /** One stripe of the log; one volatile read pair per poll, none per row. Reader thread only. */
    private final class Reader implements ContinuousPartitionReader {
        private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
        private final int partition;
        /** Rows of this partition emitted. */
        private long emitted;
        /** Index in the log of this partition's next row. */
        private long next;

        Reader(int partition, long emitted) {
            this.partition = partition;
            this.emitted = emitted;
            this.next = partition + emitted * numPartitions;
        }

        @Override
        public int poll(RowConsumer out, int maxRows) {
            int size = log.size();
            if (next >= size) {
                return 0;
            }
            byte[][] rows = log.rows();
            int n = 0;
            while (n < maxRows && next < size) {
                byte[] row = rows[(int) next];
                view.wrap(row);
                out.accept(view, 0, row.length);
                next += numPartitions;
                emitted++;
                n++;
            }
            return n;
        }

        @Override
        public PartitionOffset currentOffset() {
            return new RowCountPartitionOffset(emitted);
        }
    }
}

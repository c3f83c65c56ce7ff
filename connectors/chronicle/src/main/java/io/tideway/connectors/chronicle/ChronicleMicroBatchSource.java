package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.StreamSource;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.util.List;
import java.util.Map;

/**
 * The {@code chronicle} source in micro-batch mode. An offset is the index of the last excerpt
 * processed ({@link ChronicleOffset}); a batch (start, end] is one partition read by one tailer.
 * {@code latestOffset} is the queue's last index, or with {@code maxRecordsPerTrigger} the index
 * of the n-th excerpt after {@code start} (found by walking a planning tailer, since indices are
 * not contiguous across cycles).
 *
 * <p>Threading: planning methods and {@link #stop()} on the query thread; readers on workers.
 */
final class ChronicleMicroBatchSource implements StreamSource {
    private final ChronicleSource source;

    ChronicleMicroBatchSource(ChronicleSource source) {
        this.source = source;
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public Offset latestOffset(Offset start, ReadLimit limit) {
        ChronicleOffset from = start == null ? source.initial() : (ChronicleOffset) start;
        ChronicleQueue queue = source.queue();
        long last = queue.lastIndex();
        if (last < 0 || !from.precedes(last)) {
            return start;
        }
        long max = source.options().maxRecordsPerTrigger();
        if (max <= 0 || limit == ReadLimit.ALL_AVAILABLE) {
            return ChronicleOffset.after(last);
        }
        long end = -1;
        try (ExcerptTailer tailer = queue.createTailer()) {
            TailerPositions.position(queue, tailer, from);
            for (long n = 0; n < max; n++) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    end = dc.index();
                }
            }
        }
        return end < 0 ? start : ChronicleOffset.after(end);
    }

    @Override
    public Offset deserializeOffset(String json) {
        return ChronicleOffset.parse(json);
    }

    @Override
    public List<InputPartition> planPartitions(Offset start, Offset end) {
        ChronicleOffset from = start == null ? source.initial() : (ChronicleOffset) start;
        ChronicleOffset to = (ChronicleOffset) end;
        if (to == null || to.startAt() || !from.precedes(to.index())) {
            return List.of();
        }
        return List.of(new ChronicleInputPartition(from, to.index()));
    }

    @Override
    public PartitionReader createReader(InputPartition partition) {
        ChronicleInputPartition p = (ChronicleInputPartition) partition;
        return new ChronicleBatchReader(source.newReader(p.from()), p.lastIndex(), source.queue());
    }

    /** Progress {@code sources[].metrics}: excerpts read, corrupt and dropped so far ({@link ExcerptCounters#metrics()}). */
    @Override
    public Map<String, String> metrics(Offset end) {
        return source.metrics();
    }

    @Override
    public void stop() {
        source.close();
    }

    /** Excerpts after {@code from} up to and including index {@code lastIndex}. Immutable. */
    record ChronicleInputPartition(ChronicleOffset from, long lastIndex) implements InputPartition {
        @Override
        public int index() {
            return 0;
        }
    }
}

package io.tideway.engine.source.rate;

import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.StreamSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rate-micro-batch} source (Spark's {@code RatePerMicroBatchStream}):
 * every {@code latestOffset} is exactly one batch beyond its start, whatever the wall clock or
 * trigger, so batch k holds values {@code [k*rowsPerBatch, (k+1)*rowsPerBatch)}, all stamped
 * {@code startTimestamp + k*advanceMillisPerBatch}. A batch follows from its two offsets alone,
 * so a replay is exact even if the options changed.
 *
 * <p>Threading: planning methods on the query thread only; readers on worker threads share only
 * immutable partitions.
 */
final class RateMicroBatchSource implements StreamSource {
    private final RateMicroBatchOptions options;
    /** The fixed end for {@code Trigger.AvailableNow}, once computed. Query thread only. */
    private RateMicroBatchOffset availableNowEnd;
    /** Whether {@code Trigger.AvailableNow} was requested. Query thread only. */
    private boolean availableNow;

    RateMicroBatchSource(RateMicroBatchOptions options) {
        this.options = options;
    }

    /** Spark's {@code RatePerMicroBatchStream.toString}, which spells the option {@code advanceMsPerBatch}. */
    @Override
    public String description() {
        return "RatePerMicroBatchStream[rowsPerBatch=" + options.rowsPerBatch() + ", numPartitions="
                + options.numPartitionsText() + ", startTimestamp=" + options.startTimestamp()
                + ", advanceMsPerBatch=" + options.advanceMillisPerBatch() + "]";
    }

    /**
     * One batch beyond {@code start} under either read limit: as in Spark, {@code Trigger.Once}
     * ({@link ReadLimit#ALL_AVAILABLE}) also gets a single batch, since the source is unbounded.
     */
    @Override
    public Offset latestOffset(Offset start, ReadLimit limit) {
        if (availableNow) {
            if (availableNowEnd == null) {
                availableNowEnd = next(offset(start));
            }
            return availableNowEnd;
        }
        return next(offset(start));
    }

    @Override
    public void prepareForTriggerAvailableNow() {
        availableNow = true;
    }

    private RateMicroBatchOffset next(RateMicroBatchOffset start) {
        try {
            return new RateMicroBatchOffset(Math.addExact(start.offset(), options.rowsPerBatch()),
                    Math.addExact(start.timestamp(), options.advanceMillisPerBatch()));
        } catch (ArithmeticException e) {
            throw new ArithmeticException("Integer overflow. The rate-micro-batch source cannot advance beyond "
                    + start.json() + " by rowsPerBatch=" + options.rowsPerBatch() + ", advanceMillisPerBatch="
                    + options.advanceMillisPerBatch());
        }
    }

    @Override
    public Offset deserializeOffset(String json) {
        return RateMicroBatchOffset.parse(json);
    }

    @Override
    public List<InputPartition> planPartitions(Offset start, Offset end) {
        RateMicroBatchOffset from = offset(start);
        RateMicroBatchOffset to = offset(end);
        if (from.offset() > to.offset() || from.timestamp() > to.timestamp()) {
            throw new IllegalArgumentException("The rate-micro-batch start " + from.json() + " is beyond its end "
                    + to.json());
        }
        if (from.offset() == to.offset()) {
            return List.of();
        }
        List<InputPartition> partitions = new ArrayList<>(options.numPartitions());
        for (int p = 0; p < options.numPartitions(); p++) {
            partitions.add(new RateInputPartition(p, options.numPartitions(), from.offset(), to.offset(),
                    from.timestamp(), 0.0));
        }
        return partitions;
    }

    @Override
    public PartitionReader createReader(InputPartition partition) {
        return new RatePartitionReader((RateInputPartition) partition);
    }

    /** {@code null} (first batch) is the initial offset: value 0 at {@code startTimestamp}. */
    private RateMicroBatchOffset offset(Offset o) {
        if (o == null) {
            return new RateMicroBatchOffset(0, options.startTimestamp());
        }
        if (o instanceof RateMicroBatchOffset r) {
            return r;
        }
        throw new IllegalArgumentException("The rate-micro-batch source's offsets are RateMicroBatchOffsets but got "
                + o.getClass().getSimpleName() + " " + o.json());
    }
}

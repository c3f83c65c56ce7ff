package io.tideway.engine.source.rate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideway.engine.source.PartitionOffsetsJson;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.PartitionOffset;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The {@code rate} source in continuous mode (Spark's {@code RateStreamContinuousStream}):
 * partition p of N emits p, p+N, p+2N, ... at {@code rowsPerSecond / N} rows a second,
 * row k (k ≥ 1) due {@code k} periods after its start offset's time; {@code rampUpTime} is
 * ignored. The origin is the wall clock when this stream is created and is not persisted: a
 * restart schedules each partition's next row one period after its last committed row, so a
 * stopped query catches up in a burst (Spark's behaviour). With {@code exactPacing} a reader
 * instead starts its schedule one period after its own start, by {@code System.nanoTime()}.
 *
 * <p>Offsets: {@code {"0":{"value":v,"runTimeMs":t},...}}. A micro-batch {@code rate} offset (a
 * bare number s of whole seconds since the logged creation time) is accepted too: by then the
 * micro-batch run had emitted the values {@code [0, V)}, {@code V = valueAtSecond(s)} (ramp-up
 * included), so partition p's last value is the largest {@code v < V} with {@code v ≡ p (mod N)},
 * i.e. {@code V - 1 - floorMod(V - 1 - p, N)} ({@code p - N} if it had none). Its time is where
 * the micro-batch schedule at the full rate puts that value relative to second s:
 * {@code creationTimeMs + 1000 s + floor(1000 (v - V) / rowsPerSecond)}, so the next row is due
 * about when the next micro-batch would have stamped it. Values are exact; times are exact
 * after the ramp-up, and without the {@code sources/<i>/0} log (no creation time) they count
 * from this stream's origin instead.
 *
 * <p>Threading: planning methods on the query thread; each reader belongs to its reader thread
 * and shares only immutable state with this object.
 */
final class RateContinuousStream implements ContinuousStream {
    private static final String NAME = "rate";

    private final RateSourceOptions options;
    private final long originMs;
    private final OptionalLong microBatchCreationTimeMs;
    private final RateClock clock;

    RateContinuousStream(RateSourceOptions options, OptionalLong microBatchCreationTimeMs, RateClock clock) {
        this.options = options;
        this.clock = clock;
        this.originMs = clock.currentTimeMillis();
        this.microBatchCreationTimeMs = microBatchCreationTimeMs;
    }

    long originMs() {
        return originMs;
    }

    @Override
    public String description() {
        return options.description();
    }

    @Override
    public int numPartitions() {
        return options.numPartitions();
    }

    @Override
    public List<PartitionOffset> initialOffsets() {
        int n = options.numPartitions();
        List<PartitionOffset> out = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            out.add(new RatePartitionOffset(p - (long) n, originMs));
        }
        return out;
    }

    @Override
    public List<PartitionOffset> deserializeOffsets(String json) {
        JsonNode node = PartitionOffsetsJson.read(json, NAME);
        if (node.isIntegralNumber()) {
            return fromMicroBatchSeconds(PartitionOffsetsJson.nonNegativeLong(node, "the micro-batch offset (seconds)", NAME));
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("Invalid rate offset '" + json + "': expected {\"0\":{\"value\":<long>,"
                    + "\"runTimeMs\":<long>},...} or a micro-batch offset (whole seconds)");
        }
        JsonNode[] parts = PartitionOffsetsJson.partitions(node, options.numPartitions(), NAME);
        List<PartitionOffset> out = new ArrayList<>(parts.length);
        for (int p = 0; p < parts.length; p++) {
            JsonNode value = parts[p].get("value");
            JsonNode time = parts[p].get("runTimeMs");
            if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()
                    || time == null || !time.canConvertToLong() || !time.isIntegralNumber()) {
                throw new IllegalArgumentException("Invalid rate offset for partition " + p + ": expected"
                        + " {\"value\":<long>,\"runTimeMs\":<long>} but was " + parts[p]);
            }
            out.add(new RatePartitionOffset(value.longValue(), time.longValue()));
        }
        return out;
    }

    /** The per-partition offsets equivalent to micro-batch offset {@code seconds}; see the class comment. */
    List<PartitionOffset> fromMicroBatchSeconds(long seconds) {
        RateSchedule.checkEndSecond(options.rowsPerSecond(), seconds);
        long rows = RateSchedule.valueAtSecond(seconds, options.rowsPerSecond(), options.rampUpTimeSeconds());
        long boundaryMs = microBatchCreationTimeMs.isPresent()
                ? microBatchCreationTimeMs.getAsLong() + seconds * 1000 : originMs;
        int n = options.numPartitions();
        List<PartitionOffset> out = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            long last = rows - 1 - Math.floorMod(rows - 1 - p, (long) n);
            long behindMs = Math.floorDiv((last - rows) * 1000, options.rowsPerSecond());
            out.add(new RatePartitionOffset(last, boundaryMs + behindMs));
        }
        return out;
    }

    @Override
    public String serializeOffsets(List<PartitionOffset> offsets) {
        return PartitionOffsetsJson.serialize(offsets);
    }

    @Override
    public ContinuousPartitionReader createReader(int partition, PartitionOffset start) {
        if (partition < 0 || partition >= options.numPartitions()) {
            throw new IllegalArgumentException("Partition " + partition + " is out of range: the rate source has "
                    + options.numPartitions() + " partitions");
        }
        if (!(start instanceof RatePartitionOffset offset)) {
            throw new IllegalArgumentException("The rate source's continuous offsets are RatePartitionOffsets but got "
                    + (start == null ? "null" : start.getClass().getSimpleName() + " " + start.json()));
        }
        return new RateContinuousReader(options, partition, offset, clock);
    }
}

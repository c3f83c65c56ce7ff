package io.tideway.engine.source.rate;

import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.LongOffset;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.StreamSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The {@code rate} source in micro-batch mode (Spark's {@code RateStreamMicroBatchStream}):
 * an offset is the number of whole seconds since the persisted origin, so at most one batch
 * with new data per second; batch (s0, s1] holds values {@code [valueAtSecond(s0),
 * valueAtSecond(s1))} striped round-robin over the partitions, each stamped with its intended
 * emission time. Everything a batch emits follows from its two offsets and the origin, so a replay
 * is exact.
 *
 * <p>Resuming from a continuous run: {@link #deserializeOffset} also reads the continuous
 * offsets, at-least-once ({@link RateResumePoint}). The origin is logged in {@code sources/<i>/0}
 * by the first planning call or continuous offset read rather than at creation, so that a
 * checkpoint only a continuous run has written (it logs no origin, as in Spark) gets the origin
 * that lines its seconds up with the continuous run's times; otherwise the first micro-batch
 * would wait as many seconds as the continuous run had covered. Until then the origin is this
 * source's creation time, as in Spark.
 *
 * <p>Threading: planning methods on the query thread only; readers on worker threads share only
 * immutable partitions.
 */
final class RateStreamSource implements StreamSource {
    private final RateSourceOptions options;
    private final LongSupplier clock;
    private final Path metadataDir;
    /** The origin: logged, or provisional until {@link #originLogged}. Query thread only. */
    private long creationTimeMs;
    /** Whether {@link #creationTimeMs} is the one in {@code sources/<i>/0}. Query thread only. */
    private boolean originLogged;
    /** {@link RateInputPartition#nanoTimeMinusEpochNanos}, fixed at creation. */
    private final long nanoTimeMinusEpochNanos;
    /** Newest time the offsets have reached; never moves back (clock steps, replays). Query thread only. */
    private long lastTimeMs;
    /** {@code Trigger.AvailableNow} target, or -1. Query thread only. */
    private long availableNowSeconds = -1;

    RateStreamSource(RateSourceOptions options, Path metadataDir, LongSupplier clock) {
        this.options = options;
        this.clock = clock;
        this.metadataDir = RateCreationTime.requireDir(metadataDir);
        OptionalLong logged = RateCreationTime.load(metadataDir);
        this.originLogged = logged.isPresent();
        this.creationTimeMs = originLogged ? logged.getAsLong() : clock.getAsLong();
        this.lastTimeMs = creationTimeMs;
        this.nanoTimeMinusEpochNanos = -RateClock.SYSTEM.epochNanosMinusNanoTime();
    }

    long creationTimeMs() {
        return creationTimeMs;
    }

    /** The origin, logged in {@code sources/<i>/0} on first use (another writer's, if it got there first). */
    private long origin() {
        if (!originLogged) {
            long provisional = creationTimeMs;
            creationTimeMs = RateCreationTime.loadOrCreate(metadataDir, () -> provisional);
            originLogged = true;
        }
        return creationTimeMs;
    }

    @Override
    public String description() {
        return options.description();
    }

    @Override
    public Offset latestOffset(Offset start, ReadLimit limit) {
        origin();
        long startSeconds = seconds(start);
        long seconds;
        if (availableNowSeconds >= 0) {
            seconds = availableNowSeconds;
        } else {
            lastTimeMs = Math.max(lastTimeMs, clock.getAsLong());
            seconds = (lastTimeMs - creationTimeMs) / 1000;
        }
        seconds = Math.max(seconds, startSeconds);
        // Spark starts at offset 0 and runs a batch only once a second has passed; 0 is "no data yet"
        return start == null && seconds == 0 ? null : new LongOffset(seconds);
    }

    @Override
    public void prepareForTriggerAvailableNow() {
        origin();
        lastTimeMs = Math.max(lastTimeMs, clock.getAsLong());
        availableNowSeconds = (lastTimeMs - creationTimeMs) / 1000;
    }

    /**
     * Whole seconds, or a continuous run's {@code {"0":{"value":v,"runTimeMs":t},...}}: then the
     * second at or before the first value some partition had not emitted; the values after it
     * are generated again (at-least-once, {@link RateResumePoint}). With no origin logged yet,
     * the continuous run's times fix it (never later than now minus those seconds, so no batch
     * waits for a clock that ran behind).
     */
    @Override
    public Offset deserializeOffset(String json) {
        if (!json.trim().startsWith("{")) {
            return LongOffset.parse(json);
        }
        RateResumePoint resume = RateResumePoint.fromContinuous(json, options.rowsPerSecond(), options.rampUpTimeSeconds());
        if (!originLogged) {
            creationTimeMs = Math.min(resume.originMs(), clock.getAsLong() - resume.seconds() * 1000);
            lastTimeMs = creationTimeMs;
            origin();
        }
        return new LongOffset(resume.seconds());
    }

    @Override
    public List<InputPartition> planPartitions(Offset start, Offset end) {
        origin();
        long startSeconds = seconds(start);
        long endSeconds = seconds(end);
        if (startSeconds > endSeconds) {
            throw new IllegalArgumentException("startSeconds(" + startSeconds + ") > endSeconds(" + endSeconds + ")");
        }
        RateSchedule.checkEndSecond(options.rowsPerSecond(), endSeconds);
        // a replayed batch must not be followed by offsets older than its end
        lastTimeMs = Math.max(lastTimeMs, creationTimeMs + endSeconds * 1000);
        long rangeStart = RateSchedule.valueAtSecond(startSeconds, options.rowsPerSecond(), options.rampUpTimeSeconds());
        long rangeEnd = RateSchedule.valueAtSecond(endSeconds, options.rowsPerSecond(), options.rampUpTimeSeconds());
        if (rangeStart == rangeEnd) {
            return List.of();
        }
        long startTimeMs = creationTimeMs + startSeconds * 1000;
        double msPerValue = (endSeconds - startSeconds) * 1000.0 / (rangeEnd - rangeStart);
        List<InputPartition> partitions = new ArrayList<>(options.numPartitions());
        for (int p = 0; p < options.numPartitions(); p++) {
            partitions.add(new RateInputPartition(p, options.numPartitions(), rangeStart, rangeEnd, startTimeMs,
                    msPerValue, nanoTimeMinusEpochNanos, options.includeIntendedNanoTime()));
        }
        return partitions;
    }

    @Override
    public PartitionReader createReader(InputPartition partition) {
        return new RatePartitionReader((RateInputPartition) partition);
    }

    private static long seconds(Offset offset) {
        if (offset == null) {
            return 0;
        }
        if (offset instanceof LongOffset o) {
            return o.value();
        }
        throw new IllegalArgumentException("The rate source's offsets are LongOffsets (seconds) but got "
                + offset.getClass().getSimpleName() + " " + offset.json());
    }
}

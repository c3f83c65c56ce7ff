package io.tideway.continuous;

import io.tideway.engine.source.RowCountPartitionOffset;
import io.tideway.engine.source.rate.RateSourceProvider;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import io.tideway.offheap.row.RowConsumer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One duty cycle of a partition whose task runs on its reader's thread ({@link DirectHandoff}):
 * the reader polls the rows due into its one slot, hands the slot to the task, which runs each
 * row into the sink's writer — everything a row costs between the source and the sink on that
 * path, with no thread hand-off. {@code rows} rows are due per cycle (1: a paced source, one row
 * at a time; 64: a source that pours). {@code source}: {@code alwaysDue} writes fixed 24-byte rows
 * (the hand-off and task alone); {@code rate} is the real {@code rate} reader with
 * {@code exactPacing} at 10^9 rows/s (every row due, so a cycle is a slot of {@code rows}), its
 * clock read and schedule included. Expect 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DirectPartitionBenchmark {
    @Param({"1", "64"})
    public int rows;

    @Param({"alwaysDue", "rate"})
    public String source;

    private ReaderAgent reader;
    private final CountingSink sink = new CountingSink();

    /** Always has {@code rows} 24-byte rows due; writes them in place when it can. */
    static final class AlwaysDue implements ContinuousPartitionReader {
        private final int perPoll;
        private final UnsafeBuffer row = new UnsafeBuffer(new byte[24]);
        private long emitted;

        AlwaysDue(int perPoll) {
            this.perPoll = perPoll;
        }

        @Override
        public int poll(RowConsumer out, int maxRows) {
            int n = Math.min(perPoll, maxRows);
            for (int i = 0; i < n; i++) {
                row.putLong(0, 0L);
                row.putLong(8, emitted);
                row.putLong(16, emitted * 2);
                out.accept(row, 0, 24);
                emitted++;
            }
            return n;
        }

        /** {@code perPoll} rows a duty cycle (the default would loop poll until the slot is full). */
        @Override
        public int pollBatch(BatchTarget out, int maxRows) {
            return poll(out, maxRows);
        }

        @Override
        public PartitionOffset currentOffset() {
            return new RowCountPartitionOffset(emitted);
        }

        @Override
        public void close() {
        }
    }

    /** Counts what reaches the writer. */
    static final class CountingSink implements StreamSink {
        long rows;

        @Override
        public String description() {
            return "counting";
        }

        @Override
        public PartitionWriter createWriter(int partition, long batchId) {
            return new PartitionWriter() {
                @Override
                public void accept(DirectBuffer buffer, int offset, int length) {
                    rows += buffer.getLong(offset + 8) >= 0 ? 1 : 0;
                }

                @Override
                public CommitMessage commit() {
                    return null;
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void commit(long batchId, List<CommitMessage> messages) {
        }
    }

    @Setup(Level.Trial)
    public void setup() {
        ContinuousSettings settings = new ContinuousSettings(ContinuousWait.BACKOFF, 1024, 16384,
                source.equals("rate") ? rows : 256, 0, ContinuousSettings.AUTO, 1);
        EpochWriter writer = new EpochWriter(sink, 0, 0);
        TaskHandler task = new TaskHandler(0, writer, writer, (p, e, o, r) -> { }, new PartitionCounters(), 0);
        RingSlot slot = new RingSlot();
        slot.rows.wrap(new byte[settings.slotBytes()]);
        PacedIdleStrategy idle = settings.waitStrategy().newReaderIdle(null, 0);
        reader = new ReaderAgent("bench", source.equals("rate") ? rateReader() : new AlwaysDue(rows), new DirectHandoff(task, slot), () -> 0L, 0, idle,
                settings, new PartitionCounters(), (t, e) -> { throw new IllegalStateException(t); });
    }

    /** The {@code rate} source's partition 0, pouring: 10^9 rows/s on {@code System.nanoTime()}. */
    private static ContinuousPartitionReader rateReader() {
        Options options = new Options(Map.of("rowsPerSecond", "1000000000", "numPartitions", "1", "exactPacing", "true",
                "includeIntendedNanoTime", "true"));
        RateSourceProvider rate = new RateSourceProvider();
        ContinuousStream stream = rate.createContinuous(new SourceContext(options, rate.schema(null, options), null, Map.of()));
        return stream.createReader(0, stream.initialOffsets().get(0));
    }

    @Benchmark
    public int dutyCycle() {
        return reader.doWork();
    }
}

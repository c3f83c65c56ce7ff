package io.tideway.continuous;

import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.sink.ForeachSink;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What an epoch marker costs the task thread ({@link TaskHandler}): finish the chain, commit the
 * epoch's sink writer, open the next epoch's, and report to the coordinator (here a no-op) — for
 * a sink whose writers are trivial, and for a continuous {@code foreach}, which closes and reopens
 * its partition's one writer copy (no copy per epoch, as in Spark's continuous tasks). Time per
 * marker; the allocation it shows ({@code -prof gc}) is per epoch, not per row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EpochMarkerBenchmark {
    @Param({"noop", "foreach"})
    public String sink;

    private final RingSlot marker = new RingSlot();
    private TaskHandler task;
    private long epoch;
    private long reported;

    /** A user writer with a little state, as a real one would have. */
    public static final class CountingWriter extends ForeachWriter<Row> {
        private static final long serialVersionUID = 1L;
        private final String name = "counter";
        private long count;

        @Override
        public boolean open(long partitionId, long epochId) {
            return true;
        }

        @Override
        public void process(Row value) {
            count++;
        }

        @Override
        public void close(Throwable errorOrNull) {
        }
    }

    @Setup
    public void setup() {
        StreamSink s = sink.startsWith("foreach")
                ? new ForeachSink<>(new CountingWriter(), new RowEncoder(new StructType().add("v", DataTypes.LongType)), true)
                : new StreamSink() {
                    private final PartitionWriter writer = new PartitionWriter() {
                        @Override
                        public CommitMessage commit() {
                            return null;
                        }

                        @Override
                        public void accept(org.agrona.DirectBuffer buffer, int offset, int length) {
                        }
                    };

                    @Override
                    public String description() {
                        return "noop";
                    }

                    @Override
                    public PartitionWriter createWriter(int partition, long batchId) {
                        return writer;
                    }

                    @Override
                    public void commit(long batchId, List<CommitMessage> messages) {
                    }
                };
        EpochWriter writer = new EpochWriter(s, 0, 0);
        Operator chain = new Operator() {
            @Override
            public void accept(org.agrona.DirectBuffer buffer, int offset, int length) {
                writer.accept(buffer, offset, length);
            }

            @Override
            public void finish() {
                writer.finish();
            }
        };
        task = new TaskHandler(0, chain, writer, (partition, e, offset, report) -> reported = e, new PartitionCounters(), 0);
        marker.kind = RingSlot.MARKER;
    }

    @Benchmark
    public long marker() {
        marker.epoch = epoch++;
        task.onEvent(marker, epoch, true);
        return reported;
    }
}

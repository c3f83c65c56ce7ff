package io.tideway.perf;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import net.openhft.chronicle.core.io.IOTools;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Recorder;

import java.nio.file.Path;

import static io.tideway.sql.functions.col;

/**
 * {@code chronicle-w1}: paced appends of {@code value, intendedNanoTime} (wire) to a Chronicle
 * queue → continuous query → the {@code chronicle} sink (wire) → a tailer on the output queue.
 * Each run uses fresh queues in its work directory, deleted at the end. Scenario thread only.
 */
final class ChronicleW1Launcher implements ConnectorW1Scenario.Launcher {
    static final StructType ROW = new StructType().add("value", DataTypes.LongType)
            .add("intendedNanoTime", DataTypes.LongType);

    @Override
    public String name() {
        return "chronicle continuous";
    }

    @Override
    public String description(int rate, String epoch) {
        return "A feed thread appends `value, intendedNanoTime` excerpts (wire) to a Chronicle queue at " + rate
                + " rows/s, paced by `System.nanoTime()`; the query `format(\"chronicle\")` (format wire, startingPosition"
                + " latest) `→ select(value * 2 as v, intendedNanoTime) → filter(v >= 0) →` `format(\"chronicle\")` (format"
                + " wire) runs with `Trigger.Continuous(\"" + epoch + "\")` (at-least-once: rows appended as they arrive);"
                + " a reader thread tails the output queue. Queues on the local disk (FAST_DAILY roll cycle).";
    }

    @Override
    public ConnectorW1Scenario.Pipeline start(TidewaySession spark, int rate, String epoch, Recorder recorder, Path work)
            throws Exception {
        Path in = work.resolve("in");
        Path out = work.resolve("out");
        ChronicleQueue inQueue = SingleChronicleQueueBuilder.single(in.toFile()).build();
        StreamingQuery query = spark.readStream().format("chronicle").option("path", in.toString()).option("format", "wire")
                .option("startingPosition", "latest").schema(ROW).load()
                .select(col("value").multiply(2).as("v"), col("intendedNanoTime"))
                .filter(col("v").geq(0))
                .writeStream().format("chronicle").option("path", out.toString()).option("format", "wire")
                .option("checkpointLocation", work.resolve("checkpoint").toString())
                .trigger(Trigger.Continuous(epoch)).start();
        ChronicleQueue outQueue = SingleChronicleQueueBuilder.single(out.toFile()).build();
        LatencyTail tail = new LatencyTail("chronicle-w1-tail", recorder, () -> new OutputTailer(outQueue));
        PacedFeed feed = new PacedFeed("chronicle-w1-feed", rate, () -> new Appender(inQueue));
        return new ConnectorW1Scenario.Pipeline() {
            @Override
            public StreamingQuery query() {
                return query;
            }

            @Override
            public Throwable failure() {
                Throwable f = feed.failure() != null ? feed.failure() : tail.failure();
                return f != null ? f : query.exception().getOrElse(() -> null);
            }

            @Override
            public void close() throws Exception {
                try {
                    feed.close();
                    query.stop();
                    tail.close();
                } finally {
                    inQueue.close();
                    outQueue.close();
                    IOTools.deleteDirWithFiles(work.toFile());
                }
            }
        };
    }

    @Override
    public void close() {
    }

    /** Feed thread: one wire excerpt per row. */
    private static final class Appender implements PacedFeed.Emitter {
        private final ExcerptAppender appender;

        Appender(ChronicleQueue queue) {
            this.appender = queue.createAppender();
        }

        @Override
        public void emit(long seq, long intendedNanos) {
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().write("value").int64(seq).write("intendedNanoTime").int64(intendedNanos);
            }
        }

        @Override
        public void close() {
            appender.close();
        }
    }

    /** Tail thread: reads what the sink appended, up to 1024 excerpts per poll. */
    private static final class OutputTailer implements LatencyTail.Poller {
        private final ExcerptTailer tailer;

        OutputTailer(ChronicleQueue queue) {
            this.tailer = queue.createTailer();
        }

        @Override
        public int poll(Recorder recorder) {
            int n = 0;
            while (n < 1024) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    dc.wire().read("v").int64();
                    long intended = dc.wire().read("intendedNanoTime").int64();
                    recorder.recordValue(Math.max(0, System.nanoTime() - intended));
                    n++;
                }
            }
            return n;
        }

        @Override
        public void close() {
            tailer.close();
        }
    }
}

package io.tideway.connectors.chronicle;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import static io.tideway.sql.functions.col;

/**
 * An application that writes ticks to its own Chronicle queue and runs a continuous Tideway
 * query over it in the same JVM (the queue handed in by name), printing latency percentiles
 * from each tick's append ({@code sentNanos}) to the sink. Args: [ticksPerSecond=10000]
 * [seconds=10] [waitStrategy=backoff]. The integrator moves it to {@code examples/}.
 */
public final class TickLatencyExample {
    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String wait = args.length > 2 ? args[2] : "backoff";
        Path dir = Files.createTempDirectory("ticks");
        TidewaySession spark = TidewaySession.builder().appName("TickLatencyExample")
                .config("tideway.continuous.waitStrategy", wait).getOrCreate();
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile()).build();
             ExcerptAppender appender = queue.createAppender()) {
            ChronicleQueues.register("ticks", queue);
            StreamingQuery query = spark.readStream().format("chronicle").option("queue", "ticks").option("format", "wire")
                    .option("startingPosition", "latest")
                    .schema(new StructType().add("seq", DataTypes.LongType).add("sentNanos", DataTypes.LongType)
                            .add("price", DataTypes.DoubleType))
                    .load().where(col("price").gt(0)).select(col("seq"), col("sentNanos"))
                    .writeStream().foreach(new LatencyRecorder()).trigger(Trigger.Continuous("1 second")).start();
            long period = 1_000_000_000L / rate;
            for (int s = 0; s < seconds; s++) {
                long next = System.nanoTime();
                for (int i = 0; i < rate; i++) {
                    while (System.nanoTime() < next) {
                        LockSupport.parkNanos(Math.max(1, (next - System.nanoTime()) / 2));
                    }
                    try (DocumentContext dc = appender.writingDocument()) {
                        dc.wire().write("seq").int64((long) s * rate + i).write("sentNanos").int64(System.nanoTime())
                                .write("price").float64(100.0 + (i & 7));
                    }
                    next += period;
                }
                Histogram h = LatencyRecorder.LATENCY.getIntervalHistogram();
                System.out.printf("second %2d: %6d ticks  p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us  max %8.1f us%n", s + 1,
                        h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                        h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
            }
            query.stop();
        } finally {
            ChronicleQueues.unregister("ticks");
            spark.stop();
            net.openhft.chronicle.core.io.IOTools.deleteDirWithFiles(dir.toFile());
        }
    }
}

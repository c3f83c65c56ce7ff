package io.tideway.examples;

import io.tideway.connectors.chronicle.ChronicleQueues;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import net.openhft.chronicle.core.io.IOTools;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import static io.tideway.sql.functions.col;

/**
 * An application that writes market ticks to its own Chronicle Queue and runs a continuous
 * Tideway query over that queue in the same JVM. The queue is opened by the application and
 * handed to Tideway by name ({@link ChronicleQueues#register}); the query reads it with
 * {@code format("chronicle").option("queue", "ticks")}, filters and projects, and a sink records
 * each tick's latency from its <em>intended</em> time (when the paced writer was due to append
 * it, so a stall counts against every tick it delayed). Every few seconds it prints rows/s and
 * p50/p99/p99.9/max.
 *
 * <p>Usage: {@code bin/tideway run ChronicleTicks [ticksPerSecond] [seconds] [waitStrategy] [reportSeconds]}
 * (defaults 10000, 10, backoff, 2). The queue and the checkpoint live in temporary directories,
 * deleted at the end.
 */
public final class ChronicleTicks {
    private static final StructType TICK = new StructType().add("seq", DataTypes.LongType)
            .add("intendedNanos", DataTypes.LongType).add("price", DataTypes.DoubleType);

    private ChronicleTicks() {
    }

    public static void main(String[] args) throws Exception {
        long rate = args.length > 0 ? Long.parseLong(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String wait = args.length > 2 ? args[2] : "backoff";
        int reportSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path queueDir = Files.createTempDirectory("tideway-ticks-queue");
        Path checkpoint = Files.createTempDirectory("tideway-ticks-checkpoint");
        TidewaySession spark = TidewaySession.builder().appName("ChronicleTicks")
                .config("tideway.continuous.waitStrategy", wait).getOrCreate();
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.single(queueDir.toFile()).build()) {
            ChronicleQueues.register("ticks", queue);
            Recorder recorder = LatencyRecorders.get("ticks");
            StreamingQuery query = spark.readStream().format("chronicle")
                    .option("queue", "ticks").option("format", "wire").option("startingPosition", "latest")
                    .schema(TICK).load()
                    .where(col("price").gt(0))
                    .select(col("seq"), col("intendedNanos"), col("price").multiply(100).as("priceInCents"))
                    .writeStream().foreach(new LatencySink("ticks", 1))
                    .option("checkpointLocation", checkpoint.toString())
                    .trigger(Trigger.Continuous("1 second"))
                    .start();
            System.out.printf("Ticks: %,d/s appended to %s, continuous query (wait strategy %s), %d s%n",
                    rate, queueDir, wait, seconds);
            TickWriter writer = new TickWriter(queue, rate, seconds);
            Thread writerThread = new Thread(writer, "tick-writer");
            writerThread.start();
            report(query, recorder, writerThread, reportSeconds);
            writerThread.join();
            query.stop();
            if (query.exception().isDefined()) {
                System.out.println("query failed: " + query.exception().get());
            }
            System.out.println("  appended " + writer.appended() + " ticks; last epoch: " + query.lastProgress().json());
        } finally {
            ChronicleQueues.unregister("ticks");
            spark.stop();
            IOTools.deleteDirWithFiles(queueDir.toFile());
            IOTools.deleteDirWithFiles(checkpoint.toFile());
        }
    }

    /** Prints an interval line every {@code reportSeconds} while the writer runs, then the total. */
    private static void report(StreamingQuery query, Recorder recorder, Thread writer, int reportSeconds)
            throws Exception {
        Histogram total = new Histogram(3_600_000_000_000L, 3);
        Histogram interval = null;
        System.out.println("  time    ticks/s      p50 µs     p99 µs   p99.9 µs     max µs");
        long start = System.nanoTime();
        long last = start;
        while (writer.isAlive() && query.isActive()) {
            writer.join(reportSeconds * 1000L);
            long now = System.nanoTime();
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            print(String.format("%5.0fs", (now - start) / 1e9), interval, interval.getTotalCount() / ((now - last) / 1e9));
            last = now;
        }
        print("total ", total, total.getTotalCount() / ((System.nanoTime() - start) / 1e9));
    }

    private static void print(String label, Histogram h, double perSecond) {
        System.out.printf("  %s %,9.0f %10.1f %10.1f %10.1f %10.1f%n", label, perSecond,
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }

    /**
     * Appends {@code seq, intendedNanos, price} ticks at a fixed rate; each tick carries the time it
     * was due, not the time it was written. Its own thread (Chronicle appenders are single-threaded).
     */
    private static final class TickWriter implements Runnable {
        private final ChronicleQueue queue;
        private final long rate;
        private final int seconds;
        private volatile long appended;

        TickWriter(ChronicleQueue queue, long rate, int seconds) {
            this.queue = queue;
            this.rate = rate;
            this.seconds = seconds;
        }

        long appended() {
            return appended;
        }

        @Override
        public void run() {
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            try (ExcerptAppender appender = queue.createAppender()) {
                for (long seq = 0; ; seq++) {
                    long due = start + seq * period;
                    if (due >= end) {
                        return;
                    }
                    long early;
                    while ((early = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(early > 50_000 ? early / 2 : 1_000); // park half the gap, then close in
                    }
                    try (DocumentContext dc = appender.writingDocument()) {
                        dc.wire().write("seq").int64(seq).write("intendedNanos").int64(due)
                                .write("price").float64(100.0 + (seq & 7) * 0.25);
                    }
                    appended = seq + 1;
                }
            }
        }
    }
}

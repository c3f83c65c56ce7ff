package io.tideway.examples;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.tideway.sql.functions.col;

/**
 * The main demo ({@code bin/tideway demo}): a telemetry pipeline. A paced source emits readings at
 * exact intended times; a continuous query ({@code Trigger.Continuous}) projects, filters and
 * scales them into a sink that measures each row's latency from its intended time; every
 * {@code reportSeconds} the demo prints rows/s and the p50/p99/p99.9/max latency. Then a short
 * micro-batch aggregation runs over the same source. No server is needed; the session serves its
 * status page ({@code spark.ui.enabled}) and prints its address, where both queries are charted.
 *
 * <p>Usage: {@code bin/tideway demo [rowsPerSecond] [seconds] [waitStrategy]} (defaults 10000, 10, backoff).
 */
public final class TelemetryDemo {
    private TelemetryDemo() {
    }

    public static void main(String[] args) throws Exception {
        long rate = args.length > 0 ? Long.parseLong(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String wait = args.length > 2 ? args[2] : "backoff";
        TidewaySession spark = TidewaySession.builder().appName("TelemetryDemo")
                .config("tideway.continuous.waitStrategy", wait)
                .config("spark.ui.enabled", "true") // the status page, on 127.0.0.1:4040 (or the next free port)
                .getOrCreate();
        System.out.println("Status page: " + spark.sparkContext().uiWebUrl().get()
                + " (charts of each query while the demo runs)\n");
        Path checkpoint = Files.createTempDirectory("tideway-telemetry");
        try {
            runContinuous(spark, rate, seconds, checkpoint.resolve("continuous"));
            runAggregation(spark, checkpoint.resolve("aggregation"));
        } finally {
            spark.stop();
        }
    }

    private static Dataset<Row> readings(TidewaySession spark, long rate) {
        return spark.readStream().format("rate")
                .option("rowsPerSecond", rate)
                .option("numPartitions", 1)
                .option("exactPacing", true)
                .option("includeIntendedNanoTime", true)
                .load();
    }

    private static void runContinuous(TidewaySession spark, long rate, int seconds, Path checkpoint) throws Exception {
        System.out.printf("Telemetry pipeline: %,d readings/s, continuous mode (epoch 1 s, wait strategy %s), %d s%n",
                rate, spark.conf().get("tideway.continuous.waitStrategy"), seconds);
        Dataset<Row> scaled = readings(spark, rate)
                .select(col("value"), col("value").multiply(2).as("scaled"), col("intendedNanoTime"))
                .filter(col("scaled").geq(0));
        Recorder recorder = LatencyRecorders.get("telemetry");
        recorder.reset();
        StreamingQuery query = scaled.writeStream().queryName("telemetry")
                .foreach(new LatencySink("telemetry", 2))
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.Continuous("1 second"))
                .start();
        Histogram total = new Histogram(3_600_000_000_000L, 3);
        Histogram interval = null;
        System.out.println("  time    rows/s      p50 µs     p99 µs   p99.9 µs     max µs");
        long start = System.nanoTime();
        for (int t = 2; t <= seconds; t += 2) {
            query.awaitTermination(2_000);
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            print(String.format("%5ds", t), interval, interval.getTotalCount() / 2.0);
        }
        query.stop();
        print("total ", total, total.getTotalCount() / ((System.nanoTime() - start) / 1e9));
        System.out.println("  last epoch: " + query.lastProgress().json() + "\n");
    }

    private static void print(String label, Histogram h, double rowsPerSecond) {
        System.out.printf("  %s %,9.0f %10.1f %10.1f %10.1f %10.1f%n", label, rowsPerSecond,
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }

    private static void runAggregation(TidewaySession spark, Path checkpoint) throws Exception {
        System.out.println("Micro-batch aggregation over the same source: readings per bucket (value % 4), update mode\n");
        StreamingQuery query = readings(spark, 1_000)
                .select(col("value").mod(4).as("bucket"), col("value"))
                .groupBy("bucket").count()
                .writeStream().queryName("buckets").outputMode("update").format("console")
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.ProcessingTime("1 second"))
                .start();
        query.awaitTermination(3_500);
        query.stop();
    }
}

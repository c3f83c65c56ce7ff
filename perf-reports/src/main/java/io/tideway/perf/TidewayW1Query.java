package io.tideway.perf;

import io.tideway.sql.Encoders;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.streaming.DataStreamWriter;
import io.tideway.sql.execution.streaming.MemoryStream;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import static io.tideway.sql.functions.col;

/**
 * The W1/W2 query on Tideway's public API: a {@code rate} source paced by {@code System.nanoTime()}
 * ({@code exactPacing}) with each row's intended time ({@code includeIntendedNanoTime}),
 * {@code select(value * 2 as v, intendedNanoTime)} → {@code filter(v >= 0)} → a {@code foreach}
 * writer; continuous ({@code Trigger.Continuous(epoch)}, the session's wait strategy) or
 * micro-batch (default trigger). Immutable; {@link #start} is called from the scenario thread.
 *
 * @param mode  {@code continuous}, {@code microbatch}, {@code microbatch-memory} (a paced
 *              {@link MemoryStream} instead of {@code rate}, default trigger) or
 *              {@code microbatch-rmb} ({@code rate-micro-batch}: rows in the very first batch, for
 *              start/restart times only — it has no intended time, so latencies record as 0)
 * @param epoch the continuous epoch (checkpoint) interval, e.g. {@code 1 second}
 */
record TidewayW1Query(long rowsPerSecond, int partitions, String mode, String epoch, String waitStrategy) {
    StreamingQuery start(TidewaySession spark, ForeachWriter<Row> writer, Path checkpoint) throws TimeoutException {
        spark.conf().set("tideway.continuous.waitStrategy", waitStrategy);
        if (mode.equals("microbatch-memory")) {
            return startOnMemoryStream(spark, writer, checkpoint);
        }
        if (mode.equals("microbatch-rmb")) {
            return spark.readStream().format("rate-micro-batch")
                    .option("rowsPerBatch", Math.max(1, rowsPerSecond / 10))
                    .option("numPartitions", partitions)
                    .load()
                    // no intended time: MAX_VALUE makes the writer record 0 (only the first row's time is used)
                    .select(col("value").multiply(2).as("v"), io.tideway.sql.functions.lit(Long.MAX_VALUE).as("intendedNanoTime"))
                    .filter(col("v").geq(0))
                    .writeStream()
                    .foreach(writer)
                    .option("checkpointLocation", checkpoint.toString())
                    .start();
        }
        DataStreamWriter<Row> w = spark.readStream().format("rate")
                .option("rowsPerSecond", rowsPerSecond)
                .option("numPartitions", partitions)
                .option("exactPacing", true)
                .option("includeIntendedNanoTime", true)
                .load()
                .select(col("value").multiply(2).as("v"), col("intendedNanoTime"))
                .filter(col("v").geq(0))
                .writeStream()
                .foreach(writer)
                .option("checkpointLocation", checkpoint.toString());
        if (mode.equals("continuous")) {
            w = w.trigger(Trigger.Continuous(epoch));
        } else if (!mode.equals("microbatch")) {
            throw new IllegalArgumentException("option --mode must be continuous, microbatch, microbatch-memory, microbatch-rmb or baseline,"
                    + " got '" + mode + "'");
        }
        return w.start();
    }

    /**
     * Micro-batch on a {@link MemoryStream} fed by a {@link PacedMemoryFeed} (value = intended
     * nanoTime): the same operators, without the {@code rate} source's one-second offsets. The feed
     * stops with the query.
     */
    private StreamingQuery startOnMemoryStream(TidewaySession spark, ForeachWriter<Row> writer, Path checkpoint)
            throws TimeoutException {
        MemoryStream<Long> stream = new MemoryStream<>(MEMORY_IDS.incrementAndGet(), spark, Encoders.LONG(), partitions);
        StreamingQuery q = stream.toDF()
                .select(col("value").multiply(2).as("v"), col("value").as("intendedNanoTime"))
                .filter(col("v").geq(0))
                .writeStream()
                .foreach(writer)
                .option("checkpointLocation", checkpoint.toString())
                .start();
        PacedMemoryFeed feed = new PacedMemoryFeed(stream, rowsPerSecond);
        Thread stopper = new Thread(() -> {
            try {
                while (q.isActive()) {
                    Thread.sleep(20);
                }
                feed.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "paced-memory-feed-stopper");
        stopper.setDaemon(true);
        stopper.start();
        return q;
    }

    private static final java.util.concurrent.atomic.AtomicInteger MEMORY_IDS = new java.util.concurrent.atomic.AtomicInteger(1000);

    /**
     * What the last progress report says about where time goes: continuous — the per-partition
     * ring counters ({@code sources[0].metrics}); micro-batch — the batch's rows and
     * {@code durationMs} phases. "" before the first report.
     */
    static String ringCounters(StreamingQuery q) {
        StreamingQueryProgress p = q.lastProgress();
        if (p == null) {
            return "";
        }
        if (p.sources().length > 0 && !p.sources()[0].metrics().isEmpty()) {
            return "epoch " + p.batchId() + ": " + p.sources()[0].metrics();
        }
        return "batch " + p.batchId() + ": numInputRows=" + p.numInputRows() + ", durationMs=" + p.durationMs();
    }
}

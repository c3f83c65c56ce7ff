package io.tideway.perf;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.tideway.sql.functions.col;

/**
 * {@code chronicle-w2}, throughput from a Chronicle queue: {@code --rows} excerpts
 * ({@code value}, wire) are appended once to a queue; each run is a new continuous query from the
 * queue's start, {@code select(value * 2 as v) → filter(v >= 0)} into a counting {@code foreach}
 * sink; rows/s is counted over the measured window. The queue is finite, so the warm-up also
 * ends after {@code --warmupRows} rows and the window when the queue is drained
 * ({@link LatencyWindow#measureDrain}). Scenario thread only.
 */
final class ChronicleW2Scenario {
    private final ScenarioArgs args;
    private final long rows;
    private final long warmupRows;
    private final String wait;
    private final int runs;
    private final LatencyWindow window;
    private final Path dir;
    private final java.util.Map<String, String> ringCounters = new java.util.LinkedHashMap<>();

    ChronicleW2Scenario(ScenarioArgs args, Path results) {
        this.args = args;
        this.rows = Long.parseLong(args.getString("rows", "20000000"));
        this.warmupRows = Long.parseLong(args.getString("warmupRows", Long.toString(rows / 5)));
        this.wait = args.getString("wait", "backoff");
        WaitStrategies.check(wait);
        this.runs = args.getInt("runs", 3);
        this.window = new LatencyWindow(args.getInt("warmup", 2), args.getInt("duration", 5), () -> null);
        this.dir = results.resolve(args.getString("out", "chronicle-w2"));
    }

    void run() throws Exception {
        LatencyReport.prepare(dir);
        Configuration c = new Configuration("1 partition chronicle continuous " + wait);
        Path work = Files.createTempDirectory("tideway-chronicle-w2");
        TidewaySession spark = args.session("chronicle-w2")
                .config("tideway.continuous.waitStrategy", wait).getOrCreate();
        try {
            long fillMs = prefill(work.resolve("in"));
            System.out.printf("chronicle-w2: %,d excerpts appended in %d ms%n", rows, fillMs);
            for (int r = 1; r <= runs; r++) {
                RunResult result = runOnce(spark, c, r, work);
                c.runs().add(result);
                System.out.printf("chronicle-w2 %s run %d: %.2f M rows/s, CPU %.2f cores, GC %d ms%n", c.name(), r,
                        result.rowsPerSecond() / 1e6, result.cpuCores(), result.gcMillis());
            }
        } finally {
            spark.stop();
            IOTools.deleteDirWithFiles(work.toFile());
        }
        StringBuilder notes = new StringBuilder();
        if (!ringCounters.isEmpty()) {
            notes.append("## Last progress report of each run (`sources[0].metrics`)\n\n");
            ringCounters.forEach((k, v) -> notes.append("- ").append(k).append(": ").append(v.isEmpty() ? "—" : v).append('\n'));
        }
        new LatencyReport(dir).write("chronicle-w2 — throughput from a Chronicle queue", description(), List.of(c),
                notes.toString());
        new Headlines().add("chronicle-w2", c.name(), c.spread(RunResult::rowsPerSecond).format() + " rows/s", "reported")
                .write(dir);
    }

    /** Appends {@code rows} excerpts {@code value: i}; returns the time it took, ms. */
    private long prefill(Path queueDir) {
        long t0 = System.nanoTime();
        try (ChronicleQueue q = SingleChronicleQueueBuilder.single(queueDir.toFile()).build();
             ExcerptAppender a = q.createAppender()) {
            for (long i = 0; i < rows; i++) {
                try (DocumentContext dc = a.writingDocument()) {
                    dc.wire().write("value").int64(i);
                }
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private RunResult runOnce(TidewaySession spark, Configuration c, int run, Path work) throws Exception {
        String key = dir.getFileName() + "/" + c.fileStem() + "/" + run;
        AtomicLong counted = SinkRegistry.counter(key);
        try {
            StreamingQuery q = spark.readStream().format("chronicle").option("path", work.resolve("in").toString())
                    .option("format", "wire").option("startingPosition", "earliest")
                    .schema(new StructType().add("value", DataTypes.LongType)).load()
                    .select(col("value").multiply(2).as("v"))
                    .filter(col("v").geq(0))
                    .writeStream().foreach(new CountingWriter(key))
                    .option("checkpointLocation", work.resolve("checkpoint-" + run).toString())
                    .trigger(Trigger.Continuous("1 second")).start();
            try {
                // the counting sink publishes every FLUSH_EVERY rows: the last partial block shows only at an epoch end
                return window.checking(() -> q.exception().getOrElse(() -> null))
                        .measureDrain(counted::get, warmupRows, rows - CountingWriter.FLUSH_EVERY);
            } finally {
                ringCounters.put(c.name() + " run " + run, TidewayW1Query.ringCounters(q));
                q.stop();
            }
        } finally {
            SinkRegistry.release(key);
        }
    }

    private String description() {
        return "A Chronicle queue pre-filled with " + rows + " excerpts `value: long` (wire, FAST_DAILY roll cycle, local"
                + " disk); each run a new continuous query (`Trigger.Continuous(\"1 second\")`, wait strategy `" + wait
                + "`) reads it from the start: `format(\"chronicle\")` (format wire) `→ select(value * 2 as v) →"
                + " filter(v >= 0) → foreach` counting rows. rows/s = rows counted over the measured window. Each run:"
                + " warm-up of " + window.warmupSeconds() + " s or the first " + warmupRows + " rows, whichever ends"
                + " first; then up to " + window.durationSeconds() + " s measured, ending early when the queue is drained"
                + " (so the window is what `--rows` allows: ~2 s per 20 M rows at 10 M rows/s); " + runs + " runs.";
    }
}

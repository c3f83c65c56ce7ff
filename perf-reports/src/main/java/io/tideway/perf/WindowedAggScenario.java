package io.tideway.perf;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StateOperatorProgress;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.window;

/**
 * {@code windowed-agg} (issue 6): stateful micro-batch throughput and state-store restart.
 *
 * <p><b>Windowed aggregation.</b> {@code rate-micro-batch} with {@code rowsPerBatch} rows and
 * {@code advanceMillisPerBatch=1000}, so each batch is one second of event time;
 * {@code key = value % keys}, {@code withWatermark("timestamp", "1 second")},
 * {@code groupBy(window(timestamp, "1 second"), key).count()} in update mode into a counting
 * {@code foreach}. After {@code warmupBatches}, rows/s = input rows of the measured batches over
 * the sum of their {@code batchDuration}; state rows and memory come from
 * {@code stateOperators()[0]}.
 *
 * <p><b>Restart.</b> {@code groupBy("key").count()} (no watermark, update mode) builds
 * {@code keys} keys of state in {@code buildBatches} batches and is stopped; the same query is
 * started again on that checkpoint, reading {@code restartRowsPerBatch} rows per batch (so the
 * figure is the state store's load, not a large batch), and the time from just before
 * {@code start()} until its first progress report (a batch committed) is the restart time.
 *
 * <p>Scenario thread only.
 */
final class WindowedAggScenario {
    private final ScenarioArgs args;
    private static final long TIMEOUT_NANOS = 300_000_000_000L;
    private final int keys;
    private final int rowsPerBatch;
    private final int partitions;
    private final int warmupBatches;
    private final int batches;
    private final int buildBatches;
    private final int restartRowsPerBatch;
    private final int runs;
    private final Path dir;

    WindowedAggScenario(ScenarioArgs args, Path results) {
        this.args = args;
        this.keys = args.getInt("keys", 1_000_000);
        this.rowsPerBatch = args.getInt("rowsPerBatch", keys);
        this.partitions = args.getInt("partitions", Runtime.getRuntime().availableProcessors());
        this.warmupBatches = args.getInt("warmupBatches", 2);
        this.batches = args.getInt("batches", 10);
        this.buildBatches = args.getInt("buildBatches", 2);
        this.restartRowsPerBatch = args.getInt("restartRowsPerBatch", 1000);
        this.runs = args.getInt("runs", 3);
        this.dir = results.resolve(args.getString("out", "windowed-agg"));
        if (keys <= 0 || rowsPerBatch <= 0 || batches <= 0 || buildBatches <= 0 || runs <= 0 || restartRowsPerBatch <= 0) {
            throw new IllegalArgumentException("--keys, --rowsPerBatch, --batches, --buildBatches, --restartRowsPerBatch"
                    + " and --runs must be positive");
        }
    }

    /** One windowed run: sustained rows/s and the state at its end. */
    private record WindowedRun(double rowsPerSecond, long rows, long batches, long stateRows, long stateRowsMax,
                               long stateBytes, long stateBytesMax, long rowsOut, String watermark) {
    }

    /** One restart run: the state built, the restart time and the first batch's own duration. */
    private record RestartRun(long stateRows, long stateBytes, double buildMs, double restartMs, long firstBatchMs,
                              long restoredStateRows) {
    }

    void run() throws Exception {
        LatencyReport.prepare(dir);
        Path work = Files.createTempDirectory("tideway-windowed-agg");
        TidewaySession spark = args.session("windowed-agg").getOrCreate();
        List<WindowedRun> windowed = new ArrayList<>();
        List<RestartRun> restarts = new ArrayList<>();
        long gc0 = Hardware.gcMillis();
        long cpu0 = Hardware.cpuMillis();
        try {
            for (int r = 1; r <= runs; r++) {
                WindowedRun w = windowedRun(spark, work.resolve("windowed-" + r), "windowed-agg/" + r);
                windowed.add(w);
                System.out.printf("windowed-agg run %d: %s rows/s over %d batches, state %d rows (max %d), %s (max %s)%n", r,
                        Spread.fmt(w.rowsPerSecond()), w.batches(), w.stateRows(), w.stateRowsMax(),
                        mib(w.stateBytes()), mib(w.stateBytesMax()));
            }
            for (int r = 1; r <= runs; r++) {
                RestartRun s = restartRun(spark, work.resolve("restart-" + r), "windowed-agg/restart/" + r);
                restarts.add(s);
                System.out.printf("windowed-agg restart run %d: %d keys (%s) built in %.0f ms; restart → first batch"
                                + " committed %.0f ms (that batch %d ms, %d state rows)%n", r, s.stateRows(),
                        mib(s.stateBytes()), s.buildMs(), s.restartMs(), s.firstBatchMs(), s.restoredStateRows());
            }
        } finally {
            spark.stop();
        }
        write(windowed, restarts, Hardware.gcMillis() - gc0, Hardware.cpuMillis() - cpu0);
    }

    private Dataset<Row> keyed(TidewaySession spark, int perBatch) {
        return spark.readStream().format("rate-micro-batch").option("rowsPerBatch", perBatch)
                .option("numPartitions", partitions).option("advanceMillisPerBatch", 1000).load()
                .select(col("timestamp"), col("value").mod(keys).as("key"));
    }

    private WindowedRun windowedRun(TidewaySession spark, Path checkpoint, String key) throws Exception {
        StreamingQuery q = keyed(spark, rowsPerBatch).withWatermark("timestamp", "1 second")
                .groupBy(window(col("timestamp"), "1 second"), col("key")).count()
                .writeStream().outputMode("update").foreach(new CountingWriter(key))
                .option("checkpointLocation", checkpoint.toString()).start();
        try {
            awaitBatch(q, warmupBatches + batches - 1, key);
        } finally {
            q.stop();
        }
        long rows = 0;
        long busyMs = 0;
        long n = 0;
        long stateRowsMax = 0;
        long stateBytesMax = 0;
        StreamingQueryProgress last = null;
        for (StreamingQueryProgress p : q.recentProgress()) {
            if (p.batchId() < warmupBatches || p.numInputRows() == 0 || p.stateOperators().length == 0) {
                continue;
            }
            rows += p.numInputRows();
            busyMs += p.batchDuration();
            n++;
            StateOperatorProgress s = p.stateOperators()[0];
            stateRowsMax = Math.max(stateRowsMax, s.numRowsTotal());
            stateBytesMax = Math.max(stateBytesMax, s.memoryUsedBytes());
            last = p;
        }
        if (last == null) {
            throw new IllegalStateException("no measured batch in the progress reports (" + key + ")");
        }
        StateOperatorProgress s = last.stateOperators()[0];
        long rowsOut = SinkRegistry.counter(key).get();
        SinkRegistry.release(key);
        return new WindowedRun(rows * 1000.0 / Math.max(1, busyMs), rows, n, s.numRowsTotal(), stateRowsMax,
                s.memoryUsedBytes(), stateBytesMax, rowsOut, last.eventTime().getOrDefault("watermark", "—"));
    }

    private RestartRun restartRun(TidewaySession spark, Path checkpoint, String key) throws Exception {
        long b0 = System.nanoTime();
        StreamingQuery build = counts(spark, keys, checkpoint, key);
        StreamingQueryProgress built;
        try {
            built = awaitBatch(build, buildBatches - 1, key);
        } finally {
            build.stop();
        }
        double buildMs = (System.nanoTime() - b0) / 1e6;
        // the state as of the last batch that committed before stop()
        StreamingQueryProgress[] all = build.recentProgress();
        built = all.length > 0 ? all[all.length - 1] : built;
        StateOperatorProgress state = built.stateOperators()[0];
        long t0 = System.nanoTime();
        StreamingQuery restarted = counts(spark, restartRowsPerBatch, checkpoint, key);
        try {
            StreamingQueryProgress first = awaitBatch(restarted, -1, key);
            double restartMs = (System.nanoTime() - t0) / 1e6;
            return new RestartRun(state.numRowsTotal(), state.memoryUsedBytes(), buildMs, restartMs,
                    first.batchDuration(), first.stateOperators()[0].numRowsTotal());
        } finally {
            restarted.stop();
            SinkRegistry.release(key);
        }
    }

    private StreamingQuery counts(TidewaySession spark, int perBatch, Path checkpoint, String key) throws Exception {
        return keyed(spark, perBatch).groupBy("key").count()
                .writeStream().outputMode("update").foreach(new CountingWriter(key))
                .option("checkpointLocation", checkpoint.toString()).start();
    }

    /**
     * Waits until {@code q} has reported a batch with id ≥ {@code batchId} (any batch of this run
     * for -1) and returns that report; fails on the query's failure or after the timeout.
     */
    private static StreamingQueryProgress awaitBatch(StreamingQuery q, long batchId, String key) throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            StreamingQueryProgress p = q.lastProgress();
            if (p != null && p.batchId() >= batchId) {
                return p;
            }
            if (q.exception().isDefined()) {
                throw new IllegalStateException("the query failed: " + q.exception().get(), q.exception().get());
            }
            if (System.nanoTime() - t0 > TIMEOUT_NANOS) {
                throw new IllegalStateException("batch " + batchId + " not committed within 300 s (" + key + ")");
            }
            Thread.sleep(1);
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private void write(List<WindowedRun> w, List<RestartRun> s, long gcMs, long cpuMs) throws IOException {
        Spread rate = Spread.of(w, WindowedRun::rowsPerSecond);
        Spread stateRows = Spread.of(w, r -> r.stateRowsMax());
        Spread stateBytes = Spread.of(w, r -> r.stateBytesMax() / (1024.0 * 1024.0));
        Spread restart = Spread.of(s, RestartRun::restartMs);
        Spread firstBatch = Spread.of(s, r -> r.firstBatchMs());
        Spread built = Spread.of(s, r -> r.stateBytes() / (1024.0 * 1024.0));
        StringBuilder md = new StringBuilder("# windowed-agg — stateful micro-batch: windowed aggregation and state restart\n\n");
        md.append("Run ").append(Instant.now()).append(" on: ").append(Hardware.line()).append("; at the end of the runs: ")
                .append(Hardware.load()).append(" (other processes included)\n\n")
                .append("## Windowed aggregation\n\n")
                .append("`rate-micro-batch` (`rowsPerBatch` ").append(rowsPerBatch).append(", `numPartitions` ").append(partitions)
                .append(", `advanceMillisPerBatch` 1000: one batch = one second of event time) `→ select(timestamp, value % ")
                .append(keys).append(" AS key) → withWatermark(\"timestamp\", \"1 second\") → groupBy(window(timestamp, \"1 second\"),")
                .append(" key).count()`, update mode, default trigger, into a counting `foreach`. ").append(warmupBatches)
                .append(" warm-up batches, then ").append(batches).append(" measured; rows/s = input rows of the measured")
                .append(" batches ÷ the sum of their `batchDuration`. State from `stateOperators()[0]`: the largest")
                .append(" `numRowsTotal` / `memoryUsedBytes` over the measured batches, and at the last one.\n\n")
                .append("| run | rows/s | measured batches | input rows | rows out (all batches) | state rows (max) | state memory (max) | watermark at the end |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < w.size(); i++) {
            WindowedRun r = w.get(i);
            md.append("| ").append(i + 1).append(" | ").append(Spread.fmt(r.rowsPerSecond())).append(" | ").append(r.batches())
                    .append(" | ").append(r.rows()).append(" | ").append(r.rowsOut()).append(" | ").append(r.stateRows())
                    .append(" (").append(r.stateRowsMax()).append(") | ").append(mib(r.stateBytes())).append(" (")
                    .append(mib(r.stateBytesMax())).append(") | ").append(r.watermark()).append(" |\n");
        }
        md.append("\nMedian (min–max) over ").append(w.size()).append(" runs: **").append(rate.format()).append(" rows/s**,")
                .append(" state ").append(stateRows.formatWhole()).append(" rows, ").append(stateBytes.format()).append(" MiB.\n\n")
                .append("## State-store restart\n\n")
                .append("`groupBy(\"key\").count()` (no watermark, update mode) over the same keyed source builds ")
                .append(keys).append(" keys of state in ").append(buildBatches).append(" batches of ").append(keys)
                .append(" rows and is stopped; the query is started again on that checkpoint with `rowsPerBatch` ")
                .append(restartRowsPerBatch).append(" (so the first batch is mostly the state load). *restart*: from just")
                .append(" before `start()` until its first progress report is seen (`lastProgress()`, polled every ms).\n\n")
                .append("| run | state rows built | state memory | build, ms | restart → first batch committed, ms | that batch's `batchDuration`, ms | state rows after it |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < s.size(); i++) {
            RestartRun r = s.get(i);
            md.append("| ").append(i + 1).append(" | ").append(r.stateRows()).append(" | ").append(mib(r.stateBytes()))
                    .append(" | ").append(String.format("%.0f", r.buildMs())).append(" | ")
                    .append(String.format("%.0f", r.restartMs())).append(" | ").append(r.firstBatchMs()).append(" | ")
                    .append(r.restoredStateRows()).append(" |\n");
        }
        md.append("\nMedian (min–max) over ").append(s.size()).append(" runs: restart **").append(restart.format())
                .append(" ms**, of which the first batch ").append(firstBatch.format()).append(" ms; state ")
                .append(built.format()).append(" MiB.\n\nGC ").append(gcMs).append(" ms, CPU ").append(cpuMs)
                .append(" ms over the whole scenario (all runs, both parts).\n\n")
                .append("Targets (issue 6): state-store restart of a 1 M-key store ≤ 2 s; windowed aggregation: report rows/s,")
                .append(" state rows and memory.\n");
        Files.writeString(dir.resolve("README.md"), md.toString());
        System.out.println(md);
        String sizes = keys == 1_000_000 ? "1 M keys" : keys + " keys";
        new Headlines()
                .add("windowed-agg", sizes + ", 1 s windows", rate.format() + " rows/s; state " + stateRows.formatWhole()
                        + " rows, " + stateBytes.format() + " MiB", "reported")
                .add("state-restart", sizes, restart.format() + " ms (first batch " + firstBatch.format() + " ms)",
                        keys >= 1_000_000 ? Headlines.verdict(restart.median() <= 2000) : "— (fewer than 1 M keys)")
                .write(dir);
    }
}

package io.tideway.perf;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import org.HdrHistogram.Recorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W1 through a connector pair (issue: {@code chronicle-w1}, {@code kafka-w1}): a {@link PacedFeed}
 * writes rows carrying their intended time into the source system at {@code --rate}; the W1
 * query ({@code v = value * 2 → filter(v >= 0)}) runs continuously from that source to the same
 * system's sink; a {@link LatencyTail} reads the sink's output and records read time minus
 * intended time. The connector-specific parts are a {@link Launcher}; the runs, the measured
 * window ({@link LatencyWindow}) and the report ({@link LatencyReport}, {@link Headlines}) are
 * shared with the other scenarios. Scenario thread only.
 */
final class ConnectorW1Scenario {
    private final ScenarioArgs args;
    /** One run's running pipeline. */
    interface Pipeline extends AutoCloseable {
        StreamingQuery query();

        /** The feed's, the tail's or the query's failure, or null while all are healthy. */
        Throwable failure();
    }

    /** Starts runs of one connector pair; owns what runs share (e.g. a broker). */
    interface Launcher extends AutoCloseable {
        /** Short name for labels, e.g. {@code chronicle continuous}. */
        String name();

        /** Markdown: what runs, for the report. */
        String description(int rate, String epoch);

        Pipeline start(TidewaySession spark, int rate, String epoch, Recorder recorder, Path work) throws Exception;
    }

    private final Launcher launcher;
    private final String headlineKey;
    private final int rate;
    private final String wait;
    private final int runs;
    private final String epoch;
    private final LatencyWindow window;
    private final Path dir;
    private final Map<String, String> ringCounters = new LinkedHashMap<>();

    ConnectorW1Scenario(ScenarioArgs args, Path results, String name, Launcher launcher) {
        this.args = args;
        this.launcher = launcher;
        this.headlineKey = name;
        this.rate = args.getInt("rate", 10_000);
        this.wait = args.getString("wait", "backoff");
        WaitStrategies.check(wait);
        this.runs = args.getInt("runs", 3);
        this.epoch = args.getString("epoch", "1 second");
        this.window = new LatencyWindow(args.getInt("warmup", 2), args.getInt("duration", 5), () -> null);
        this.dir = results.resolve(args.getString("out", name));
    }

    void run() throws Exception {
        LatencyReport.prepare(dir);
        Configuration c = new Configuration(W1Scenario.label(rate, launcher.name(), wait));
        Path work = Files.createTempDirectory("tideway-" + headlineKey);
        TidewaySession spark = args.session(headlineKey)
                .config("tideway.continuous.waitStrategy", wait).getOrCreate();
        try (launcher) {
            for (int r = 1; r <= runs; r++) {
                RunResult result = runOnce(spark, c, r, work);
                c.runs().add(result);
                System.out.printf("%s %s run %d: p50 %.1f p99 %.1f p99.9 %.1f max %.1f µs, %.0f rows/s%n", headlineKey,
                        c.name(), r, result.micros(50), result.micros(99), result.micros(99.9), result.maxMicros(),
                        result.rowsPerSecond());
            }
        } finally {
            spark.stop();
        }
        StringBuilder notes = new StringBuilder();
        if (!ringCounters.isEmpty()) {
            notes.append("## Last progress report of each run (`sources[0].metrics`)\n\n");
            ringCounters.forEach((k, v) -> notes.append("- ").append(k).append(": ").append(v.isEmpty() ? "—" : v).append('\n'));
        }
        new LatencyReport(dir).write(headlineKey + " — W1 through the " + launcher.name().split(" ")[0] + " connectors",
                launcher.description(rate, epoch) + "\n\nEach run: " + window.warmupSeconds() + " s warm-up (discarded), "
                        + window.durationSeconds() + " s measured; " + runs + " runs; wait strategy `" + wait + "`."
                        + " Latency = `System.nanoTime()` when the reader thread reads the row from the sink's output minus"
                        + " the row's intended time (no coordinated omission); it includes the source and sink systems."
                        + " The issue's spec: `--rate 10000`.", List.of(c), notes.toString());
        new Headlines().add(headlineKey, c.name(), "p50 " + c.spread(x -> x.micros(50)).format() + ", p99 "
                        + c.spread(x -> x.micros(99)).format() + ", p99.9 " + c.spread(x -> x.micros(99.9)).format()
                        + ", max " + c.spread(RunResult::maxMicros).format(), "reported")
                .write(dir);
    }

    private RunResult runOnce(TidewaySession spark, Configuration c, int run, Path work) throws Exception {
        String key = dir.getFileName() + "/" + c.fileStem() + "/" + run;
        Recorder recorder = SinkRegistry.recorder(key);
        try (Pipeline p = launcher.start(spark, rate, epoch, recorder, Files.createDirectories(work.resolve("run" + run)))) {
            try {
                return window.checking(p::failure).measureLatency(recorder, LatencyReport.hlog(dir, c, run),
                        c.name() + " run " + run);
            } finally {
                ringCounters.put(c.name() + " run " + run, TidewayW1Query.ringCounters(p.query()));
            }
        } finally {
            SinkRegistry.release(key);
        }
    }
}

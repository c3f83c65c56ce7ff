package io.tideway.perf;

import io.tideway.sql.TidewaySession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoint overhead: W1 at {@code --rate} (10k rows/s) in continuous mode with epochs of
 * 100 ms, 1 s and an hour (≈ no checkpoint inside the window), p99 side by side. Each epoch
 * writes {@code offsets/E} and {@code commits/E} and cuts an epoch marker through the ring.
 * Runs are interleaved.
 */
final class CheckpointScenario {
    private final ScenarioArgs args;
    private final int rate;
    private final List<String> epochs;
    private final String wait;
    private final int runs;
    private final LatencyWindow window;
    private final Path dir;
    private final Map<String, String> ringCounters = new LinkedHashMap<>();
    /** Per configuration, over its runs' measured windows: late rows by ms since their epoch began. */
    private final Map<String, long[]> lateRows = new LinkedHashMap<>();

    CheckpointScenario(ScenarioArgs args, Path results) {
        this.args = args;
        this.rate = args.getInt("rate", 10_000);
        this.epochs = args.getStrings("epochs", "100 milliseconds,1 second,1 hour");
        this.wait = WaitStrategies.check(args.getString("wait", "backoff"));
        this.runs = args.getInt("runs", 3);
        this.window = new LatencyWindow(args.getInt("warmup", 2), args.getInt("duration", 5), () -> null);
        this.dir = results.resolve(args.getString("out", "checkpoint"));
    }

    void run() throws Exception {
        LatencyReport.prepare(dir);
        List<Configuration> configurations = new ArrayList<>();
        for (String e : epochs) {
            configurations.add(new Configuration("epoch " + e + " " + W1Scenario.label(rate, "continuous", wait)));
        }
        Path work = Files.createTempDirectory("tideway-checkpoint");
        TidewaySession spark = args.session("checkpoint").getOrCreate();
        try {
            for (int r = 1; r <= runs; r++) {
                for (int i = 0; i < epochs.size(); i++) {
                    Configuration c = configurations.get(i);
                    String key = dir.getFileName() + "/" + c.fileStem() + "/" + r;
                    RunResult result = TidewayRun.latency(spark, new TidewayW1Query(rate, 1, "continuous", epochs.get(i), wait),
                            key, window, LatencyReport.hlog(dir, c, r), work, c.name() + " run " + r, ringCounters,
                            lateRows.computeIfAbsent(c.name(), k -> new long[SinkRegistry.EPOCH_AGE_BUCKETS]));
                    c.runs().add(result);
                    System.out.printf("checkpoint %s run %d: p50 %.1f p99 %.1f p99.9 %.1f max %.1f µs%n", c.name(), r,
                            result.micros(50), result.micros(99), result.micros(99.9), result.maxMicros());
                }
            }
        } finally {
            spark.stop();
        }
        Configuration fast = configurations.get(0);
        Configuration none = configurations.get(configurations.size() - 1);
        double p99Fast = fast.spread(r -> r.micros(99)).median();
        double p99None = none.spread(r -> r.micros(99)).median();
        String notes = String.format("p99 with `%s` epochs vs `%s`: %.1f µs vs %.1f µs = %+.0f %% (target ≤ +10 %%).%n%n",
                epochs.get(0), epochs.get(epochs.size() - 1), p99Fast, p99None, 100 * (p99Fast / p99None - 1));
        StringBuilder n = new StringBuilder(notes);
        n.append("## Where the late rows are\n\nRows at least ").append(SinkRegistry.LATE_NANOS / 1000)
                .append(" µs late, all runs' measured windows together, by whole ms between their epoch's start (the sink"
                        + " writer's `open`) and their arrival; the last bucket is ").append(SinkRegistry.EPOCH_AGE_BUCKETS - 1)
                .append(" ms or more. Late rows crowded into the first buckets were held up by the epoch boundary;"
                        + " with no epoch inside the window every row is in the last.\n\n");
        lateRows.forEach((k, v) -> n.append("- ").append(k).append(": ").append(Arrays.toString(v)).append('\n'));
        n.append("\n## Ring counters (last epoch of each run)\n\n");
        ringCounters.forEach((k, v) -> n.append("- ").append(k).append(": ").append(v.isEmpty() ? "—" : v).append('\n'));
        new LatencyReport(dir).write("Checkpoint overhead — W1 at " + rate + " rows/s, continuous, " + wait,
                "W1 (see `../W1/README.md`) in continuous mode with `Trigger.Continuous(epoch)` for each epoch interval;"
                        + " every epoch the readers put a marker in the ring, the tasks flush the sink and report, and the"
                        + " coordinator writes `offsets/E` and `commits/E`. `1 hour` means no checkpoint inside the window."
                        + " Each run: " + window.warmupSeconds() + " s warm-up, " + window.durationSeconds() + " s measured; "
                        + runs + " runs, interleaved.", configurations, n.toString());
        new Headlines().add("checkpoint", fast.name() + " vs " + none.name(),
                        String.format("p99 %s vs %s µs (%+.0f %%)", fast.spread(r -> r.micros(99)).format(),
                                none.spread(r -> r.micros(99)).format(), 100 * (p99Fast / p99None - 1)),
                        Headlines.verdict(p99Fast <= 1.1 * p99None))
                .write(dir);
    }
}

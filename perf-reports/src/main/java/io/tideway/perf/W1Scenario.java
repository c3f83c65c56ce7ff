package io.tideway.perf;

import io.tideway.sql.TidewaySession;
import org.HdrHistogram.Recorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W1, fixed-rate latency: at each {@code --rate}, the query {@code v = value * 2 → filter(v >= 0)
 * → sink} on Tideway in continuous mode (each {@code --wait} strategy), in micro-batch mode
 * (default trigger), and hand-rolled on a bare Disruptor ring with the same strategy
 * ({@link DisruptorBaseline}). Runs are interleaved (run 1 of every configuration, then run 2...)
 * so slow phases of a shared box spread over all configurations.
 */
final class W1Scenario {
    private final ScenarioArgs args;
    private final List<Integer> rates;
    private final List<String> modes;
    private final List<String> waits;
    private final int runs;
    private final int rowsPerSlot;
    private final String epoch;
    private final LatencyWindow window;
    private final Path dir;
    private final Map<String, String> ringCounters = new LinkedHashMap<>();

    W1Scenario(ScenarioArgs args, Path results) {
        this.args = args;
        this.rates = args.getInts("rate", "1000,10000");
        this.modes = args.getStrings("mode", "baseline,continuous,microbatch,microbatch-memory");
        this.waits = args.getStrings("wait", String.join(",", WaitStrategies.NAMES));
        waits.forEach(WaitStrategies::check);
        this.runs = args.getInt("runs", 3);
        this.rowsPerSlot = args.getInt("rowsPerSlot", 256);
        this.epoch = args.getString("epoch", "1 second");
        this.window = new LatencyWindow(args.getInt("warmup", 2), args.getInt("duration", 5), () -> null);
        this.dir = results.resolve(args.getString("out", "W1"));
    }

    /** A configuration to run: mode, wait strategy (null for micro-batch) and rate. */
    private record Setup(String mode, String waitStrategy, int rate, Configuration result) {
    }

    void run() throws Exception {
        LatencyReport.prepare(dir);
        List<Setup> setups = new ArrayList<>();
        for (int rate : rates) {
            for (String mode : modes) {
                if (mode.startsWith("microbatch")) {
                    String name = mode.equals("microbatch") ? "micro-batch" : "micro-batch MemoryStream";
                    setups.add(new Setup(mode, "backoff", rate, new Configuration(label(rate, name, null))));
                } else {
                    for (String wait : waits) {
                        setups.add(new Setup(mode, wait, rate, new Configuration(label(rate, mode, wait))));
                    }
                }
            }
        }
        Path work = Files.createTempDirectory("tideway-w1");
        TidewaySession spark = args.session("W1").getOrCreate();
        try {
            for (int r = 1; r <= runs; r++) {
                for (Setup s : setups) {
                    RunResult result = runOnce(spark, s, r, work);
                    s.result().runs().add(result);
                    System.out.printf("W1 %s run %d: p50 %.1f p99 %.1f p99.9 %.1f max %.1f µs, %.0f rows/s%n",
                            s.result().name(), r, result.micros(50), result.micros(99), result.micros(99.9),
                            result.maxMicros(), result.rowsPerSecond());
                }
            }
        } finally {
            spark.stop();
        }
        List<Configuration> configurations = setups.stream().map(Setup::result).toList();
        new LatencyReport(dir).write("W1 — fixed-rate latency", description(), configurations, notes(setups));
        headlines(setups).write(dir);
    }

    private RunResult runOnce(TidewaySession spark, Setup s, int run, Path work) throws Exception {
        String key = dir.getFileName() + "/" + s.result().fileStem() + "/" + run;
        Recorder recorder = SinkRegistry.recorder(key);
        Path hlog = LatencyReport.hlog(dir, s.result(), run);
        try {
            if (s.mode().equals("baseline")) {
                DisruptorBaseline b = new DisruptorBaseline("w1-baseline", s.rate(), rowsPerSlot, s.waitStrategy(), recorder,
                        SinkRegistry.counter(key + ".rows"));
                b.start();
                try {
                    return window.measureLatency(recorder, hlog, s.result().name() + " run " + run);
                } finally {
                    b.stop();
                }
            }
            TidewayW1Query query = new TidewayW1Query(s.rate(), 1, s.mode(), epoch, s.waitStrategy());
            return TidewayRun.latency(spark, query, key, window, hlog, work, s.result().name() + " run " + run,
                    ringCounters);
        } finally {
            SinkRegistry.release(key);
        }
    }

    static String label(int rate, String mode, String wait) {
        String r = rate % 1000 == 0 ? rate / 1000 + "k/s" : rate + "/s";
        return r + " " + mode + (wait == null ? "" : " " + wait);
    }

    private String description() {
        return "Query `select(value * 2 as v, intendedNanoTime) → filter(v >= 0) → foreach` from the `rate` source"
                + " (1 partition, `exactPacing`, `includeIntendedNanoTime`); latency = `System.nanoTime()` in the sink"
                + " minus the row's intended emission time (no coordinated omission). *continuous*:"
                + " `Trigger.Continuous(\"" + epoch + "\")` with `tideway.continuous.waitStrategy` = the named strategy;"
                + " *micro-batch*: the default trigger (the `rate` source's offsets are whole seconds, so a row waits"
                + " for its second to close); *micro-batch MemoryStream*: the same operators and default trigger on a"
                + " `MemoryStream<Long>` that a feed thread appends each row to when it is due (value = its intended"
                + " nanoTime; the feed parks ~20 µs between checks), i.e. the engine's micro-batch latency without the"
                + " `rate` source's one-second offsets; *baseline*: the same work hand-rolled on a bare Disruptor ring (1024"
                + " slots, up to " + rowsPerSlot + " due rows per slot, producer thread paced by `System.nanoTime()`,"
                + " the same wait and idle strategies as the engine), in the same JVM and run.\n\n"
                + "Each run: " + window.warmupSeconds() + " s warm-up (discarded), " + window.durationSeconds()
                + " s measured; " + runs + " runs per configuration, interleaved. rows/s is rows recorded per second"
                + " of the window; GC ms and CPU cores are the whole JVM's over the window. The issue's full"
                + " spec: `--warmup 10 --duration 30 --rate 1000,10000,100000`.";
    }

    private String notes(List<Setup> setups) {
        StringBuilder n = new StringBuilder();
        for (Setup s : setups) {
            Setup base = find(setups, "baseline", s.waitStrategy(), s.rate());
            if (s.mode().equals("continuous") && base != null) {
                if (n.length() == 0) {
                    n.append("## Tideway over the bare ring (ratio of medians, same wait strategy, same runs)\n\n"
                            + "| rate | wait | Tideway p50 / baseline p50 | Tideway p99.9 / baseline p99.9 |\n|---|---|---|---|\n");
                }
                n.append("| ").append(s.rate()).append(" | ").append(s.waitStrategy()).append(" | ")
                        .append(ratio(s, base, 50)).append(" | ").append(ratio(s, base, 99.9)).append(" |\n");
            }
        }
        if (!ringCounters.isEmpty()) {
            n.append("\n## Where time goes: last progress report of each run (continuous: ring counters `sources[0].metrics`; micro-batch: rows and `durationMs`)\n\n");
            ringCounters.forEach((k, v) -> n.append("- ").append(k).append(": ").append(v.isEmpty() ? "—" : v).append('\n'));
        }
        return n.toString();
    }

    private static String ratio(Setup s, Setup base, double p) {
        double a = s.result().spread(r -> r.micros(p)).median();
        double b = base.result().spread(r -> r.micros(p)).median();
        return String.format("%.2f×", a / b);
    }

    private static Setup find(List<Setup> setups, String mode, String wait, int rate) {
        for (Setup s : setups) {
            if (s.mode().equals(mode) && s.waitStrategy().equals(wait) && s.rate() == rate) {
                return s;
            }
        }
        return null;
    }

    private Headlines headlines(List<Setup> setups) {
        Headlines h = new Headlines();
        for (Setup s : setups) {
            Configuration c = s.result();
            Spread p50 = c.spread(r -> r.micros(50));
            Spread p99 = c.spread(r -> r.micros(99));
            Spread p999 = c.spread(r -> r.micros(99.9));
            Setup base = find(setups, "baseline", s.waitStrategy(), s.rate());
            String baseText = base == null ? "" : "; baseline p99.9 " + base.result().spread(r -> r.micros(99.9)).format();
            boolean baseOk = base != null
                    && p999.median() <= 1.5 * base.result().spread(r -> r.micros(99.9)).median();
            if (s.mode().equals("continuous") && (s.rate() == 10_000 || s.rate() == 100_000)) {
                String measured = "p50 " + p50.format() + ", p99 " + p99.format() + ", p99.9 " + p999.format()
                        + ", max " + c.spread(RunResult::maxMicros).format() + baseText;
                boolean met = s.rate() == 10_000
                        ? p50.median() <= 5 && p99.median() <= 50 && baseOk
                        : p99.median() <= 100 && baseOk;
                h.add(s.rate() == 10_000 ? "w1-10k" : "w1-100k", c.name(), measured,
                        Headlines.verdict(met) + (base == null ? " (no baseline run)" : ""));
            } else if (s.mode().startsWith("microbatch")) {
                Spread ms = c.spread(r -> r.micros(99) / 1000);
                h.add("w1-mb", c.name(), "p99 " + ms.format() + " ms, p50 "
                        + c.spread(r -> r.micros(50) / 1000).format() + " ms", Headlines.verdict(ms.median() <= 50));
            }
        }
        long maxHeapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        if (maxHeapMiB <= 64) {
            h.add("heap", "W1 " + rates + " all configurations", "completed with max heap " + maxHeapMiB + " MiB",
                    "yes");
        }
        return h;
    }
}

package io.tideway.perf;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * W2, saturation throughput: the W1 query unpaced — a continuous {@code rate} source at
 * {@code --rowsPerSecond} (500 M by default, so every poll finds rows due and the source is never
 * the limit) into a counting {@code foreach} sink — and the same on bare Disruptor rings (one
 * unpaced producer/consumer pair per partition), at 1 and 2 partitions. Rows/s = rows counted at
 * the sink over the measured window. Runs are interleaved.
 */
final class W2Scenario {
    private final ScenarioArgs args;
    private final List<Integer> partitions;
    private final List<String> modes;
    private final List<String> waits;
    private final long rowsPerSecond;
    private final int rowsPerSlot;
    private final int runs;
    private final LatencyWindow window;
    private final Path dir;
    private final Map<String, String> ringCounters = new LinkedHashMap<>();

    W2Scenario(ScenarioArgs args, Path results) {
        this.args = args;
        this.partitions = args.getInts("partitions", "1,2");
        this.modes = args.getStrings("mode", "baseline,continuous");
        this.waits = args.getStrings("wait", "backoff");
        waits.forEach(WaitStrategies::check);
        this.rowsPerSecond = Long.parseLong(args.getString("rowsPerSecond", "500000000"));
        this.rowsPerSlot = args.getInt("rowsPerSlot", 256);
        this.runs = args.getInt("runs", 3);
        this.window = new LatencyWindow(args.getInt("warmup", 2), args.getInt("duration", 5), () -> null);
        this.dir = results.resolve(args.getString("out", "W2"));
    }

    private record Setup(String mode, String waitStrategy, int partitions, Configuration result) {
    }

    void run() throws Exception {
        LatencyReport.prepare(dir);
        List<Setup> setups = new ArrayList<>();
        for (int p : partitions) {
            for (String mode : modes) {
                for (String wait : waits) {
                    setups.add(new Setup(mode, wait, p, new Configuration(p + " partition" + (p > 1 ? "s " : " ") + mode + " " + wait)));
                }
            }
        }
        Path work = Files.createTempDirectory("tideway-w2");
        TidewaySession spark = args.session("W2").getOrCreate();
        try {
            for (int r = 1; r <= runs; r++) {
                for (Setup s : setups) {
                    RunResult result = runOnce(spark, s, r, work);
                    s.result().runs().add(result);
                    System.out.printf("W2 %s run %d: %.2f M rows/s, CPU %.2f cores, GC %d ms%n", s.result().name(), r,
                            result.rowsPerSecond() / 1e6, result.cpuCores(), result.gcMillis());
                }
            }
        } finally {
            spark.stop();
        }
        List<Configuration> configurations = setups.stream().map(Setup::result).toList();
        new LatencyReport(dir).write("W2 — saturation throughput", description(), configurations, notes());
        headlines(setups).write(dir);
    }

    private RunResult runOnce(TidewaySession spark, Setup s, int run, Path work) throws Exception {
        String key = dir.getFileName() + "/" + s.result().fileStem() + "/" + run;
        try {
            if (s.mode().equals("baseline")) {
                List<DisruptorBaseline> rings = new ArrayList<>();
                List<AtomicLong> counts = new ArrayList<>();
                for (int p = 0; p < s.partitions(); p++) {
                    AtomicLong c = SinkRegistry.counter(key + "/" + p);
                    counts.add(c);
                    rings.add(new DisruptorBaseline("w2-baseline-" + p, 0, rowsPerSlot, s.waitStrategy(), null, c));
                }
                rings.forEach(DisruptorBaseline::start);
                try {
                    return window.measureThroughput(() -> counts.stream().mapToLong(AtomicLong::get).sum());
                } finally {
                    for (DisruptorBaseline b : rings) {
                        b.stop();
                    }
                }
            }
            TidewayW1Query query = new TidewayW1Query(rowsPerSecond, s.partitions(), s.mode(), "1 second", s.waitStrategy());
            AtomicLong rows = SinkRegistry.counter(key);
            StreamingQuery q = query.start(spark, new CountingWriter(key), work.resolve(key));
            try {
                return window.checking(() -> q.exception().getOrElse(() -> null)).measureThroughput(rows::get);
            } finally {
                ringCounters.put(s.result().name(), TidewayW1Query.ringCounters(q));
                q.stop();
            }
        } finally {
            SinkRegistry.release(key);
        }
    }

    private String description() {
        return "The W1 query unpaced: continuous `rate` source at " + rowsPerSecond + " rows/s per query"
                + " (`exactPacing`; every poll finds rows due, so the source never waits), `Trigger.Continuous(\"1 second\")`,"
                + " `select(value * 2 as v, intendedNanoTime) → filter(v >= 0) → foreach` counting rows;"
                + " *baseline*: per partition an unpaced producer thread filling slots of " + rowsPerSlot
                + " `(intended, value)` rows on a bare 1024-slot Disruptor ring and a consumer computing `v * 2`,"
                + " `v >= 0` and counting. rows/s = rows counted at the sink over the window. Each run: "
                + window.warmupSeconds() + " s warm-up, " + window.durationSeconds() + " s measured; " + runs
                + " runs, interleaved. Issue spec: `--warmup 10 --duration 30`.";
    }

    private String notes() {
        StringBuilder n = new StringBuilder();
        if (!ringCounters.isEmpty()) {
            n.append("## Ring counters of the last run (progress `sources[0].metrics`; rows/slots = rows per slot)\n\n");
            ringCounters.forEach((k, v) -> n.append("- ").append(k).append(": ").append(v.isEmpty() ? "—" : v).append('\n'));
        }
        return n.toString();
    }

    private Headlines headlines(List<Setup> setups) {
        Headlines h = new Headlines();
        for (Setup s : setups) {
            if (s.mode().equals("continuous") && s.partitions() == 1) {
                Spread rows = s.result().spread(RunResult::rowsPerSecond);
                String base = "";
                for (Setup b : setups) {
                    if (b.mode().equals("baseline") && b.partitions() == 1 && b.waitStrategy().equals(s.waitStrategy())) {
                        base = "; bare ring " + b.result().spread(RunResult::rowsPerSecond).format() + " rows/s";
                    }
                }
                h.add("w2-1p", s.result().name(), rows.format() + " rows/s" + base,
                        Headlines.verdict(rows.median() >= 100e6));
            }
        }
        return h;
    }
}

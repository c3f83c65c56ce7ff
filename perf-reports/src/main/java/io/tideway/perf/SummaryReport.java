package io.tideway.perf;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code perf-reports/results/README.md}: the latest figure of every scenario against the targets
 * of issues 5 and 6, rebuilt from each scenario directory's {@code headline.tsv} whenever a scenario ends.
 */
final class SummaryReport {
    /** Target key → {scenario, target}, in the order. */
    static final Map<String, String[]> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("w1-10k", new String[]{"W1 10k rows/s continuous", "p50 ≤ 5 µs, p99 ≤ 50 µs, p99.9 ≤ 1.5× the hand-rolled baseline's"});
        TARGETS.put("w1-100k", new String[]{"W1 100k rows/s continuous", "p99 ≤ 100 µs, p99.9 ≤ 1.5× the hand-rolled baseline's"});
        TARGETS.put("w1-mb", new String[]{"W1 micro-batch, default trigger", "p99 ≤ 50 ms (Spark here: 450–1200 ms)"});
        TARGETS.put("w2-1p", new String[]{"W2 1 partition continuous", "≥ 100 M rows/s (bare ring, 64 rows per slot: ~300 M here)"});
        TARGETS.put("chronicle-w1", new String[]{"W1 10k rows/s Chronicle → continuous → Chronicle", "report p50, p99, p99.9 (read time − intended time)"});
        TARGETS.put("kafka-w1", new String[]{"W1 10k rows/s Kafka → continuous → Kafka", "report p50, p99, p99.9 (read time − intended time)"});
        TARGETS.put("chronicle-w2", new String[]{"W2 from a pre-filled Chronicle queue, continuous", "report rows/s"});
        TARGETS.put("w3", new String[]{"W3 word count micro-batch", "≥ 10 M words/s"});
        TARGETS.put("windowed-agg", new String[]{"windowed aggregation, 1 M keys, 1 s tumbling windows, micro-batch (issue 6)",
                "report rows/s, state rows and memory"});
        TARGETS.put("state-restart", new String[]{"state-store restart, 1 M keys (issue 6)", "≤ 2 s to the first committed batch"});
        TARGETS.put("alloc", new String[]{"continuous hot path allocation", "0 B/row"});
        TARGETS.put("checkpoint", new String[]{"checkpoint overhead at 100 ms epochs", "W1 p99 within +10 % of no checkpoint"});
        TARGETS.put("start", new String[]{"start → first row", "≤ 200 ms"});
        TARGETS.put("restart", new String[]{"restart → first row", "≤ 500 ms"});
        TARGETS.put("heap", new String[]{"heap for W1", "runs in `-Xmx64m`"});
    }

    private SummaryReport() {
    }

    static void write(Path results) throws IOException {
        Map<String, List<String[]>> byTarget = new LinkedHashMap<>();
        TARGETS.keySet().forEach(k -> byTarget.put(k, new ArrayList<>()));
        List<String> scenarios = new ArrayList<>();
        List<Path> sorted = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(results, Files::isDirectory)) {
            dirs.forEach(sorted::add);
        }
        sorted.sort(null);
        {
            for (Path d : sorted) {
                Path tsv = d.resolve("headline.tsv");
                if (!Files.exists(tsv)) {
                    continue;
                }
                scenarios.add(d.getFileName().toString());
                for (String line : Files.readAllLines(tsv)) {
                    String[] f = line.split("\t", -1);
                    if (f.length == 4 && byTarget.containsKey(f[0])) {
                        byTarget.get(f[0]).add(new String[]{f[1] + " (" + d.getFileName() + ")", f[2], f[3]});
                    }
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# Tideway end-to-end performance: latest results against the targets\n\n")
                .append("Rebuilt ").append(Instant.now()).append(" from the `headline.tsv` of each scenario directory")
                .append(" (the latest run of each). Machine: ").append(Hardware.line()).append(".\n\n")
                .append("Figures are the median over the runs, (min–max) in brackets; latency in µs unless marked.")
                .append(" The box has 2 shared vCPUs: tails move up to several × between runs (see each scenario's README).\n\n")
                .append("| scenario | target | configuration | measured | met |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, List<String[]>> e : byTarget.entrySet()) {
            String[] t = TARGETS.get(e.getKey());
            if (e.getValue().isEmpty()) {
                md.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | — | ")
                        .append(e.getKey().equals("alloc") ? "measured by JMH (`-prof gc`), see `jmh/results/`" : "not run yet")
                        .append(" | — |\n");
            }
            for (String[] m : e.getValue()) {
                md.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(m[0]).append(" | ")
                        .append(m[1]).append(" | ").append(m[2]).append(" |\n");
            }
        }
        md.append("\n## How to run\n\n").append(PerfMain.USAGE.replace("\n", "\n    ").replaceFirst("^", "    "))
                .append("\n\nEach scenario writes `results/<scenario>/README.md` (table, spread, hardware line),")
                .append(" `.hlog` interval logs (one per run), `.hgrm` percentile distributions (µs) and `percentiles.png`")
                .append(" (x: 1/(1−p) on a log axis labelled 90%, 99%, 99.9%…; y: µs, log). Latency is")
                .append(" `System.nanoTime()` at the sink minus the row's intended emission time, so stalls are not")
                .append(" hidden (coordinated omission). Scenarios reported here: ").append(String.join(", ", scenarios)).append(".\n");
        if (Files.exists(results.resolve("FINDINGS.md"))) {
            md.append("\nWhere the time goes and which engine behaviour bounds each missed target: [FINDINGS.md](FINDINGS.md).\n");
        }
        Files.writeString(results.resolve("README.md"), md.toString());
    }
}

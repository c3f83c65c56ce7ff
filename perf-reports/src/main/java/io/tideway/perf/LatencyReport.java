package io.tideway.perf;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a scenario's report into {@code perf-reports/results/<scenario>/}: {@code README.md}
 * (the table — p50, p90, p99, p99.9, p99.99, max in µs, rows/s, GC ms, CPU cores — each as the
 * median over the runs and their min–max, plus the hardware line), one {@code <config>.hgrm}
 * percentile distribution (µs) of all runs merged per configuration, and {@code percentiles.png}.
 * The runs' {@code .hlog} interval logs are written by {@link LatencyWindow} into the same
 * directory as {@code <config>-run<k>.hlog}. Used by one scenario thread.
 */
final class LatencyReport {
    private final Path dir;

    LatencyReport(Path dir) {
        this.dir = dir;
    }

    /** Empties the directory of a previous run's logs, distributions and plot. */
    static void prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*.{hlog,hgrm,png,tsv}")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
    }

    static Path hlog(Path dir, Configuration c, int run) {
        return dir.resolve(c.fileStem() + "-run" + run + ".hlog");
    }

    /**
     * @param title       the report's heading
     * @param description markdown: what ran and how to read it
     * @param notes       markdown appended after the table (comparisons, noise, findings)
     */
    void write(String title, String description, List<Configuration> configurations, String notes) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n")
                .append("Run ").append(Instant.now()).append(" on: ").append(Hardware.line()).append("; at the end of the runs: ")
                .append(Hardware.load()).append(" (other processes included)\n\n")
                .append(description).append("\n\n")
                .append(table(configurations)).append('\n');
        if (notes != null && !notes.isBlank()) {
            md.append(notes).append("\n");
        }
        boolean anyLatency = false;
        PercentilePlot plot = new PercentilePlot(title);
        for (Configuration c : configurations) {
            if (!c.hasLatency()) {
                continue;
            }
            anyLatency = true;
            Histogram merged = merged(c);
            try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve(c.fileStem() + ".hgrm")))) {
                out.println("# " + c.name() + ": " + c.runs().size() + " runs merged, latency in µs");
                merged.outputPercentileDistribution(out, 5, 1000.0);
            }
            plot.add(c.name(), merged);
        }
        if (anyLatency) {
            plot.savePng(dir.resolve("percentiles.png"));
            md.append("\nFiles: `percentiles.png` (all runs merged per configuration), `<configuration>.hgrm`"
                    + " (percentile distribution in µs, all runs merged), `<configuration>-run<k>.hlog`"
                    + " (1 s interval histograms in ns, one log per run; read with HdrHistogram's"
                    + " `HistogramLogReader` or HistogramLogAnalyzer).\n");
        }
        Files.writeString(dir.resolve("README.md"), md.toString());
        System.out.println(md);
    }

    static Histogram merged(Configuration c) {
        Histogram merged = new Histogram(SinkRegistry.HIGHEST_NANOS, 3);
        for (RunResult r : c.runs()) {
            merged.add(r.latency());
        }
        return merged;
    }

    static String table(List<Configuration> configurations) {
        StringBuilder t = new StringBuilder();
        t.append("Each cell: median over the runs (min–max). Latency in µs.\n\n")
                .append("| configuration | runs | p50 | p90 | p99 | p99.9 | p99.99 | max | rows/s | GC ms | CPU cores |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Configuration c : configurations) {
            t.append("| ").append(c.name()).append(" | ").append(c.runs().size());
            if (c.hasLatency()) {
                for (double p : new double[]{50, 90, 99, 99.9, 99.99}) {
                    t.append(" | ").append(c.spread(r -> r.micros(p)).format());
                }
                t.append(" | ").append(c.spread(RunResult::maxMicros).format());
            } else {
                t.append(" | — | — | — | — | — | —");
            }
            t.append(" | ").append(c.spread(RunResult::rowsPerSecond).format())
                    .append(" | ").append(c.spread(r -> r.gcMillis()).formatWhole())
                    .append(" | ").append(c.spread(RunResult::cpuCores).format()).append(" |\n");
        }
        return t.toString();
    }
}

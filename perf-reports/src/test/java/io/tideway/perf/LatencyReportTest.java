package io.tideway.perf;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report files for synthetic histograms: table, distributions, plot, summary. No timing. */
class LatencyReportTest {
    @TempDir
    Path results;

    private static RunResult run(long scaleNanos) {
        Histogram h = new Histogram(SinkRegistry.HIGHEST_NANOS, 3);
        for (int i = 1; i <= 10_000; i++) {
            h.recordValue(i * scaleNanos);
        }
        return new RunResult(h, 10_000, 3, 2_000, 1_000);
    }

    @Test
    void writesTableDistributionsAndPlot() throws Exception {
        Path dir = results.resolve("W1");
        LatencyReport.prepare(dir);
        Configuration a = new Configuration("10k/s continuous busy-spin");
        a.runs().addAll(List.of(run(1_000), run(2_000), run(3_000)));
        Configuration b = new Configuration("10k/s baseline busy-spin");
        b.runs().addAll(List.of(run(500), run(500), run(700)));
        Configuration w2 = new Configuration("1 partition continuous backoff");
        w2.runs().add(new RunResult(null, 42e6, 0, 1900, 1000));

        new LatencyReport(dir).write("W1 test", "synthetic", List.of(a, b, w2), "notes here");

        String md = Files.readString(dir.resolve("README.md"));
        // p50 of run k is about 5000·k µs (HdrHistogram reports the bucket's highest equivalent value)
        assertTrue(md.contains("| 10k/s continuous busy-spin | 3 | 10002 (5001–15008) |"), md);
        assertTrue(md.contains("| 1 partition continuous backoff | 1 | — | — | — | — | — | — | 42.00 M | 0 | 1.90 |"), md);
        assertTrue(md.contains("notes here"));
        assertTrue(md.contains(Hardware.line()));
        String hgrm = Files.readString(dir.resolve("10k-s-continuous-busy-spin.hgrm"));
        assertTrue(hgrm.contains("#[Mean"), hgrm);
        assertTrue(hgrm.contains("#[Max"), hgrm);
        assertTrue(Files.size(dir.resolve("percentiles.png")) > 1000);
        assertTrue(Files.notExists(dir.resolve("1-partition-continuous-backoff.hgrm")));
    }

    @Test
    void summaryCollectsHeadlinesUnderTheirTargets() throws Exception {
        new Headlines().add("w1-10k", "10k/s continuous yielding", "p50 3.0, p99 40", "yes").write(results.resolve("W1"));
        new Headlines().add("w2-1p", "1 partition", "20 M rows/s", "**no**").write(results.resolve("W2"));
        String md = Files.readString(results.resolve("README.md"));
        assertTrue(md.contains("| W1 10k rows/s continuous | p50 ≤ 5 µs, p99 ≤ 50 µs, p99.9 ≤ 1.5× the hand-rolled baseline's"
                + " | 10k/s continuous yielding (W1) | p50 3.0, p99 40 | yes |"), md);
        assertTrue(md.contains("| 1 partition (W2) | 20 M rows/s | **no** |"), md);
        assertTrue(md.contains("| start → first row | ≤ 200 ms | — | not run yet | — |"), md);
    }

    @Test
    void percentileAxisLabels() {
        assertEquals("90%", PercentilePlot.label(10));
        assertEquals("99%", PercentilePlot.label(100));
        assertEquals("99.9%", PercentilePlot.label(1000));
        assertEquals("99.99%", PercentilePlot.label(10_000));
        assertEquals("", PercentilePlot.label(20));
    }

    @Test
    void spreadIsMedianAndRange() {
        Spread s = Spread.of(List.of(3.0, 1.0, 2.0, 10.0), Double::doubleValue);
        assertEquals(2.5, s.median());
        assertEquals(1.0, s.min());
        assertEquals(10.0, s.max());
    }
}

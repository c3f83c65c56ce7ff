package io.tideway.perf;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A run's warm-up and measured window over a {@link Recorder} (latency) or a row counter
 * (throughput): the warm-up's values are discarded, then every second the recorder's interval
 * histogram goes to the run's {@code .hlog} (HistogramLogWriter) and into the run's total. GC and
 * CPU are read from the JVM at the window's edges. Used by the scenario thread only.
 */
final class LatencyWindow {
    private final int warmupSeconds;
    private final int durationSeconds;
    /** Returns the failure of the thing measured, or null while it is healthy. */
    private final Supplier<Throwable> failure;

    LatencyWindow(int warmupSeconds, int durationSeconds, Supplier<Throwable> failure) {
        this.warmupSeconds = warmupSeconds;
        this.durationSeconds = durationSeconds;
        this.failure = failure;
    }

    /** The same window, failing early when {@code failure} reports one. */
    LatencyWindow checking(Supplier<Throwable> failure) {
        return new LatencyWindow(warmupSeconds, durationSeconds, failure);
    }

    int warmupSeconds() {
        return warmupSeconds;
    }

    int durationSeconds() {
        return durationSeconds;
    }

    RunResult measureLatency(Recorder recorder, Path hlog, String comment) throws IOException, InterruptedException {
        return measureLatency(recorder, hlog, comment, () -> { });
    }

    /** As {@link #measureLatency(Recorder, Path, String)}, running {@code atWindowStart} as the warm-up is dropped. */
    RunResult measureLatency(Recorder recorder, Path hlog, String comment, Runnable atWindowStart)
            throws IOException, InterruptedException {
        // Everything the harness needs is loaded and initialised during the warm-up: done at the
        // window's start instead (the log writer, the management beans), it took the harness
        // thread tens of ms of CPU there and put a 20-35 ms stall into the first measured second
        // of a fresh JVM.
        Files.createDirectories(hlog.getParent());
        Hardware.gcMillis();
        Hardware.cpuMillis();
        sleepChecking(warmupSeconds * 1000L);
        recorder.getIntervalHistogram(); // drop the warm-up
        atWindowStart.run();
        long startMs = System.currentTimeMillis();
        long gc0 = Hardware.gcMillis();
        long cpu0 = Hardware.cpuMillis();
        long t0 = System.nanoTime();
        // Only the interval swap happens inside the window: encoding and compressing a
        // 3-digit interval for the log and adding it to the total cost this thread about
        // 10 ms of CPU a second, taken from the measured threads on a 2-core box.
        List<Histogram> intervals = new ArrayList<>(durationSeconds);
        for (int s = 1; s <= durationSeconds; s++) {
            sleepChecking((t0 + s * 1_000_000_000L - System.nanoTime()) / 1_000_000);
            intervals.add(recorder.getIntervalHistogram());
        }
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        long gcMs = Hardware.gcMillis() - gc0;
        long cpuMs = Hardware.cpuMillis() - cpu0;
        Histogram total = new Histogram(SinkRegistry.HIGHEST_NANOS, 3);
        try (PrintStream out = new PrintStream(Files.newOutputStream(hlog))) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputComment(comment);
            log.outputLogFormatVersion();
            log.outputStartTime(startMs);
            log.setBaseTime(startMs);
            log.outputLegend();
            for (Histogram interval : intervals) {
                log.outputIntervalHistogram(interval);
                total.add(interval);
            }
        }
        return new RunResult(total, total.getTotalCount() * 1000.0 / wallMs, gcMs, cpuMs, wallMs);
    }

    RunResult measureThroughput(java.util.function.LongSupplier rows) throws InterruptedException {
        sleepChecking(warmupSeconds * 1000L);
        long gc0 = Hardware.gcMillis();
        long cpu0 = Hardware.cpuMillis();
        long rows0 = rows.getAsLong();
        long t0 = System.nanoTime();
        sleepChecking(durationSeconds * 1000L);
        long rows1 = rows.getAsLong();
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        return new RunResult(null, (rows1 - rows0) * 1000.0 / wallMs, Hardware.gcMillis() - gc0,
                Hardware.cpuMillis() - cpu0, wallMs);
    }

    /**
     * Throughput from a finite input: the warm-up ends after its seconds or once {@code rows}
     * reaches {@code warmupRows}, whichever is first; the measured window ends after its seconds
     * or once {@code rows} reaches {@code total}. Fails if the input was drained in the warm-up.
     */
    RunResult measureDrain(java.util.function.LongSupplier rows, long warmupRows, long total) throws InterruptedException {
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd && rows.getAsLong() < warmupRows) {
            sleepChecking(1);
        }
        long rows0 = rows.getAsLong();
        if (rows0 >= total) {
            throw new IllegalStateException("all " + total + " rows were read during the warm-up: use more rows");
        }
        long gc0 = Hardware.gcMillis();
        long cpu0 = Hardware.cpuMillis();
        long t0 = System.nanoTime();
        long end = t0 + durationSeconds * 1_000_000_000L;
        long rows1;
        while ((rows1 = rows.getAsLong()) < total && System.nanoTime() < end) {
            sleepChecking(1);
        }
        long wallMs = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
        return new RunResult(null, (rows1 - rows0) * 1000.0 / wallMs, Hardware.gcMillis() - gc0,
                Hardware.cpuMillis() - cpu0, wallMs);
    }

    /**
     * Sleeps, checking for a failure of the measured thing once a second: the harness's own
     * wake-ups preempt the measured threads on a 2-core box, so they are kept rare.
     */
    private void sleepChecking(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            Throwable t = failure.get();
            if (t != null) {
                throw new IllegalStateException("the measured query failed: " + t, t);
            }
            Thread.sleep(Math.min(1000, Math.max(1, left / 1_000_000)));
        }
    }
}

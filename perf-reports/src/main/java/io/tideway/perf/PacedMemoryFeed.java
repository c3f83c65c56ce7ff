package io.tideway.perf;

import io.tideway.sql.execution.streaming.MemoryStream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A paced feed for micro-batch latency without the {@code rate} source's whole-second offsets: a
 * thread appends each row's intended {@code System.nanoTime()} to a {@link MemoryStream} as soon
 * as it is due (all rows due at a wake-up in one {@code addData}), parking ~20 µs between checks.
 * The row's value is its intended time, so the sink measures latency from it. Started and closed
 * by the scenario thread; the feed thread owns the schedule.
 */
final class PacedMemoryFeed implements AutoCloseable {
    private final MemoryStream<Long> stream;
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;

    PacedMemoryFeed(MemoryStream<Long> stream, long rowsPerSecond) {
        this.stream = stream;
        this.periodNanos = 1_000_000_000L / rowsPerSecond;
        this.thread = new Thread(this::feed, "paced-memory-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void feed() {
        long due = System.nanoTime() + periodNanos;
        List<Long> batch = new ArrayList<>();
        while (running) {
            long now = System.nanoTime();
            while (due - now <= 0) {
                batch.add(due);
                due += periodNanos;
            }
            if (batch.isEmpty()) {
                LockSupport.parkNanos(20_000);
            } else {
                stream.addData(batch);
                batch = new ArrayList<>();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}

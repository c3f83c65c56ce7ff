package io.tideway.perf;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A fixed-rate generator on its own thread: at each row's intended {@code System.nanoTime()} it
 * hands {@code (seq, intendedNanos)} to an {@link Emitter} (which appends to a queue, sends to
 * Kafka...), catching up at once when it falls behind, so the intended time, not the send time,
 * is what a latency is measured from. The emitter is created on the feed thread (appenders and
 * producers of some systems are single-threaded). Started and closed by the scenario thread.
 */
final class PacedFeed implements AutoCloseable {
    /** Receives each row when it is due. Feed thread only. */
    interface Emitter extends AutoCloseable {
        void emit(long seq, long intendedNanos);

        @Override
        void close();
    }

    private final Thread thread;
    private final long periodNanos;
    private final Supplier<Emitter> emitters;
    private volatile boolean running = true;
    private volatile Throwable failure;

    PacedFeed(String name, long rowsPerSecond, Supplier<Emitter> emitters) {
        this.periodNanos = 1_000_000_000L / rowsPerSecond;
        this.emitters = emitters;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try (Emitter emitter = emitters.get()) {
            long start = System.nanoTime() + periodNanos;
            for (long seq = 0; running; seq++) {
                long due = start + seq * periodNanos;
                long early;
                while ((early = due - System.nanoTime()) > 0 && running) {
                    // park most of the gap, then close in with short parks: no spinning on a shared box
                    LockSupport.parkNanos(early > 50_000 ? early / 2 : 1_000);
                }
                emitter.emit(seq, due);
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** The feed's failure, or null while it is healthy. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}

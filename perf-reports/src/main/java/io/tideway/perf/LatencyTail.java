package io.tideway.perf;

import org.HdrHistogram.Recorder;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The measuring end of a connector pipeline, on its own thread: polls the pipeline's output
 * (a queue tailer, a Kafka consumer...) through a {@link Poller}, which records
 * {@code System.nanoTime()} at read minus each row's intended time into the run's recorder.
 * Parks ~20 µs when a poll found nothing. The poller is created on the tail thread. Started and
 * closed by the scenario thread.
 */
final class LatencyTail implements AutoCloseable {
    /** Reads what is there now and records each row's latency; returns the rows read. Tail thread only. */
    interface Poller extends AutoCloseable {
        int poll(Recorder recorder);

        @Override
        void close();
    }

    private final Thread thread;
    private final Recorder recorder;
    private final Supplier<Poller> pollers;
    private volatile boolean running = true;
    private volatile Throwable failure;

    LatencyTail(String name, Recorder recorder, Supplier<Poller> pollers) {
        this.recorder = recorder;
        this.pollers = pollers;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try (Poller poller = pollers.get()) {
            while (running) {
                if (poller.poll(recorder) == 0) {
                    LockSupport.parkNanos(20_000);
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** The tail's failure, or null while it is healthy. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}

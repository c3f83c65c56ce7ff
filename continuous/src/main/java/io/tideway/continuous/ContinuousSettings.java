package io.tideway.continuous;

import io.tideway.engine.conf.TidewayConf;
import io.tideway.sql.RuntimeConfig;

import java.util.concurrent.TimeUnit;

/**
 * The continuous executor's settings, read once at {@code start()} through their declarations in
 * {@link TidewayConf} (which validate them, naming the setting). Immutable.
 *
 * <p>Their keys, defaults, allowed values and meaning are declared once, in {@link TidewayConf}
 * ({@code tideway.continuous.*}); {@link ContinuousWait} describes what each wait strategy does.
 */
record ContinuousSettings(ContinuousWait waitStrategy, int ringSize, int slotBytes, int rowsPerSlot, int maxTaskRestarts,
                          int spinWindowMicros, int threadsPerPartition) {
    /** {@link #spinWindowMicros} for {@code auto}. */
    static final int AUTO = -1;

    static final String WAIT_STRATEGY = TidewayConf.WAIT_STRATEGY.key();
    static final String SPIN_WINDOW_MICROS = TidewayConf.SPIN_WINDOW_MICROS.key();
    static final String RING_SIZE = TidewayConf.RING_SIZE.key();
    static final String SLOT_BYTES = TidewayConf.SLOT_BYTES.key();
    static final String ROWS_PER_SLOT = TidewayConf.ROWS_PER_SLOT.key();
    static final String MAX_TASK_RESTARTS = TidewayConf.MAX_TASK_RESTARTS.key();
    static final String THREADS_PER_PARTITION = TidewayConf.THREADS_PER_PARTITION.key();
    static final String THREAD_FACTORY = TidewayConf.THREAD_FACTORY.key();

    /** The settings in {@code conf}, through their declarations in {@link TidewayConf} (validated there). */
    static ContinuousSettings from(RuntimeConfig conf) {
        ContinuousWait wait = ContinuousWait.named(TidewayConf.WAIT_STRATEGY.get(conf));
        return new ContinuousSettings(wait, TidewayConf.RING_SIZE.get(conf), Math.toIntExact(TidewayConf.SLOT_BYTES.get(conf)),
                TidewayConf.ROWS_PER_SLOT.get(conf), TidewayConf.MAX_TASK_RESTARTS.get(conf),
                TidewayConf.SPIN_WINDOW_MICROS.get(conf), threads(TidewayConf.THREADS_PER_PARTITION.get(conf)));
    }

    private static int threads(String setting) {
        return setting.equals("auto") ? AUTO : Integer.parseInt(setting);
    }

    /**
     * Whether each of {@code partitions} partitions runs its operators on its reader's thread. With
     * {@code auto}, a reader and a task thread per partition are worth their hand-off only while
     * they leave a core for everything else (the coordinator, GC, the user's own threads): two
     * waiting threads on a core each other needs cost more latency than the overlap wins, and all
     * of its CPU (the peers' W1 on 2 cores: 1.99 cores for one partition).
     */
    boolean taskOnReaderThread(int partitions, int cores) {
        return threadsPerPartition == AUTO ? 2L * partitions >= cores : threadsPerPartition == 1;
    }

    /** One thread's spin window before a paced row, for {@link ContinuousWait}: fixed, or learnt ({@code auto}). */
    long spinWindowNanos() {
        return spinWindowMicros == AUTO ? ContinuousWait.AUTO_SPIN_WINDOW : TimeUnit.MICROSECONDS.toNanos(spinWindowMicros);
    }
}

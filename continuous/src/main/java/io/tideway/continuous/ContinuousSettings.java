package io.tideway.continuous;

import io.tideway.engine.conf.TidewayConf;
import io.tideway.sql.RuntimeConfig;

import java.util.concurrent.TimeUnit;

/**
 * The continuous executor's settings, read once at {@code start()} through their declarations in
 * {@link TidewayConf} (which validate them, naming the setting). Immutable.
 *
 * <table>
 *   <tr><td>{@code tideway.continuous.waitStrategy}</td><td>{@code backoff}</td><td>how the task waits for rows and the
 *   reader for its source: {@code busy-spin} (both spin), {@code yielding} (both yield), {@code backoff} (task: spin
 *   10 µs → yield to 100 µs → park until the reader wakes it; reader: spin → yield → park ≤ 100 µs), {@code blocking}
 *   (task blocks until signalled; reader sleeps 1 ms). With a paced source that knows its next row's due time, every
 *   reader strategy except {@code blocking} spins through the last {@code spinWindowMicros} before it instead of
 *   parking past it, and {@code blocking} parks to the due time; a {@code backoff} task is told the due time and stays
 *   awake through the same window ({@code backoff} reader and task yield until 20 µs before the due time, then spin)</td></tr>
 *   <tr><td>{@code tideway.continuous.spinWindowMicros}</td><td>{@code auto}</td><td>how close to a paced source's next
 *   due time the reader (and a {@code backoff} task) stops parking and spins: a number of µs, or {@code auto}, the
 *   measured lateness of the thread's own timed parks plus a quarter (a park on Linux wakes ~50–100 µs late)</td></tr>
 *   <tr><td>{@code tideway.continuous.ringSize}</td><td>1024</td><td>slots per partition ring, a power of two</td></tr>
 *   <tr><td>{@code tideway.continuous.slotBytes}</td><td>16384</td><td>bytes of rows one slot carries</td></tr>
 *   <tr><td>{@code tideway.continuous.rowsPerSlot}</td><td>256</td><td>most rows batched into one slot</td></tr>
 *   <tr><td>{@code tideway.continuous.maxTaskRestarts}</td><td>0</td><td>restarts of all tasks from the last committed epoch before the query fails</td></tr>
 * </table>
 */
record ContinuousSettings(ContinuousWait waitStrategy, int ringSize, int slotBytes, int rowsPerSlot, int maxTaskRestarts,
                          int spinWindowMicros) {
    /** {@link #spinWindowMicros} for {@code auto}. */
    static final int AUTO = -1;

    static final String WAIT_STRATEGY = TidewayConf.WAIT_STRATEGY.key();
    static final String SPIN_WINDOW_MICROS = TidewayConf.SPIN_WINDOW_MICROS.key();
    static final String RING_SIZE = TidewayConf.RING_SIZE.key();
    static final String SLOT_BYTES = TidewayConf.SLOT_BYTES.key();
    static final String ROWS_PER_SLOT = TidewayConf.ROWS_PER_SLOT.key();
    static final String MAX_TASK_RESTARTS = TidewayConf.MAX_TASK_RESTARTS.key();

    /** The settings in {@code conf}, through their declarations in {@link TidewayConf} (validated there). */
    static ContinuousSettings from(RuntimeConfig conf) {
        ContinuousWait wait = ContinuousWait.named(TidewayConf.WAIT_STRATEGY.get(conf));
        return new ContinuousSettings(wait, TidewayConf.RING_SIZE.get(conf), Math.toIntExact(TidewayConf.SLOT_BYTES.get(conf)),
                TidewayConf.ROWS_PER_SLOT.get(conf), TidewayConf.MAX_TASK_RESTARTS.get(conf),
                TidewayConf.SPIN_WINDOW_MICROS.get(conf));
    }

    /** One thread's spin window before a paced row, for {@link ContinuousWait}: fixed, or learnt ({@code auto}). */
    long spinWindowNanos() {
        return spinWindowMicros == AUTO ? ContinuousWait.AUTO_SPIN_WINDOW : TimeUnit.MICROSECONDS.toNanos(spinWindowMicros);
    }
}

package io.tideway.continuous;

import io.tideway.sql.RuntimeConfig;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The continuous executor's settings, read and validated once at {@code start()}; a bad value
 * names the setting. Immutable.
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

    static final String WAIT_STRATEGY = "tideway.continuous.waitStrategy";
    static final String SPIN_WINDOW_MICROS = "tideway.continuous.spinWindowMicros";
    static final String RING_SIZE = "tideway.continuous.ringSize";
    static final String SLOT_BYTES = "tideway.continuous.slotBytes";
    static final String ROWS_PER_SLOT = "tideway.continuous.rowsPerSlot";
    static final String MAX_TASK_RESTARTS = "tideway.continuous.maxTaskRestarts";

    static ContinuousSettings from(RuntimeConfig conf) {
        String waitText = conf.get(WAIT_STRATEGY, "backoff");
        ContinuousWait wait = ContinuousWait.named(waitText);
        if (wait == null) {
            throw new IllegalArgumentException("Invalid value '" + waitText.trim().toLowerCase(Locale.ROOT) + "' for "
                    + WAIT_STRATEGY + ": must be one of " + ContinuousWait.names());
        }
        int ring = intSetting(conf, RING_SIZE, 1024, 2);
        if (Integer.bitCount(ring) != 1) {
            throw new IllegalArgumentException("Invalid value '" + ring + "' for " + RING_SIZE + ": must be a power of two");
        }
        int slot = intSetting(conf, SLOT_BYTES, 16384, 64);
        int rows = intSetting(conf, ROWS_PER_SLOT, 256, 1);
        int restarts = intSetting(conf, MAX_TASK_RESTARTS, 0, 0);
        String windowText = conf.get(SPIN_WINDOW_MICROS, "auto").trim();
        int spinWindow = windowText.equalsIgnoreCase("auto") ? AUTO : intSetting(conf, SPIN_WINDOW_MICROS, 0, 0);
        return new ContinuousSettings(wait, ring, slot, rows, restarts, spinWindow);
    }

    private static int intSetting(RuntimeConfig conf, String key, int dflt, int min) {
        String v = conf.get(key, Integer.toString(dflt)).trim();
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value '" + v + "' for " + key + ": must be an integer");
        }
        if (n < min) {
            throw new IllegalArgumentException("Invalid value '" + v + "' for " + key + ": must be at least " + min);
        }
        return n;
    }

    /** One thread's spin window before a paced row, for {@link ContinuousWait}: fixed, or learnt ({@code auto}). */
    long spinWindowNanos() {
        return spinWindowMicros == AUTO ? ContinuousWait.AUTO_SPIN_WINDOW : TimeUnit.MICROSECONDS.toNanos(spinWindowMicros);
    }
}

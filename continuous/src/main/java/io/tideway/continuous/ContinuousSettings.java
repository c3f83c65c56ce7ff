package io.tideway.continuous;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.tideway.sql.RuntimeConfig;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.Locale;

/**
 * The continuous executor's settings, read and validated once at {@code start()}; a bad value
 * names the setting. Immutable.
 *
 * <table>
 *   <tr><td>{@code tideway.continuous.waitStrategy}</td><td>{@code backoff}</td><td>{@code busy-spin}, {@code yielding}, {@code backoff} (spin → yield → park), {@code blocking}</td></tr>
 *   <tr><td>{@code tideway.continuous.ringSize}</td><td>1024</td><td>slots per partition ring, a power of two</td></tr>
 *   <tr><td>{@code tideway.continuous.slotBytes}</td><td>16384</td><td>bytes of rows one slot carries</td></tr>
 *   <tr><td>{@code tideway.continuous.rowsPerSlot}</td><td>256</td><td>most rows batched into one slot</td></tr>
 *   <tr><td>{@code tideway.continuous.maxTaskRestarts}</td><td>0</td><td>restarts of all tasks from the last committed epoch before the query fails</td></tr>
 * </table>
 */
record ContinuousSettings(String waitStrategy, int ringSize, int slotBytes, int rowsPerSlot, int maxTaskRestarts) {
    static final String WAIT_STRATEGY = "tideway.continuous.waitStrategy";
    static final String RING_SIZE = "tideway.continuous.ringSize";
    static final String SLOT_BYTES = "tideway.continuous.slotBytes";
    static final String ROWS_PER_SLOT = "tideway.continuous.rowsPerSlot";
    static final String MAX_TASK_RESTARTS = "tideway.continuous.maxTaskRestarts";

    static ContinuousSettings from(RuntimeConfig conf) {
        String wait = conf.get(WAIT_STRATEGY, "backoff").trim().toLowerCase(Locale.ROOT);
        if (!wait.equals("busy-spin") && !wait.equals("yielding") && !wait.equals("backoff") && !wait.equals("blocking")) {
            throw new IllegalArgumentException("Invalid value '" + wait + "' for " + WAIT_STRATEGY
                    + ": must be one of busy-spin, yielding, backoff, blocking");
        }
        int ring = intSetting(conf, RING_SIZE, 1024, 2);
        if (Integer.bitCount(ring) != 1) {
            throw new IllegalArgumentException("Invalid value '" + ring + "' for " + RING_SIZE + ": must be a power of two");
        }
        int slot = intSetting(conf, SLOT_BYTES, 16384, 64);
        int rows = intSetting(conf, ROWS_PER_SLOT, 256, 1);
        int restarts = intSetting(conf, MAX_TASK_RESTARTS, 0, 0);
        return new ContinuousSettings(wait, ring, slot, rows, restarts);
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

    /** How a task waits for its ring to fill. */
    WaitStrategy newWaitStrategy() {
        return switch (waitStrategy) {
            case "busy-spin" -> new BusySpinWaitStrategy();
            case "yielding" -> new YieldingWaitStrategy();
            case "blocking" -> new BlockingWaitStrategy();
            default -> new SleepingWaitStrategy(200, 100);
        };
    }

    /** How a reader waits when its source has nothing due. */
    IdleStrategy newIdleStrategy() {
        return switch (waitStrategy) {
            case "busy-spin" -> new BusySpinIdleStrategy();
            case "yielding" -> new YieldingIdleStrategy();
            case "blocking" -> new SleepingMillisIdleStrategy(1);
            default -> new BackoffIdleStrategy(100, 100, 1_000, 100_000);
        };
    }
}

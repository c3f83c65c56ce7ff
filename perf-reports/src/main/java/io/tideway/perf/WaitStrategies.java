package io.tideway.perf;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * The hand-rolled baseline's waits, chosen by the same names as
 * {@code tideway.continuous.waitStrategy} and built exactly as the continuous executor builds
 * them ({@code io.tideway.continuous.ContinuousSettings}, package-private there): the consumer
 * waits on the ring with a Disruptor {@link WaitStrategy}, the producer idles between due rows
 * with an Agrona {@link IdleStrategy}. Keeping the two identical makes the baseline's gap to
 * Tideway the engine's own cost.
 */
final class WaitStrategies {
    static final String[] NAMES = {"busy-spin", "yielding", "backoff", "blocking"};

    private WaitStrategies() {
    }

    static WaitStrategy consumer(String name) {
        return switch (check(name)) {
            case "busy-spin" -> new BusySpinWaitStrategy();
            case "yielding" -> new YieldingWaitStrategy();
            case "blocking" -> new BlockingWaitStrategy();
            default -> new SleepingWaitStrategy(200, 100);
        };
    }

    static IdleStrategy producer(String name) {
        return switch (check(name)) {
            case "busy-spin" -> new BusySpinIdleStrategy();
            case "yielding" -> new YieldingIdleStrategy();
            case "blocking" -> new SleepingMillisIdleStrategy(1);
            default -> new BackoffIdleStrategy(100, 100, 1_000, 100_000);
        };
    }

    static String check(String name) {
        for (String n : NAMES) {
            if (n.equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("option --wait must be one of busy-spin, yielding, backoff, blocking, got '"
                + name + "'");
    }
}

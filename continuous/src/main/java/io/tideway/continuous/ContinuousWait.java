package io.tideway.continuous;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The named waits of {@code tideway.continuous.waitStrategy}, and the one place a name becomes the
 * classes that wait: each name gives a producer (reader) its {@link PacedIdleStrategy} and a
 * consumer (task) its Disruptor {@link WaitStrategy}. The perf baseline builds its ring's waits
 * here too, so the engine and the bare ring it is compared with wait alike.
 *
 * <ul>
 *   <li>{@code busy-spin}: both spin.</li>
 *   <li>{@code yielding}: both yield.</li>
 *   <li>{@code backoff}: task spins 10 µs, yields to 100 µs, then parks until the reader wakes
 *       it ({@link TaskBackoffWaitStrategy}); reader spins, yields, then parks from 1 µs doubling
 *       to 1 ms (Agrona's {@link BackoffIdleStrategy}), or to a paced row's spin window; both stay
 *       awake through that window.</li>
 *   <li>{@code blocking}: task blocks until signalled; reader sleeps 1 ms, or parks to a paced
 *       row's due time.</li>
 * </ul>
 *
 * <p>Threading: immutable. Each strategy built is owned by the one thread that waits with it.
 */
public enum ContinuousWait {
    BUSY_SPIN("busy-spin"),
    YIELDING("yielding"),
    BACKOFF("backoff"),
    BLOCKING("blocking");

    /** {@code spinWindowNanos} for a window learnt from the thread's own parks. */
    public static final long AUTO_SPIN_WINDOW = -1;

    private final String settingName;

    ContinuousWait(String settingName) {
        this.settingName = settingName;
    }

    /** The name as the setting spells it. */
    public String settingName() {
        return settingName;
    }

    /** The wait the setting names (case and surrounding blanks ignored), or null. */
    public static ContinuousWait named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ContinuousWait w : values()) {
            if (w.settingName.equals(n)) {
                return w;
            }
        }
        return null;
    }

    /** Every name, for error messages: {@code busy-spin, yielding, backoff, blocking}. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (ContinuousWait w : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(w.settingName);
        }
        return b.toString();
    }

    /**
     * How a consumer waits for its ring to fill.
     *
     * @param spinWindowNanos how close to a paced row's due time a {@code backoff} task stops parking,
     *                        or {@link #AUTO_SPIN_WINDOW}
     */
    public WaitStrategy newTaskWait(long spinWindowNanos) {
        return switch (this) {
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BLOCKING -> new BlockingWaitStrategy();
            // a timed park of 100 ns sleeps ~50-60 µs on Linux: park until the reader wakes the task instead
            case BACKOFF -> new TaskBackoffWaitStrategy(TimeUnit.MICROSECONDS.toNanos(10),
                    TimeUnit.MICROSECONDS.toNanos(100), new ParkTimer(spinWindowNanos));
        };
    }

    /**
     * How a producer idles when its source has nothing due; it tells a {@code backoff} consumer
     * ({@code taskWait}, from {@link #newTaskWait}) each due time.
     */
    public PacedIdleStrategy newReaderIdle(WaitStrategy taskWait, long spinWindowNanos) {
        return switch (this) {
            case BUSY_SPIN -> new PacedIdleStrategy(settingName, new BusySpinIdleStrategy(), new ParkTimer(spinWindowNanos),
                    false, false, 0, null);
            case YIELDING -> new PacedIdleStrategy(settingName, new YieldingIdleStrategy(), new ParkTimer(spinWindowNanos),
                    false, false, 0, null);
            case BLOCKING -> new PacedIdleStrategy(settingName, new SleepingMillisIdleStrategy(1), new ParkTimer(0),
                    true, false, 1_000_000, null);
            // parks double from 1 µs to 1 ms while nothing arrives: an idle partition wakes 1k times a
            // second, not 10k (0.15 of a core here at a 100 µs cap), and a busy one never parks long
            case BACKOFF -> new PacedIdleStrategy(settingName, new BackoffIdleStrategy(100, 100, 1_000, 1_000_000),
                    new ParkTimer(spinWindowNanos), true, true, 1_000_000,
                    taskWait instanceof TaskBackoffWaitStrategy t ? t::nextRowDue : null);
        };
    }
}

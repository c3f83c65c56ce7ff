package io.tideway.connectors.chronicle;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.nio.file.Path;

/**
 * A queue a source or sink uses: one it opened from {@code path} (and closes on
 * {@link #close()}), or one the application registered with {@link ChronicleQueues} (never
 * closed here).
 *
 * <p>Threading: created and closed on the query thread; {@link #queue()} is safe from any thread
 * (Chronicle queues are thread-safe; their tailers and appenders are not).
 */
final class QueueLease implements AutoCloseable {
    private final ChronicleQueue queue;
    private final boolean owned;

    private QueueLease(ChronicleQueue queue, boolean owned) {
        this.queue = queue;
        this.owned = owned;
    }

    static QueueLease open(QueueRef ref, RollCycle rollCycleForNewQueue) {
        if (ref.name() != null) {
            return new QueueLease(ChronicleQueues.lookup(ref.name()), false);
        }
        Path dir = ref.path();
        // an existing queue keeps the roll cycle recorded in its metadata; this one is for a new directory
        ChronicleQueue q = SingleChronicleQueueBuilder.single(dir.toFile()).rollCycle(rollCycleForNewQueue).build();
        return new QueueLease(q, true);
    }

    ChronicleQueue queue() {
        return queue;
    }

    /** The queue's directory, for messages. */
    String describe() {
        return queue.fileAbsolutePath();
    }

    @Override
    public void close() {
        if (owned) {
            queue.close();
        }
    }
}

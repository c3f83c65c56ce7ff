package io.tideway.connectors.chronicle;

import net.openhft.chronicle.queue.ChronicleQueue;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Queues an embedding application has already opened, by name, for
 * {@code format("chronicle").option("queue", name)}. The application keeps ownership: Tideway
 * creates its own tailers and appenders on a registered queue but never closes it, so the
 * application must close it only after the queries using it have stopped.
 *
 * <p>Threading: any thread; backed by a concurrent map.
 */
public final class ChronicleQueues {
    static {
        ChronicleDefaults.ensureApplied(); // before any Chronicle class loads
    }

    private static final ConcurrentMap<String, ChronicleQueue> QUEUES = new ConcurrentHashMap<>();

    private ChronicleQueues() {
    }

    /** Registers {@code queue} under {@code name}, replacing an earlier registration of that name. */
    public static void register(String name, ChronicleQueue queue) {
        QUEUES.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(queue, "queue"));
    }

    /** Forgets {@code name}; returns the queue it named, or null. Does not close it. */
    public static ChronicleQueue unregister(String name) {
        return QUEUES.remove(name);
    }

    /** The queue registered as {@code name}, or an error naming the option and the known names. */
    static ChronicleQueue lookup(String name) {
        ChronicleQueue q = QUEUES.get(name);
        if (q == null) {
            throw new IllegalArgumentException("Invalid value '" + name + "' for option 'queue': no Chronicle queue is"
                    + " registered under that name (registered: " + QUEUES.keySet() + "). Register it with"
                    + " ChronicleQueues.register(name, queue) before starting the query.");
        }
        if (q.isClosed()) {
            throw new IllegalArgumentException("Invalid value '" + name + "' for option 'queue': the registered Chronicle"
                    + " queue " + q.fileAbsolutePath() + " is closed");
        }
        return q;
    }
}

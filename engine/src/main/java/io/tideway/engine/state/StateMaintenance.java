package io.tideway.engine.state;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that snapshots and cleans a query's state stores every
 * {@code spark.sql.streaming.stateStore.maintenanceInterval} (Spark's maintenance task), so that
 * no batch waits for a whole store to be written. A failure is logged and retried at the next
 * interval: the deltas it would have compacted stay on disk, so no state is lost.
 */
public final class StateMaintenance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateMaintenance.class);
    private final ScheduledExecutorService thread;
    private final List<StateStoreProvider> providers;

    public StateMaintenance(String queryName, List<StateStoreProvider> providers, long intervalMs) {
        this.providers = List.copyOf(providers);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "state store maintenance for " + queryName);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::maintainAll, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void maintainAll() {
        for (StateStoreProvider p : providers) {
            try {
                p.maintain();
            } catch (RuntimeException e) {
                LOG.warn("State store maintenance failed; retrying at the next interval", e);
            }
        }
    }

    /** Stops the thread, waiting for a maintenance pass in progress to end. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("State store maintenance did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.tideway.microbatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a query's batches run their tasks on, sized to the cores. The query thread
 * submits a stage and waits for all of it; the first task failure is rethrown with its cause.
 */
final class WorkerPool implements AutoCloseable {
    private final ExecutorService executor;

    WorkerPool(String queryName, int threads) {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tideway-worker-" + queryName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs all tasks and returns their results in order; cancels the rest if one fails. */
    <R> List<R> runAll(List<Callable<R>> tasks) throws Exception {
        if (tasks.size() == 1) {
            return List.of(tasks.get(0).call());
        }
        List<Future<R>> futures = new ArrayList<>();
        for (Callable<R> t : tasks) {
            futures.add(executor.submit(t));
        }
        List<R> results = new ArrayList<>();
        try {
            for (Future<R> f : futures) {
                results.add(f.get());
            }
        } catch (ExecutionException e) {
            for (Future<R> f : futures) {
                f.cancel(true);
            }
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
        return results;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

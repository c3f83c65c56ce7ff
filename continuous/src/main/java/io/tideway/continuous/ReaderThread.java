package io.tideway.continuous;

import io.tideway.agent.AgentThreads;
import io.tideway.agent.RunningAgent;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.CompositeAgent;

import java.util.ArrayList;
import java.util.List;

/**
 * One thread running the readers of one or more partitions — and the tasks of those whose task
 * runs on the reader's thread. With several, each duty cycle polls every reader once (Agrona's
 * {@link CompositeAgent}) and the thread waits, with the one {@link PacedIdleStrategy} its
 * readers share, for the earliest row any of them has due. This is how partitions that outnumber
 * the cores share them instead of each keeping a waiting thread: two readers spinning to their
 * rows' due times on a 2-core machine leave nothing for the coordinator, the JIT or GC, which then
 * preempt a reader for milliseconds.
 *
 * <p>Threading: created, started and stopped by the query thread; what it runs is its thread's.
 */
final class ReaderThread {
    private final List<PartitionPipeline> pipelines;
    /** Query thread: set by {@link #start}, null before. */
    private RunningAgent running;

    ReaderThread(List<PartitionPipeline> pipelines) {
        if (pipelines.isEmpty()) {
            throw new IllegalArgumentException("a reader thread needs a partition");
        }
        this.pipelines = List.copyOf(pipelines);
    }

    /**
     * How many reader threads {@code partitions} partitions get: one each when each task has its
     * own thread (the caller decided that leaves a core free), else one per core but one, at
     * least one, so the data path never waits on every core.
     */
    static int count(int partitions, int cores, boolean taskOnReaderThread) {
        return taskOnReaderThread ? Math.min(partitions, Math.max(1, cores - 1)) : partitions;
    }

    /** The thread partition {@code partition} runs on, of {@code threads}: round-robin. */
    static int threadOf(int partition, int threads) {
        return partition % threads;
    }

    /** {@code pipelines}, in partition order, spread over {@code threads} threads by {@link #threadOf}. */
    static List<ReaderThread> spread(List<PartitionPipeline> pipelines, int threads) {
        List<List<PartitionPipeline>> groups = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < pipelines.size(); i++) {
            groups.get(threadOf(i, threads)).add(pipelines.get(i));
        }
        List<ReaderThread> out = new ArrayList<>();
        for (List<PartitionPipeline> g : groups) {
            out.add(new ReaderThread(g));
        }
        return out;
    }

    List<PartitionPipeline> pipelines() {
        return pipelines;
    }

    /** Starts the thread (named by {@link #name()}); a failure outside a duty cycle goes to {@code failures}. Query thread, once. */
    void start(AgentThreads threads, PartitionPipeline.FailureHandler failures) {
        PartitionPipeline first = pipelines.get(0);
        Agent agent;
        if (pipelines.size() == 1) {
            agent = first.reader();
        } else {
            List<Agent> readers = new ArrayList<>();
            for (PartitionPipeline p : pipelines) {
                readers.add(p.reader());
            }
            String name = name();
            agent = new CompositeAgent(readers) {
                @Override
                public String roleName() {
                    return name;
                }
            };
        }
        // what the runner catches outside a duty cycle: a reader's onClose closing its source
        running = threads.start(agent, first.readerIdle(), t -> failures.failed(first.partition(), first.reader().epoch(), t));
    }

    /** The thread's name: its reader's, or for several {@code tideway-reader-<query>-<p>,<p>...}. */
    String name() {
        String first = pipelines.get(0).reader().roleName();
        if (pipelines.size() == 1) {
            return first;
        }
        StringBuilder b = new StringBuilder(first.substring(0, first.lastIndexOf('-') + 1));
        for (int i = 0; i < pipelines.size(); i++) {
            b.append(i == 0 ? "" : ",").append(pipelines.get(i).partition());
        }
        return b.toString();
    }

    boolean started() {
        return running != null;
    }

    /** Ends the duty cycle and waits up to {@code timeoutMs}; true if the thread has ended (or never started). Query thread. */
    boolean stop(long timeoutMs) {
        return running == null || running.stop(timeoutMs);
    }
}

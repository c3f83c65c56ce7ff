package io.tideway.agent;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.IdleStrategy;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * The one way Tideway starts a long-running loop: an Agrona {@link Agent} under an
 * {@link AgentRunner} with its {@link IdleStrategy}, or a loop something else already drives (a
 * Disruptor ring's event processor), each on a thread from one {@link ThreadFactory}. The factory
 * decides what a user may want to decide (daemon flag, priority, core affinity, thread group); the
 * thread's name is always the agent's role name, so thread dumps read the same whatever factory is
 * used. {@link #DAEMON}, the default, makes daemon threads as the engine always has.
 *
 * <p>Threading: immutable; any thread may start agents. What a started agent owns is its
 * thread's alone from then on (its idle strategy included); see {@link RunningAgent} for stopping.
 */
public final class AgentThreads {
    /** Daemon threads: a running query never keeps the JVM alive by itself. */
    public static final AgentThreads DAEMON = new AgentThreads(AgentThreads::daemonThread);

    private final ThreadFactory factory;

    public AgentThreads(ThreadFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    private static Thread daemonThread(Runnable loop) {
        Thread t = new Thread(loop);
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts {@code agent} on a new thread named {@link Agent#roleName()}.
     *
     * @param idle   what the thread does after a duty cycle that did no work; owned by that thread
     * @param errors receives what the agent's {@code onStart}, {@code doWork} or {@code onClose}
     *               throws, on the agent's thread; an {@link AgentTerminationException} (how an agent
     *               says it is done) ends the loop without reaching it
     */
    public RunningAgent start(Agent agent, IdleStrategy idle, ErrorHandler errors) {
        // Agrona's runner passes the termination to its error handler too: it is not an error here
        ErrorHandler realErrors = t -> {
            if (!(t instanceof AgentTerminationException)) {
                errors.onError(t);
            }
        };
        AgentRunner runner = new AgentRunner(idle, realErrors, null, agent);
        Thread thread = AgentRunner.startOnThread(runner, factory);
        // Until the new thread runs, a close() would call the agent's onClose on the closing thread:
        // wait for it, so every onStart/doWork/onClose runs on the agent's own thread.
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (runner.thread() == null && thread.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("agent thread " + thread.getName() + " did not start within 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return new RunningAgent(runner, thread);
    }

    private static final long START_TIMEOUT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    /** Starts a loop that is not an agent (a Disruptor event processor) on a thread named {@code name}. */
    public Thread start(String name, Runnable loop) {
        Thread t = factory.newThread(loop);
        t.setName(name);
        t.start();
        return t;
    }
}

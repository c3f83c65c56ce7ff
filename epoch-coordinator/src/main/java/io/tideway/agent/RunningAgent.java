package io.tideway.agent;

import org.agrona.concurrent.AgentRunner;

import java.util.concurrent.TimeUnit;

/**
 * An agent started by {@link AgentThreads}: its runner and the thread running it.
 *
 * <p>Threading: {@link #stop} from any thread but the agent's own; it asks the duty cycle to end
 * and waits a bounded time, and never interrupts the agent's thread (an interrupt could fail a
 * source's blocking call half way). After a stop that timed out, the caller must not touch
 * anything the agent owns: the agent still runs its last duty cycle and its {@code onClose}.
 * A stop that wins the race with a thread that has not yet begun its loop runs the agent's
 * {@code onClose} on the stopping thread instead (the agent never ran, so nothing else owns it).
 */
public final class RunningAgent {
    private final AgentRunner runner;
    private final Thread thread;

    RunningAgent(AgentRunner runner, Thread thread) {
        this.runner = runner;
        this.thread = thread;
    }

    /** The agent's thread. */
    public Thread thread() {
        return thread;
    }

    /**
     * Ends the agent's loop after its current duty cycle and waits up to {@code timeoutMs} for its
     * thread to finish {@code onClose}. Idempotent.
     *
     * @return true if the agent's thread has ended
     */
    public boolean stop(long timeoutMs) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException(thread.getName() + " cannot wait for itself to stop");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(1, timeoutMs));
        try {
            runner.close((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMs)), t -> {
                throw new StopTimedOut();
            });
            // close() returns once the loop has marked itself done, a moment before the thread ends
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            thread.join(Math.max(1, left));
        } catch (StopTimedOut e) {
            // the runner would interrupt the thread and retry forever; leave the thread to finish on its own
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Escapes {@link AgentRunner#close(int, java.util.function.Consumer)}'s retry loop. */
    private static final class StopTimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopTimedOut() {
            super(null, null, false, false);
        }
    }
}

package io.tideway.sql;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Spark's active and default sessions: the default is the application's (the first session
 * {@code getOrCreate()} built, until cleared or stopped); the active one is each thread's
 * (inherited by threads it starts), which {@code getOrCreate()} and {@code active()} prefer.
 * Thread-safe.
 */
final class ActiveSessions {
    private static final AtomicReference<TidewaySession> DEFAULT = new AtomicReference<>();
    private static final InheritableThreadLocal<TidewaySession> ACTIVE = new InheritableThreadLocal<>();

    private ActiveSessions() {
    }

    /** The calling thread's active session, unless it stopped (as Spark's, which skips a stopped one). */
    static TidewaySession active() {
        return running(ACTIVE.get());
    }

    static void setActive(TidewaySession session) {
        ACTIVE.set(session);
    }

    static TidewaySession defaultSession() {
        return running(DEFAULT.get());
    }

    static void setDefault(TidewaySession session) {
        DEFAULT.set(session);
    }

    /** The calling thread's active session, else the default one, else null. */
    static TidewaySession current() {
        TidewaySession s = active();
        return s != null ? s : defaultSession();
    }

    /** {@code session} unless it is null or stopped; a thread that inherited a session may hold it after another thread stopped it. */
    private static TidewaySession running(TidewaySession session) {
        return session == null || session.isStopped() ? null : session;
    }

    /** Forgets {@code session} where it is the default or the calling thread's active session (it stopped). */
    static void stopped(TidewaySession session) {
        DEFAULT.compareAndSet(session, null);
        if (ACTIVE.get() == session) {
            ACTIVE.remove();
        }
    }
}

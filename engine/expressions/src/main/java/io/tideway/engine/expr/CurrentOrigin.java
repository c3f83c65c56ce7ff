package io.tideway.engine.expr;

import java.util.function.Supplier;

/**
 * The {@link Origin} that expression nodes built on this thread take, as Spark's
 * {@code CurrentOrigin}: the SQL translator sets it to the position of the SQL node it is
 * translating, and {@link Expression#transformUp} to the origin of the node it rewrites, so that
 * copies, inserted casts and errors raised by a rule keep pointing at what the user wrote.
 * Thread-confined: each thread sees only what it set; null when no text is being translated.
 */
public final class CurrentOrigin {
    private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

    private CurrentOrigin() {
    }

    /** The origin set on this thread, or null. */
    public static Origin get() {
        return CURRENT.get();
    }

    /** Runs {@code body} with {@code origin} current on this thread, then restores the previous one. */
    public static <T> T withOrigin(Origin origin, Supplier<T> body) {
        Origin previous = CURRENT.get();
        if (previous == origin) {
            return body.get();
        }
        CURRENT.set(origin);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}

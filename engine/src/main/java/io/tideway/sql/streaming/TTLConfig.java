package io.tideway.sql.streaming;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@code transformWithState} state value lives after its last update, as Spark's
 * {@code TTLConfig}: {@link #NONE()} (a zero duration) keeps values forever. Immutable.
 */
public final class TTLConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final TTLConfig NONE = new TTLConfig(Duration.ZERO);
    private final Duration ttlDuration;

    public TTLConfig(Duration ttlDuration) {
        this.ttlDuration = ttlDuration;
    }

    /** Spark's {@code TTLConfig.apply}. */
    public static TTLConfig apply(Duration ttlDuration) {
        return new TTLConfig(ttlDuration);
    }

    /** No TTL: values never expire. */
    public static TTLConfig NONE() {
        return NONE;
    }

    public Duration ttlDuration() {
        return ttlDuration;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TTLConfig t && Objects.equals(ttlDuration, t.ttlDuration);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(ttlDuration);
    }

    @Override
    public String toString() {
        return "TTLConfig(" + ttlDuration + ")";
    }
}

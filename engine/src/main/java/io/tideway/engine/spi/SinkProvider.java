package io.tideway.engine.spi;

import io.tideway.sql.streaming.OutputMode;

import java.util.Set;

/** A sink found by short name through {@link java.util.ServiceLoader}. Stateless, thread-safe. */
public interface SinkProvider {
    String shortName();

    /** Output modes this sink accepts. */
    default Set<OutputMode> supportedModes() {
        return Set.of(OutputMode.Append(), OutputMode.Update(), OutputMode.Complete());
    }

    /** Whether the sink needs an explicit checkpoint location (console, memory do not). */
    default boolean requiresCheckpointLocation() {
        return true;
    }

    default boolean supportsContinuous() {
        return false;
    }

    StreamSink create(SinkContext context);
}

package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.StreamSink;
import io.tideway.sql.streaming.OutputMode;

import java.util.Set;

/**
 * {@code writeStream().format("chronicle")}: appends each row as an excerpt to a queue (option
 * {@code path}, created if missing, or {@code queue}, a registered one). Micro-batch:
 * exactly-once with batch markers in the queue ({@link ChronicleStreamSink}); continuous:
 * at-least-once. Append mode only.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class ChronicleSinkProvider implements SinkProvider {
    static {
        ChronicleDefaults.ensureApplied(); // before any Chronicle class loads
    }

    @Override
    public String shortName() {
        return "chronicle";
    }

    @Override
    public Set<OutputMode> supportedModes() {
        return Set.of(OutputMode.Append());
    }

    @Override
    public boolean supportsContinuous() {
        return true;
    }

    @Override
    public StreamSink create(SinkContext context) {
        ChronicleDefaults.requireJvmAccess();
        QueueRef ref = QueueRef.parse(context.options(), false);
        ExcerptFormat format = ExcerptFormat.parse(context.options());
        RowExcerptEncoder encoder = new RowExcerptEncoder(format, context.schema());
        return new ChronicleStreamSink(QueueLease.open(ref, RollCycleOption.parse(context.options())), encoder,
                context.schema().length(), context.continuous());
    }
}

package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.types.StructType;

/**
 * {@code readStream().format("chronicle")}: the excerpts of one Chronicle queue, in order, as one
 * partition (a queue is one ordered log), in micro-batch and continuous mode. Options are
 * validated in {@link #schema} (errors name the option); the queue is opened by {@code create}.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class ChronicleSourceProvider implements SourceProvider {
    static {
        ChronicleDefaults.ensureApplied(); // before any Chronicle class loads
    }

    @Override
    public String shortName() {
        return "chronicle";
    }

    @Override
    public StructType schema(StructType userSchema, Options options) {
        return ChronicleSourceOptions.parse(options).schema(userSchema);
    }

    @Override
    public StreamSource create(SourceContext context) {
        ChronicleDefaults.requireJvmAccess();
        return new ChronicleMicroBatchSource(ChronicleSource.open(context));
    }

    @Override
    public boolean supportsContinuous() {
        return true;
    }

    @Override
    public ContinuousStream createContinuous(SourceContext context) {
        ChronicleDefaults.requireJvmAccess();
        return new ChronicleContinuousStream(ChronicleSource.open(context));
    }
}

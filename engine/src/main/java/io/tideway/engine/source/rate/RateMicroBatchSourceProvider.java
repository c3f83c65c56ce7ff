package io.tideway.engine.source.rate;

import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.types.StructType;

/**
 * {@code format("rate-micro-batch")}: {@code rowsPerBatch} rows per micro-batch with a timestamp
 * advancing {@code advanceMillisPerBatch} per batch from {@code startTimestamp}, independent of
 * the wall clock. Micro-batch only. Options are validated in {@link #schema}.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class RateMicroBatchSourceProvider implements SourceProvider {
    @Override
    public String shortName() {
        return "rate-micro-batch";
    }

    @Override
    public StructType schema(StructType userSchema, Options options) {
        SourceProvider.rejectUserSchema(userSchema, "RatePerMicroBatchProvider");
        RateMicroBatchOptions.parse(options);
        return RateSourceProvider.SCHEMA;
    }

    @Override
    public StreamSource create(SourceContext context) {
        return new RateMicroBatchSource(RateMicroBatchOptions.parse(context.options()));
    }
}

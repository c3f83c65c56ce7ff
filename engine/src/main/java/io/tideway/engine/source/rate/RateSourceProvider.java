package io.tideway.engine.source.rate;

import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

/**
 * {@code format("rate")}: rows {@code (timestamp, value)} at {@code rowsPerSecond}, optionally
 * ramping up over {@code rampUpTime}, over {@code numPartitions} partitions.
 * Options are validated in {@link #schema}, so a bad value fails at {@code load()}. Continuous mode
 * is {@link RateContinuousStream}.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class RateSourceProvider implements SourceProvider {
    /**
     * {@code timestamp: timestamp, value: long}; shared with {@code rate-micro-batch}. Nullable
     * although never null, as Spark declares them ({@code RateStreamProvider.SCHEMA}).
     */
    static final StructType SCHEMA = new StructType()
            .add("timestamp", DataTypes.TimestampType, true)
            .add("value", DataTypes.LongType, true);
    /** {@link #SCHEMA} plus {@code intendedNanoTime: long} (Tideway's {@code includeIntendedNanoTime}). */
    static final StructType SCHEMA_WITH_INTENDED_NANO_TIME = new StructType()
            .add("timestamp", DataTypes.TimestampType, true)
            .add("value", DataTypes.LongType, true)
            .add("intendedNanoTime", DataTypes.LongType, true);

    @Override
    public String shortName() {
        return "rate";
    }

    @Override
    public StructType schema(StructType userSchema, Options options) {
        SourceProvider.rejectUserSchema(userSchema, "RateStreamProvider");
        return RateSourceOptions.parse(options).includeIntendedNanoTime() ? SCHEMA_WITH_INTENDED_NANO_TIME : SCHEMA;
    }

    @Override
    public StreamSource create(SourceContext context) {
        return new RateStreamSource(RateSourceOptions.parse(context.options()), context.metadataDir(),
                System::currentTimeMillis);
    }

    @Override
    public boolean supportsContinuous() {
        return true;
    }

    /**
     * The continuous view: its origin is the wall clock now (not persisted, as in Spark); a
     * micro-batch creation time logged in {@code sources/<i>/0} is only read, to resume from a
     * micro-batch offset.
     */
    @Override
    public ContinuousStream createContinuous(SourceContext context) {
        return new RateContinuousStream(RateSourceOptions.parse(context.options()),
                RateCreationTime.load(context.metadataDir()), RateClock.SYSTEM);
    }
}

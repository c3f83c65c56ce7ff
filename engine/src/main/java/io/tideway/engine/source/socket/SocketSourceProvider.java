package io.tideway.engine.source.socket;

import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * {@code format("socket")}: UTF-8 lines from a TCP server, {@code value: string} plus
 * {@code timestamp: timestamp} (receive time) with {@code includeTimestamp}. For
 * testing only: not fault-tolerant. Options are validated in {@link #schema}; the connection is
 * made by {@link #create}.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class SocketSourceProvider implements SourceProvider {
    static final String PRODUCTION_WARNING =
            "The socket source should not be used for production applications! It does not support recovery.";
    private static final Logger LOG = LoggerFactory.getLogger(SocketSourceProvider.class);

    static final StructType SCHEMA = new StructType().add("value", DataTypes.StringType);
    static final StructType SCHEMA_WITH_TIMESTAMP = new StructType()
            .add("value", DataTypes.StringType)
            .add("timestamp", DataTypes.TimestampType);

    @Override
    public String shortName() {
        return "socket";
    }

    @Override
    public StructType schema(StructType userSchema, Options options) {
        SourceProvider.rejectUserSchema(userSchema, "TextSocketSourceProvider");
        return SocketSourceOptions.parse(options).includeTimestamp() ? SCHEMA_WITH_TIMESTAMP : SCHEMA;
    }

    /** Connects now (a failure names host:port) and warns, once per source, that it cannot recover. */
    @Override
    public StreamSource create(SourceContext context) {
        SocketSourceOptions options = SocketSourceOptions.parse(context.options());
        LOG.warn(PRODUCTION_WARNING);
        return new SocketStreamSource(options);
    }

    @Override
    public boolean supportsContinuous() {
        return true;
    }

    /**
     * Connects now and reads in one partition ({@link SocketContinuousStream}); Spark's
     * {@code numPartitions} option is accepted and ignored.
     */
    @Override
    public ContinuousStream createContinuous(SourceContext context) {
        SocketSourceOptions options = SocketSourceOptions.parse(context.options());
        LOG.warn(PRODUCTION_WARNING);
        return new SocketContinuousStream(options);
    }
}

package io.tideway.connectors.kafka;

import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code format("kafka")} on a stream reader: Spark's Kafka source, micro-batch
 * ({@link KafkaMicroBatchSource}) and continuous ({@link KafkaContinuousStream}). Options are
 * validated in {@link #schema}, so a bad option fails {@code load()} naming it.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class KafkaSourceProvider implements SourceProvider {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceProvider.class);

    @Override
    public String shortName() {
        return "kafka";
    }

    @Override
    public StructType schema(StructType userSchema, Options options) {
        if (userSchema != null) {
            throw new UnsupportedOperationException("Kafka source has a fixed schema and cannot be set with a custom one");
        }
        return RecordRowWriter.schema(KafkaSourceOptions.parse(options).includeHeaders());
    }

    @Override
    public StreamSource create(SourceContext context) {
        KafkaSourceOptions options = KafkaSourceOptions.parse(context.options());
        return new KafkaMicroBatchSource(options, context.log(), groupId(options, context.metadataDir()));
    }

    @Override
    public boolean supportsContinuous() {
        return true;
    }

    @Override
    public ContinuousStream createContinuous(SourceContext context) {
        KafkaSourceOptions options = KafkaSourceOptions.parse(context.options());
        return new KafkaContinuousStream(options, groupId(options, context.metadataDir()));
    }

    /** Spark's unique group per query run: {@code <groupIdPrefix>-<uuid>-<hash of sources/i>}. */
    private static String groupId(KafkaSourceOptions options, Path metadataDir) {
        if (options.kafkaParams().containsKey("group.id")) {
            LOG.warn("Kafka option 'kafka.group.id' has been set on this query, it is not"
                    + " recommended to set this option. This option is unsafe to use since multiple concurrent queries or"
                    + " sources using the same group id will interfere with each other as they are part of the same"
                    + " consumer group.");
        }
        return options.groupIdPrefix() + "-" + UUID.randomUUID() + "-"
                + (metadataDir == null ? 0 : metadataDir.toString().hashCode());
    }
}

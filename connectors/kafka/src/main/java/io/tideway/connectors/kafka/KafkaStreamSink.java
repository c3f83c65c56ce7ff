package io.tideway.connectors.kafka;

import io.tideway.checkpoint.QueryMetadataFile;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The Kafka sink. Two ways to write, chosen per batch by whether the engine logged the batch's
 * input before running it:
 * <ul>
 *   <li><b>exactly-once</b> (micro-batch, {@code deliveryGuarantee=exactly-once}, the default):
 *   {@code offsets/N} exists when batch N's writers open, so a re-run of N reads the same input;
 *   the batch is one Kafka transaction ({@link BatchTransactions}) and a re-run of a committed
 *   batch is skipped.</li>
 *   <li><b>at-least-once</b> (continuous mode, whose epochs are logged only when they end, or
 *   {@code deliveryGuarantee=at-least-once}): a plain idempotent producer, flushed when each
 *   writer commits, i.e. at every epoch end, before the epoch is committed.</li>
 * </ul>
 *
 * <p>Threading: {@link #createWriter} on worker/task threads (the lazily created producers are
 * guarded by {@code this} or by {@link BatchTransactions}); {@link #commit}, {@link #abort},
 * {@link #stop} on the query or coordinator thread.
 */
final class KafkaStreamSink implements StreamSink {
    private static final System.Logger LOG = System.getLogger(KafkaStreamSink.class.getName());

    private final KafkaSinkOptions options;
    private final SinkRowProjection projection;
    private final Path checkpointDir;
    /** Guarded by this. */
    private BatchTransactions transactions;
    /** Guarded by this. */
    private KafkaProducer<byte[], byte[]> plainProducer;
    /** Guarded by this. */
    private boolean warnedContinuous;

    KafkaStreamSink(KafkaSinkOptions options, SinkRowProjection projection, Path checkpointDir) {
        this.options = options;
        this.projection = projection;
        this.checkpointDir = checkpointDir;
    }

    @Override
    public String description() {
        return "KafkaSink[" + (options.topic() == null ? "topic column" : options.topic()) + ", "
                + (options.exactlyOnce() ? "exactly-once" : "at-least-once") + "]";
    }

    @Override
    public PartitionWriter createWriter(int partition, long batchId) {
        if (options.exactlyOnce() && inputLogged(batchId)) {
            return new KafkaPartitionWriter(transactions().begin(batchId), projection);
        }
        return new KafkaPartitionWriter(plainProducer(), projection);
    }

    /** Whether {@code offsets/<batchId>} was written before the batch ran: micro-batch's write-ahead log. */
    private boolean inputLogged(long batchId) {
        return checkpointDir != null && Files.exists(checkpointDir.resolve("offsets").resolve(Long.toString(batchId)));
    }

    private synchronized BatchTransactions transactions() {
        if (transactions == null) {
            String id = options.transactionalId() != null ? options.transactionalId() : "tideway-" + queryId();
            Duration timeout = Duration.ofMillis(KafkaParams.apiTimeoutMs(options.producerParams()));
            transactions = new BatchTransactions(options.producerParams(), id,
                    new SinkCommitLog(options.commitTopic(), id, options.producerParams(), timeout));
        }
        return transactions;
    }

    /** The query id from {@code <checkpoint>/metadata}: stable across restarts, unique per checkpoint. */
    private String queryId() {
        return new QueryMetadataFile(checkpointDir.resolve("metadata")).read()
                .orElseGet(() -> UUID.nameUUIDFromBytes(checkpointDir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)))
                .toString();
    }

    private synchronized KafkaProducer<byte[], byte[]> plainProducer() {
        if (options.exactlyOnce() && !warnedContinuous) {
            warnedContinuous = true;
            LOG.log(System.Logger.Level.WARNING, "The Kafka sink writes at-least-once: this query's input is not logged"
                    + " before each epoch runs (continuous mode), so a re-run epoch cannot be recognised");
        }
        if (plainProducer == null) {
            plainProducer = new KafkaProducer<>(options.producerParams());
        }
        return plainProducer;
    }

    @Override
    public void commit(long batchId, List<CommitMessage> messages) {
        BatchTransactions t;
        synchronized (this) {
            t = transactions;
        }
        if (t != null) {
            t.commit(batchId);
        }
    }

    @Override
    public void abort(long batchId, List<CommitMessage> messages) {
        BatchTransactions t;
        synchronized (this) {
            t = transactions;
        }
        if (t != null) {
            t.abort(batchId);
        }
    }

    @Override
    public synchronized void stop() {
        if (transactions != null) {
            transactions.close();
            transactions = null;
        }
        if (plainProducer != null) {
            plainProducer.close(Duration.ofSeconds(5));
            plainProducer = null;
        }
    }
}

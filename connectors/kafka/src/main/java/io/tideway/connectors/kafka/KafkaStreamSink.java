package io.tideway.connectors.kafka;

import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.StreamSink;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka sink. Two ways to write, chosen once from the query's trigger
 * ({@link io.tideway.engine.spi.SinkContext#continuous()}):
 * <ul>
 *   <li><b>exactly-once</b> (micro-batch, {@code deliveryGuarantee=exactly-once}, the default):
 *   the micro-batch executor writes {@code offsets/N} before batch N runs, so a re-run of N reads
 *   the same input; the batch is one Kafka transaction ({@link BatchTransactions}) and a re-run
 *   of a committed batch is skipped.</li>
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
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamSink.class);

    private final KafkaSinkOptions options;
    private final SinkRowProjection projection;
    /** What the sink was created with: its checkpoint answers which batches ran from it, and the query's id. */
    private final SinkContext context;
    /** Whether batches run as Kafka transactions: exactly-once asked for and a micro-batch trigger. */
    private final boolean transactional;
    /** The plain producer's parameters: the user's, plus {@link KafkaParams#continuousProducer} defaults in continuous mode. */
    private final Map<String, Object> plainProducerParams;
    /** Guarded by this. */
    private BatchTransactions transactions;
    /** Guarded by this. */
    private KafkaProducer<byte[], byte[]> plainProducer;

    KafkaStreamSink(KafkaSinkOptions options, SinkRowProjection projection, SinkContext context) {
        boolean continuous = context.continuous();
        this.options = options;
        this.projection = projection;
        this.context = context;
        this.transactional = options.exactlyOnce() && !continuous;
        this.plainProducerParams = continuous ? KafkaParams.continuousProducer(options.producerParams()) : options.producerParams();
        if (options.exactlyOnce() && continuous) {
            LOG.warn("The Kafka sink writes at-least-once under a continuous trigger: its"
                    + " epochs are logged only when they end, so a re-run epoch cannot be recognised");
        }
        if (transactional && context.checkpointDir() == null && options.transactionalId() == null) {
            throw new IllegalArgumentException("The Kafka sink with option 'deliveryGuarantee' = 'exactly-once' needs a"
                    + " checkpoint location or option 'kafka.transactional.id' to name its transactions");
        }
    }

    @Override
    public String description() {
        return "KafkaSink[" + (options.topic() == null ? "topic column" : options.topic()) + ", "
                + (transactional ? "exactly-once" : "at-least-once") + "]";
    }

    @Override
    public PartitionWriter createWriter(int partition, long batchId) {
        if (transactional) {
            return new KafkaPartitionWriter(transactions().begin(batchId, this::inThisCheckpoint), projection);
        }
        return new KafkaPartitionWriter(plainProducer(), projection);
    }

    /**
     * Whether batch {@code batchId} is in this checkpoint's offsets log. Still needed although the
     * mode now comes from {@code SinkContext.continuous()}: skipping a batch because the commit
     * topic says it was committed is sound only if that batch ran from <em>this</em> checkpoint.
     * A commit marker beyond the checkpoint's log means the checkpoint was replaced while the
     * transactional id (option {@code kafka.transactional.id}) was kept; skipping would then
     * silently drop the new query's first batches, so {@link BatchTransactions} fails instead.
     */
    private boolean inThisCheckpoint(long batchId) {
        return context.isBatchLogged(batchId);
    }

    private synchronized BatchTransactions transactions() {
        if (transactions == null) {
            String id = options.transactionalId() != null ? options.transactionalId() : "tideway-" + context.queryId();
            Duration timeout = Duration.ofMillis(KafkaParams.apiTimeoutMs(options.producerParams()));
            transactions = new BatchTransactions(options.producerParams(), id,
                    new SinkCommitLog(options.commitTopicFor(id), options.legacyCommitTopic(), id, options.producerParams(),
                            timeout));
        }
        return transactions;
    }

    private synchronized KafkaProducer<byte[], byte[]> plainProducer() {
        if (plainProducer == null) {
            plainProducer = new KafkaProducer<>(plainProducerParams);
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

package io.tideway.connectors.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once writes for micro-batches: one Kafka transaction per batch on one transactional
 * producer ({@code transactional.id} = the sink id, stable across restarts of the query). All
 * writers of batch N send into the transaction; {@link #commit} adds the marker
 * {@code sinkId → N} to the {@link SinkCommitLog} and commits, so rows and marker become
 * visible to {@code read_committed} readers together. On start, {@code initTransactions} fences
 * the previous run's producer and aborts its open transaction; then the marker says which batch
 * was committed last, and a re-run of a batch at or below it writes nothing.
 *
 * <p>Threading: {@link #begin} is called from worker threads, {@link #commit} and {@link #abort}
 * from the query thread; all state is guarded by {@code this}. Sends on the producer itself are
 * thread-safe and happen outside the lock.
 */
final class BatchTransactions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchTransactions.class);

    private final Map<String, Object> producerParams;
    private final SinkCommitLog log;
    private final String transactionalId;
    /** Guarded by this. */
    private KafkaProducer<byte[], byte[]> producer;
    /** Guarded by this. */
    private long lastCommitted = Long.MIN_VALUE;
    /** The batch whose transaction is open, or -1. Guarded by this. */
    private long openBatch = -1;

    BatchTransactions(Map<String, Object> producerParams, String transactionalId, SinkCommitLog log) {
        this.producerParams = producerParams;
        this.transactionalId = transactionalId;
        this.log = log;
    }

    /**
     * Opens batch {@code batchId}'s transaction if needed; returns null when the batch was already
     * committed. {@code loggedBatches} says whether a batch id is in the query's offsets log: the
     * last committed batch must be, or the commit marker belongs to another checkpoint.
     */
    synchronized KafkaProducer<byte[], byte[]> begin(long batchId, java.util.function.LongPredicate loggedBatches) {
        init();
        if (batchId <= lastCommitted) {
            if (!loggedBatches.test(lastCommitted)) {
                throw new IllegalStateException("The Kafka sink's commit topic records batch " + lastCommitted
                        + " as committed for transactional id '" + transactionalId + "', but the checkpoint has no"
                        + " offsets/" + lastCommitted + ": the checkpoint was replaced while the transactional id was"
                        + " kept. Use a new 'kafka.transactional.id' (or leave it unset) for a new checkpoint.");
            }
            return null;
        }
        if (openBatch != batchId) {
            if (openBatch >= 0) {
                producer.abortTransaction();
            }
            producer.beginTransaction();
            openBatch = batchId;
        }
        return producer;
    }

    private void init() {
        if (producer != null) {
            return;
        }
        Map<String, Object> p = new HashMap<>(producerParams);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(p);
        try {
            created.initTransactions();
            lastCommitted = log.lastCommitted();
        } catch (RuntimeException e) {
            created.close(java.time.Duration.ZERO);
            throw e;
        }
        producer = created;
    }

    /** Commits batch {@code batchId}: marker, then the transaction. A batch committed by an earlier run is skipped. */
    synchronized void commit(long batchId) {
        if (producer != null && batchId <= lastCommitted) {
            LOG.info("Skipping already committed batch {}", batchId);
            return;
        }
        if (openBatch != batchId) {
            return; // no writer opened this batch: nothing to commit
        }
        producer.send(log.marker(batchId));
        producer.commitTransaction();
        openBatch = -1;
        lastCommitted = batchId;
    }

    synchronized void abort(long batchId) {
        if (producer != null && openBatch == batchId) {
            openBatch = -1;
            producer.abortTransaction();
        }
    }

    /** The last batch this sink committed (as far as this run knows), or {@code Long.MIN_VALUE} before start. */
    synchronized long lastCommitted() {
        return lastCommitted;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }
}

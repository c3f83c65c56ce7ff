package io.tideway.connectors.kafka;

import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import org.agrona.DirectBuffer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends one partition's rows of one batch or epoch through the sink's shared producer; at
 * {@link #commit} flushes and fails if any send failed. With a null producer (a batch an
 * earlier run committed) rows are dropped.
 *
 * <p>Threading: owned by one worker or task thread; {@link #firstError} is written by the
 * producer's I/O thread (volatile, first error wins) and read by the owner.
 */
final class KafkaPartitionWriter implements PartitionWriter, Callback {
    /** What a writer reports at commit: rows sent. */
    record SentRecords(long rows) implements CommitMessage {
    }

    private final Producer<byte[], byte[]> producer;
    private final SinkRowProjection.Converter converter;
    private volatile Exception firstError;
    private long rows;

    KafkaPartitionWriter(Producer<byte[], byte[]> producer, SinkRowProjection projection) {
        this.producer = producer;
        this.converter = projection.newConverter();
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        if (producer == null) {
            return;
        }
        checkError();
        producer.send(converter.convert(buffer, offset, length), this);
        rows++;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null && firstError == null) {
            firstError = exception;
        }
    }

    private void checkError() {
        Exception e = firstError;
        if (e != null) {
            throw new IllegalStateException("Writing to Kafka failed: " + e, e);
        }
    }

    @Override
    public CommitMessage commit() {
        if (producer != null) {
            producer.flush();
            checkError();
        }
        return new SentRecords(rows);
    }
}

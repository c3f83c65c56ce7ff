package io.tideway.connectors.kafka;

import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link ConsumerRecord} into one row of Spark's Kafka schema (Spark's
 * {@code KafkaRecordToRowConverter}) in a reused off-heap buffer: the record's byte arrays are
 * copied once, nothing else is allocated per record. Shared by the micro-batch and the
 * continuous reader.
 *
 * <p>Threading: owned by one reader thread.
 */
final class RecordRowWriter implements AutoCloseable {
    static final int KEY = 0;
    static final int VALUE = 1;
    static final int TOPIC = 2;
    static final int PARTITION = 3;
    static final int OFFSET = 4;
    static final int TIMESTAMP = 5;
    static final int TIMESTAMP_TYPE = 6;
    static final int HEADERS = 7;

    static final StructType HEADER_TYPE = new StructType()
            .add("key", DataTypes.StringType)
            .add("value", DataTypes.BinaryType);
    static final StructType SCHEMA = new StructType()
            .add("key", DataTypes.BinaryType)
            .add("value", DataTypes.BinaryType)
            .add("topic", DataTypes.StringType)
            .add("partition", DataTypes.IntegerType)
            .add("offset", DataTypes.LongType)
            .add("timestamp", DataTypes.TimestampType)
            .add("timestampType", DataTypes.IntegerType);
    static final StructType SCHEMA_WITH_HEADERS = new StructType(SCHEMA.fields())
            .add("headers", DataTypes.createArrayType(HEADER_TYPE));

    private final boolean includeHeaders;
    private final RowWriter row;
    private final RowWriter header = new RowWriter(2);
    private final GrowableBuffer scratch = new GrowableBuffer(256);
    private final GrowableBuffer headerScratch = new GrowableBuffer(64);
    /** The topic's UTF-8 bytes, cached: one reader sees one topic. */
    private String lastTopic;
    private byte[] lastTopicBytes;

    RecordRowWriter(boolean includeHeaders) {
        this.includeHeaders = includeHeaders;
        this.row = new RowWriter(includeHeaders ? 8 : 7);
    }

    static StructType schema(boolean includeHeaders) {
        return includeHeaders ? SCHEMA_WITH_HEADERS : SCHEMA;
    }

    void write(ConsumerRecord<byte[], byte[]> r, RowConsumer out) {
        row.wrap(scratch.buffer(), 0, scratch);
        putNullable(KEY, r.key());
        putNullable(VALUE, r.value());
        if (!r.topic().equals(lastTopic)) {
            lastTopic = r.topic();
            lastTopicBytes = lastTopic.getBytes(StandardCharsets.UTF_8);
        }
        row.putBytes(TOPIC, lastTopicBytes);
        row.putInt(PARTITION, r.partition());
        row.putLong(OFFSET, r.offset());
        row.putLong(TIMESTAMP, r.timestamp() * 1000L);
        row.putInt(TIMESTAMP_TYPE, r.timestampType().id);
        if (includeHeaders) {
            writeHeaders(r.headers());
        }
        out.accept(scratch.buffer(), 0, row.finish());
    }

    private void putNullable(int field, byte[] bytes) {
        if (bytes == null) {
            row.setNull(field);
        } else {
            row.putBytes(field, bytes);
        }
    }

    /** Spark gives null, not an empty array, for a record without headers. */
    private void writeHeaders(Headers headers) {
        Header[] all = headers.toArray();
        if (all.length == 0) {
            row.setNull(HEADERS);
            return;
        }
        ArrayWriter array = row.beginArray(HEADERS, all.length);
        for (int i = 0; i < all.length; i++) {
            header.wrap(headerScratch.buffer(), 0, headerScratch);
            header.putString(0, all[i].key());
            if (all[i].value() == null) {
                header.setNull(1);
            } else {
                header.putBytes(1, all[i].value());
            }
            array.putBytes(i, headerScratch.buffer(), 0, header.finish());
        }
        array.end();
    }

    @Override
    public void close() {
        scratch.close();
        headerScratch.close();
    }
}

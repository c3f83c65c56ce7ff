package io.tideway.connectors.kafka;

import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the sink finds {@code topic}, {@code key}, {@code value}, {@code partition} and
 * {@code headers} in its input rows, checked once against the schema with Spark's words
 * ({@code KafkaWriter.validateQuery}), and the conversion of one row into a
 * {@link ProducerRecord}. The {@code topic} option overrides the column. Immutable; each writer
 * converts with its own {@link Converter}.
 */
final class SinkRowProjection {
    private final int numFields;
    private final String topicOption;
    private final int topic;
    private final int key;
    private final int value;
    private final int partition;
    private final int headers;

    SinkRowProjection(StructType schema, String topicOption) {
        this.numFields = schema.length();
        this.topicOption = topicOption;
        this.topic = schema.indexOf("topic");
        this.key = schema.indexOf("key");
        this.value = schema.indexOf("value");
        this.partition = schema.indexOf("partition");
        this.headers = schema.indexOf("headers");
        if (topicOption == null) {
            if (topic < 0) {
                throw invalid("topic option required when no 'topic' attribute is present. Use the topic option"
                        + " for setting a topic.");
            }
            if (!DataTypes.StringType.equals(type(schema, topic))) {
                throw unsupportedType(schema, topic, "string");
            }
        }
        if (key >= 0 && !stringOrBinary(type(schema, key))) {
            throw unsupportedType(schema, key, "string or binary");
        }
        if (value < 0) {
            throw invalid("Required attribute 'value' not found");
        }
        if (!stringOrBinary(type(schema, value))) {
            throw unsupportedType(schema, value, "string or binary");
        }
        if (partition >= 0 && !DataTypes.IntegerType.equals(type(schema, partition))) {
            throw unsupportedType(schema, partition, "int");
        }
        if (headers >= 0 && !(type(schema, headers) instanceof ArrayType a && a.elementType() instanceof StructType s
                && s.length() == 2 && DataTypes.StringType.equals(s.apply(0).dataType())
                && DataTypes.BinaryType.equals(s.apply(1).dataType()))) {
            throw unsupportedType(schema, headers, "array<struct<key:string,value:binary>>");
        }
    }

    /** Spark's {@code KafkaWriter.validateQuery} failure: condition {@code _LEGACY_ERROR_TEMP_3080}, the reason as its message. */
    private static RuntimeException invalid(String message) {
        throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_3080", Map.of("msg", message)));
    }

    private static RuntimeException unsupportedType(StructType schema, int field, String desired) {
        String name = schema.apply(field).name();
        throw invalid(name + " attribute unsupported type " + type(schema, field).catalogString() + ". " + name
                + " must be a(n) " + desired);
    }

    private static DataType type(StructType schema, int i) {
        return schema.apply(i).dataType();
    }

    private static boolean stringOrBinary(DataType t) {
        return DataTypes.StringType.equals(t) || DataTypes.BinaryType.equals(t);
    }

    Converter newConverter() {
        return new Converter();
    }

    /** Reads rows into records. Owned by one writer thread. */
    final class Converter {
        private final RowReader row = new RowReader(numFields);
        private final ArrayReader array = new ArrayReader();
        private final RowReader header = new RowReader(2);

        ProducerRecord<byte[], byte[]> convert(DirectBuffer buffer, int offset, int length) {
            row.wrap(buffer, offset, length);
            String t = topicOption;
            if (t == null) {
                if (row.isNullAt(topic)) {
                    throw new IllegalStateException("null topic present in the data. Use the topic option for setting a topic.");
                }
                t = row.getString(topic);
            }
            byte[] k = key < 0 || row.isNullAt(key) ? null : row.getBinary(key);
            byte[] v = row.isNullAt(value) ? null : row.getBinary(value);
            Integer p = partition < 0 || row.isNullAt(partition) ? null : row.getInt(partition);
            return new ProducerRecord<>(t, p, k, v, headers());
        }

        private List<Header> headers() {
            if (headers < 0 || row.isNullAt(headers)) {
                return null;
            }
            row.getArray(headers, array);
            List<Header> out = new ArrayList<>(array.count());
            for (int i = 0; i < array.count(); i++) {
                if (array.isNullAt(i)) {
                    continue;
                }
                header.wrap(array.buffer(), array.varOffset(i), array.varLength(i));
                out.add(new RecordHeader(header.getString(0), header.isNullAt(1) ? null : header.getBinary(1)));
            }
            return out;
        }
    }
}

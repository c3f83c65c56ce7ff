package io.tideway.engine.source.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One JSON line to one row. A line that is not a JSON object is malformed with every field
 * null; a field of the wrong type is malformed with only that field null (Spark 3.4+ partial
 * results). Fields absent from the object are null and not malformed.
 *
 * <p>Threading: one per reader.
 */
final class JsonRecordParser implements RecordParser {
    /** Reads the first JSON value of a line; what follows it is ignored, as Spark's {@code JacksonParser}. */
    private final ObjectMapper mapper;
    private final String[] names;
    private final DataType[] types;
    private final JsonValueParser valueParser;
    /** This record's values, reused: the partial result a FAILFAST error shows. */
    private final Object[] values;
    private final MalformedRecordPolicy policy;

    JsonRecordParser(ObjectMapper mapper, StructType schema, JsonValueParser valueParser, MalformedRecordPolicy policy) {
        this.mapper = mapper;
        this.names = schema.fieldNames();
        this.types = new DataType[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = schema.apply(i).dataType();
        }
        this.valueParser = valueParser;
        this.values = new Object[names.length];
        this.policy = policy;
    }

    @Override
    public boolean parse(String record, RowWriter row) {
        int corrupt = policy.corruptColumn();
        Arrays.fill(values, null);
        JsonNode root;
        try {
            root = mapper.readTree(record);
        } catch (JsonProcessingException e) {
            return allNull(record, () -> e, row);
        }
        if (root == null || root.isMissingNode()) {
            return false; // no value at all (a comment line with allowComments): no row, as Spark
        }
        if (!root.isObject()) {
            return allNull(record, () -> null, row);
        }
        RuntimeException cause = null;
        for (int i = 0; i < names.length; i++) {
            if (i == corrupt) {
                continue;
            }
            try {
                values[i] = valueParser.convert(names[i], root.get(names[i]), types[i]);
            } catch (RuntimeException e) {
                values[i] = null;
                if (cause == null) {
                    cause = e;
                }
            }
            RowConverter.writeValue(values[i], types[i], row, i);
        }
        if (cause != null) {
            RuntimeException parseError = cause;
            return policy.malformed(record, values, () -> parseError, row);
        }
        policy.wellFormed(row);
        return true;
    }

    private boolean allNull(String record, Supplier<Throwable> cause, RowWriter row) {
        for (int i = 0; i < names.length; i++) {
            if (i != policy.corruptColumn()) { // a null bit, once set, is not cleared by a later put
                row.setNull(i);
            }
        }
        return policy.malformed(record, values, cause, row);
    }
}

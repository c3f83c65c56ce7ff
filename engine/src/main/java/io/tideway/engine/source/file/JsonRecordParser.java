package io.tideway.engine.source.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

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
    private final JsonValueParser values;
    private final MalformedRecordPolicy policy;

    JsonRecordParser(ObjectMapper mapper, StructType schema, JsonValueParser values, MalformedRecordPolicy policy) {
        this.mapper = mapper;
        this.names = schema.fieldNames();
        this.types = new DataType[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = schema.apply(i).dataType();
        }
        this.values = values;
        this.policy = policy;
    }

    @Override
    public boolean parse(String record, RowWriter row) {
        int corrupt = policy.corruptColumn();
        JsonNode root;
        try {
            root = mapper.readTree(record);
        } catch (JsonProcessingException e) {
            return allNull(record, "Malformed JSON: " + e.getOriginalMessage(), e, row);
        }
        if (root == null || root.isMissingNode()) {
            return false; // no value at all (a comment line with allowComments): no row, as Spark
        }
        if (!root.isObject()) {
            return allNull(record, "Expected a JSON object but found " + root.getNodeType(), null, row);
        }
        String reason = null;
        Throwable cause = null;
        for (int i = 0; i < names.length; i++) {
            if (i == corrupt) {
                continue;
            }
            Object value;
            try {
                value = values.convert(root.get(names[i]), types[i]);
            } catch (RuntimeException e) {
                value = null;
                if (reason == null) {
                    reason = "Field '" + names[i] + "': " + e.getMessage();
                    cause = e;
                }
            }
            RowConverter.writeValue(value, types[i], row, i);
        }
        if (reason != null) {
            return policy.malformed(record, reason, cause, row);
        }
        policy.wellFormed(row);
        return true;
    }

    private boolean allNull(String record, String reason, Throwable cause, RowWriter row) {
        for (int i = 0; i < names.length; i++) {
            if (i != policy.corruptColumn()) { // a null bit, once set, is not cleared by a later put
                row.setNull(i);
            }
        }
        return policy.malformed(record, reason, cause, row);
    }
}

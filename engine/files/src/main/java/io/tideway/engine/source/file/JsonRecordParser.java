package io.tideway.engine.source.file;

import io.tideway.engine.format.JsonValueParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One JSON record (a line, or a whole file with {@code multiLine}) to rows, as Spark's
 * {@code JacksonParser}: an object is one row; an array of objects is one row per object; any other
 * value, or an array holding anything but objects, is malformed with every field null. A field
 * of the wrong type is malformed with only that field null (Spark 3.4+ partial results); fields
 * absent from the object are null and not malformed. A string column given a number, a boolean,
 * an array or an object takes its text as written in the record ({@code 1.50}, {@code [1, 2]}).
 * The record is read with Jackson's streaming parser, so each value's text is at hand; what
 * follows the first value is ignored.
 *
 * <p>Threading: one per reader.
 */
final class JsonRecordParser implements RecordParser {
    private final ObjectMapper mapper;
    private final String[] names;
    private final DataType[] types;
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final JsonValueParser valueParser;
    /** This row's values, reused: the partial result a FAILFAST error shows. */
    private final Object[] values;
    private final MalformedRecordPolicy policy;
    /** The objects of the current record still to emit, each its fields' nodes and texts. */
    private final ArrayDeque<Fields> pending = new ArrayDeque<>();
    /** The record the pending objects came from: what a malformed one shows as corrupt. */
    private String pendingRecord;

    /** One object's fields of the schema: their values and, for string columns, their text as written. */
    private record Fields(JsonNode[] nodes, String[] texts) {
    }

    JsonRecordParser(ObjectMapper mapper, StructType schema, JsonValueParser valueParser, MalformedRecordPolicy policy) {
        this.mapper = mapper;
        this.names = schema.fieldNames();
        this.types = new DataType[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = schema.apply(i).dataType();
            ordinals.putIfAbsent(names[i], i);
        }
        this.valueParser = valueParser;
        this.values = new Object[names.length];
        this.policy = policy;
    }

    @Override
    public boolean parse(String record, RowWriter row) {
        pending.clear();
        Arrays.fill(values, null);
        try (JsonParser p = mapper.createParser(record)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return false; // no value at all (a comment line with allowComments): no row, as Spark
            }
            if (t == JsonToken.START_OBJECT) {
                pending.add(fields(p, record));
            } else if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        pending.clear();
                        return allNull(record, () -> null, row);
                    }
                    pending.add(fields(p, record));
                }
                if (pending.isEmpty()) {
                    return false; // [] holds no row
                }
            } else {
                return allNull(record, () -> null, row);
            }
        } catch (IOException | RuntimeException e) {
            pending.clear();
            return allNull(record, () -> e, row);
        }
        pendingRecord = record;
        return more(row);
    }

    @Override
    public boolean hasMore() {
        return !pending.isEmpty();
    }

    @Override
    public boolean more(RowWriter row) {
        Fields f = pending.poll();
        int corrupt = policy.corruptColumn();
        Arrays.fill(values, null);
        RuntimeException cause = null;
        for (int i = 0; i < names.length; i++) {
            if (i == corrupt) {
                continue;
            }
            try {
                values[i] = f.texts()[i] != null ? f.texts()[i] : valueParser.convert(names[i], f.nodes()[i], types[i]);
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
            return policy.malformed(pendingRecord, values, () -> parseError, row);
        }
        policy.wellFormed(row);
        return true;
    }

    /** Reads the object whose START_OBJECT {@code p} is at, keeping the schema's fields. */
    private Fields fields(JsonParser p, String record) throws IOException {
        JsonNode[] nodes = new JsonNode[names.length];
        String[] texts = new String[names.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Integer i = ordinals.get(p.currentName());
            JsonToken value = p.nextToken();
            if (i == null) {
                p.skipChildren();
                continue;
            }
            int start = (int) p.currentTokenLocation().getCharOffset();
            JsonNode node = mapper.readTree(p);
            nodes[i] = node;
            if (types[i] == DataTypes.StringType && value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                texts[i] = record.substring(start, (int) p.currentLocation().getCharOffset());
            }
        }
        return new Fields(nodes, texts);
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

package io.tideway.engine.expr.fn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.engine.format.JsonOptions;
import io.tideway.engine.format.JsonSchemaInferrer;
import io.tideway.engine.row.CollectionCodec;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The code of {@code json_object_keys}, {@code json_array_length} and {@code schema_of_json}
 * (see {@link JsonFunctions}). Text that is no JSON gives null. Stateless.
 */
public final class JsonKernels {
    private static final ObjectMapper MAPPER = JsonOptions.mapper(Map.of());

    private JsonKernels() {
    }

    private static JsonNode tree(DirectBuffer b, int off, int len) {
        try {
            return MAPPER.readTree(b.getStringWithoutLengthUtf8(off, len));
        } catch (Exception e) {
            return null;
        }
    }

    /** The keys of a JSON object as an array of strings in {@code out}; its length, or -1 (not an object). */
    public static int objectKeys(DirectBuffer b, int off, int len, CollectionOut out) {
        JsonNode n = tree(b, off, len);
        if (n == null || !n.isObject()) {
            return -1;
        }
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        byte[] bytes = CollectionCodec.encodeArray(keys, DataTypes.StringType);
        out.ensureCapacity(bytes.length);
        out.buffer().putBytes(0, bytes);
        return bytes.length;
    }

    /** The number of elements of a JSON array, or -1 (not an array). */
    public static long arrayLength(DirectBuffer b, int off, int len) {
        JsonNode n = tree(b, off, len);
        return n == null || !n.isArray() ? -1 : n.size();
    }

    /** The SQL text of the type Spark infers for a JSON value ({@code STRUCT<a: BIGINT>}); Jackson's errors as they are. */
    public static int schemaOf(DirectBuffer b, int off, int len, ObjectMapper mapper, BytesOut out) {
        out.reset().append(schemaText(b.getStringWithoutLengthUtf8(off, len), mapper));
        return out.length();
    }

    /** {@link #schemaOf} of a Java string, for a schema given as {@code schema_of_json(...)}. */
    static String schemaText(String json, ObjectMapper mapper) {
        try {
            return ErrorParams.sql(JsonSchemaInferrer.infer(mapper.readTree(json)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Unchecked.raise(e);
        }
    }
}

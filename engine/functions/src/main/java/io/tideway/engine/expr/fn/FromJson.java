package io.tideway.engine.expr.fn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.engine.format.JsonOptions;
import io.tideway.engine.format.JsonValueParser;
import io.tideway.engine.format.TimestampParser;
import io.tideway.engine.row.CollectionCodec;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code from_json} call site, as Spark's {@code JsonToStructs}: its schema and options. A
 * struct schema reads an object field by field, converted by {@link JsonValueParser} (the JSON
 * source's converter): a field that does not convert is null and makes the record malformed
 * (Spark's partial results); text that is no JSON object is malformed with every field null. A
 * malformed record puts its text in the {@code columnNameOfCorruptRecord} field (default
 * {@code _corrupt_record}) if the schema has it, or with {@code mode=FAILFAST} fails the query;
 * other modes are refused. An array schema takes an array (or one object, for an array of
 * structs), a map schema an object; either is null when anything fails to convert. Empty text
 * and null give null. A generated-code constant; one per call site, used by one thread.
 */
public final class FromJson {
    private final DataType type;
    private final ObjectMapper mapper;
    private final JsonValueParser values;
    private final String mode;
    private final int corruptField;

    FromJson(DataType type, ZoneId sessionZone, Map<String, String> options) {
        this.type = type;
        this.mapper = JsonOptions.mapper(options);
        String tz = options.get("timeZone");
        this.values = new JsonValueParser(new TimestampParser(tz == null ? sessionZone : ZoneId.of(tz),
                options.get("timestampFormat"), options.get("dateFormat")));
        this.mode = options.getOrDefault("mode", "PERMISSIVE").toUpperCase(Locale.ROOT);
        String corrupt = options.getOrDefault("columnNameOfCorruptRecord", "_corrupt_record");
        int c = -1;
        if (type instanceof StructType st) {
            for (int i = 0; i < st.length(); i++) {
                if (st.apply(i).name().equals(corrupt) && st.apply(i).dataType() == DataTypes.StringType) {
                    c = i;
                }
            }
        }
        this.corruptField = c;
    }

    /** Writes the value read from the JSON text at {@code (b, off, len)} into {@code out}; its length, or -1 for null. */
    public int read(DirectBuffer b, int off, int len, CollectionOut out) {
        if (!mode.equals("PERMISSIVE") && !mode.equals("FAILFAST")) {
            throw Unchecked.raise(new AnalysisException("PARSE_MODE_UNSUPPORTED",
                    Map.of("funcName", ErrorParams.id("from_json"), "mode", mode)));
        }
        String text = b.getStringWithoutLengthUtf8(off, len);
        if (text.isBlank()) {
            return -1;
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (Exception e) {
            node = null;
        }
        if (type instanceof StructType st) {
            return struct(st, node, text, out);
        }
        Object v;
        try {
            if (node == null) {
                return -1;
            }
            if (type instanceof ArrayType at && at.elementType() instanceof StructType st && (node.isObject() || node.isArray())) {
                v = structs(st, node);
            } else if (type instanceof ArrayType && !node.isArray() || type instanceof MapType && !node.isObject()) {
                return -1;
            } else {
                v = values.convert("", node, type);
            }
        } catch (RuntimeException e) {
            return -1;
        }
        byte[] bytes = type instanceof ArrayType at ? CollectionCodec.encodeArray(v, at.elementType())
                : CollectionCodec.encodeMap((Map<?, ?>) v, (MapType) type);
        out.ensureCapacity(bytes.length);
        out.buffer().putBytes(0, bytes);
        return bytes.length;
    }

    /** One object, or an array of objects, as structs whose fields that do not convert are null. */
    private List<Object> structs(StructType st, JsonNode node) {
        List<Object> out = new java.util.ArrayList<>();
        for (JsonNode o : node.isArray() ? node : List.of(node)) {
            if (o == null || o.isNull()) {
                out.add(null);
                continue;
            }
            if (!o.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            Object[] fields = new Object[st.length()];
            for (int i = 0; i < fields.length; i++) {
                try {
                    fields[i] = values.convert(st.apply(i).name(), o.get(st.apply(i).name()), st.apply(i).dataType());
                } catch (RuntimeException e) {
                    fields[i] = null; // Spark's partial result
                }
            }
            out.add(new io.tideway.engine.row.GenericRow(fields, st));
        }
        return out;
    }

    private int struct(StructType st, JsonNode node, String text, CollectionOut out) {
        Object[] fields = new Object[st.length()];
        boolean malformed = node == null || !node.isObject();
        if (!malformed) {
            for (int i = 0; i < fields.length; i++) {
                if (i == corruptField) {
                    continue;
                }
                try {
                    fields[i] = values.convert(st.apply(i).name(), node.get(st.apply(i).name()), st.apply(i).dataType());
                } catch (RuntimeException e) {
                    malformed = true;
                }
            }
        }
        return ParsedRecord.finish(fields, malformed, mode, corruptField, text, st, out);
    }
}

package io.tideway.engine.source.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.SparkException;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.spi.Options;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The schema of JSON Lines files, as Spark's {@code JsonInferSchema} infers it with its defaults:
 * every record read; an object's fields sorted by name; integral numbers {@code bigint}, other
 * numbers {@code double}, strings {@code string} (no date or timestamp inference), booleans
 * {@code boolean}, arrays and objects recursively; two types merge to the wider ({@code bigint}
 * and {@code double} to {@code double}, objects field by field) or else to {@code string}; a field
 * only ever null is a {@code string}, an object without fields is dropped. A record that is an
 * array of objects counts each object; with {@code multiLine} a file is one record. Options:
 * {@code primitivesAsString} (numbers and booleans are strings) and {@code dropFieldIfAllNull}
 * (fields only ever null or empty arrays are dropped). A malformed record adds
 * the corrupt-record column in PERMISSIVE mode, is ignored in DROPMALFORMED mode, and fails in
 * FAILFAST mode with Spark's error naming that column. Stateless.
 *
 * <p>Known difference: an integer beyond {@code bigint} is {@code double} (Spark infers a decimal,
 * which Tideway does not have yet).
 */
final class JsonSchemaInference {
    private JsonSchemaInference() {
    }

    static StructType infer(List<Path> files, Options options) {
        return infer(InferenceInput.files(files), options, JsonFormat.multiLine(options));
    }

    /** The schema of {@code input}'s records, each a line or ({@code wholeRecords}) a whole text. */
    static StructType infer(InferenceInput input, Options options, boolean wholeRecords) {
        ObjectMapper mapper = JsonFormat.mapper(options);
        ParseMode mode = ParseMode.fromOptions(options);
        String corruptColumn = options.getOrDefault(MalformedRecordPolicy.CORRUPT_COLUMN_OPTION,
                MalformedRecordPolicy.DEFAULT_CORRUPT_COLUMN);
        Inference inference = new Inference(options.contains("primitivesAsString")
                && FileSourceOptions.bool(options, "primitivesAsString"));
        TreeMap<String, DataType> fields = new TreeMap<>();
        boolean[] corrupt = {false};
        java.util.function.Consumer<String> record = text -> {
            if (text.isBlank()) {
                return;
            }
            JsonNode root;
            try {
                root = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                corrupt[0] |= malformed(mode, corruptColumn, e);
                return;
            }
            if (root == null || root.isMissingNode()) {
                return;
            }
            if (root.isObject()) {
                inference.mergeInto(fields, root);
            } else if (root.isArray() && allObjects(root)) {
                root.forEach(o -> inference.mergeInto(fields, o)); // an array of objects: a row each
            } else {
                corrupt[0] |= malformed(mode, corruptColumn, null);
            }
        };
        if (wholeRecords) {
            input.forEachWhole(record);
        } else {
            input.forEachLine((n, line) -> record.accept(line));
        }
        if (corrupt[0]) {
            fields.put(corruptColumn, DataTypes.StringType);
        }
        boolean dropAllNull = options.contains("dropFieldIfAllNull") && FileSourceOptions.bool(options, "dropFieldIfAllNull");
        return canonical(fields, dropAllNull);
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode e : array) {
            if (!e.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** Whether to add the corrupt-record column; FAILFAST throws Spark's schema-inference error. */
    private static boolean malformed(ParseMode mode, String corruptColumn, Throwable cause) {
        if (mode == ParseMode.FAILFAST) {
            throw Unchecked.raise(new SparkException("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
                    Map.of("badRecord", corruptColumn, "failFastMode", ParseMode.FAILFAST.name()), cause));
        }
        return mode == ParseMode.PERMISSIVE;
    }

    /** Infers field types; with {@code primitivesAsString} numbers and booleans are strings. */
    private record Inference(boolean primitivesAsString) {
        void mergeInto(TreeMap<String, DataType> fields, JsonNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                fields.merge(e.getKey(), typeOf(e.getValue()), JsonSchemaInference::compatible);
            }
        }

        DataType typeOf(JsonNode n) {
            if (n == null || n.isNull()) {
                return DataTypes.NullType;
            } else if (n.isTextual() || primitivesAsString && (n.isBoolean() || n.isNumber())) {
                return DataTypes.StringType;
            } else if (n.isBoolean()) {
                return DataTypes.BooleanType;
            } else if (n.isIntegralNumber()) {
                return n.canConvertToLong() ? DataTypes.LongType : DataTypes.DoubleType;
            } else if (n.isNumber()) {
                return DataTypes.DoubleType;
            } else if (n.isArray()) {
                DataType element = DataTypes.NullType;
                for (JsonNode x : n) {
                    element = compatible(element, typeOf(x));
                }
                return new ArrayType(element, true);
            } else if (n.isObject()) {
                TreeMap<String, DataType> fields = new TreeMap<>();
                mergeInto(fields, n);
                return struct(fields);
            }
            return DataTypes.StringType;
        }
    }

    /** Spark's {@code JsonInferSchema.compatibleType}. */
    private static DataType compatible(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        } else if (a == DataTypes.NullType) {
            return b;
        } else if (b == DataTypes.NullType) {
            return a;
        } else if (isNumber(a) && isNumber(b)) {
            return DataTypes.DoubleType;
        } else if (a instanceof StructType sa && b instanceof StructType sb) {
            TreeMap<String, DataType> fields = new TreeMap<>();
            for (StructField f : sa.fields()) {
                fields.put(f.name(), f.dataType());
            }
            for (StructField f : sb.fields()) {
                fields.merge(f.name(), f.dataType(), JsonSchemaInference::compatible);
            }
            return struct(fields);
        } else if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
            return new ArrayType(compatible(aa.elementType(), ab.elementType()), true);
        }
        return DataTypes.StringType;
    }

    private static boolean isNumber(DataType t) {
        return t == DataTypes.LongType || t == DataTypes.DoubleType;
    }

    private static StructType struct(TreeMap<String, DataType> fields) {
        StructType s = new StructType();
        for (Map.Entry<String, DataType> f : fields.entrySet()) {
            s = s.add(f.getKey(), f.getValue(), true);
        }
        return s;
    }

    /**
     * Spark's {@code canonicalizeType}: a type seen only as null becomes string (with
     * {@code dropFieldIfAllNull} its field is dropped, as are empty arrays), and fields of empty
     * objects are dropped.
     */
    private static StructType canonical(TreeMap<String, DataType> fields, boolean dropAllNull) {
        StructType s = new StructType();
        for (Map.Entry<String, DataType> f : fields.entrySet()) {
            DataType t = canonical(f.getValue(), dropAllNull);
            if (t != null) {
                s = s.add(f.getKey(), t, true);
            }
        }
        return s;
    }

    private static DataType canonical(DataType t, boolean dropAllNull) {
        if (t == DataTypes.NullType) {
            return dropAllNull ? null : DataTypes.StringType;
        } else if (t instanceof ArrayType a) {
            DataType e = canonical(a.elementType(), dropAllNull);
            return e == null ? null : new ArrayType(e, true);
        } else if (t instanceof StructType st) {
            TreeMap<String, DataType> fields = new TreeMap<>();
            for (StructField f : st.fields()) {
                fields.put(f.name(), f.dataType());
            }
            StructType c = canonical(fields, dropAllNull);
            return c.length() == 0 ? null : c;
        }
        return t;
    }
}

package io.tideway.sql.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's JSON schema format, both ways: the value tree each type writes (its {@code jsonValue})
 * and Spark's {@code DataType.parseDataType}, which accepts an object only with exactly the keys
 * Spark writes (a struct field may omit {@code metadata}, then {@code nullable}). The one
 * definition of the format: {@link DataType#json()}, Parquet footers and checkpoints use it.
 * Stateless.
 */
final class DataTypeJson {
    private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");
    private static final Pattern CHAR = Pattern.compile("char\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern VARCHAR = Pattern.compile("varchar\\(\\s*(\\d+)\\s*\\)");
    private static final Map<String, DataType> NAMED = named();

    private DataTypeJson() {
    }

    private static Map<String, DataType> named() {
        Map<String, DataType> m = new LinkedHashMap<>();
        for (DataType t : new DataType[]{DataTypes.NullType, DataTypes.DateType, DataTypes.TimestampType,
                DataTypes.BinaryType, DataTypes.IntegerType, DataTypes.BooleanType, DataTypes.LongType,
                DataTypes.DoubleType, DataTypes.FloatType, DataTypes.ShortType, DataTypes.ByteType,
                DataTypes.StringType, DataTypes.CalendarIntervalType, DataTypes.TimestampNTZType,
                DataTypes.VariantType}) {
            m.put(t.typeName(), t);
        }
        for (byte s = 0; s <= 3; s++) {
            for (byte e = s; e <= 3; e++) {
                DataType t = new DayTimeIntervalType(s, e);
                m.put(t.typeName(), t);
            }
        }
        for (byte s = 0; s <= 1; s++) {
            for (byte e = s; e <= 1; e++) {
                DataType t = new YearMonthIntervalType(s, e);
                m.put(t.typeName(), t);
            }
        }
        m.put("null", DataTypes.NullType);
        m.put("timestamp_ltz", DataTypes.TimestampType);
        m.put("decimal", DecimalType.USER_DEFAULT);
        return Map.copyOf(m);
    }

    /** A struct field's value tree: {@code name}, {@code type}, {@code nullable}, {@code metadata}, in Spark's order. */
    static Map<String, Object> field(StructField f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("type", f.dataType().jsonValue());
        m.put("nullable", f.nullable());
        m.put("metadata", f.metadata().jsonValue());
        return m;
    }

    /** Parses Spark's JSON schema text. */
    static DataType fromJson(String json) {
        Object tree;
        try {
            tree = JsonParser.parse(json);
        } catch (IllegalArgumentException e) {
            throw SparkErrorBridge.illegalArgument("INVALID_JSON_DATA_TYPE", Map.of("invalidType", json));
        }
        return type(tree);
    }

    static DataType type(Object v) {
        if (v instanceof String name) {
            return named(name);
        }
        if (v instanceof Map<?, ?> m) {
            Set<Object> keys = new TreeSet<>(m.keySet());
            Object type = m.get("type");
            if ("array".equals(type) && keys.equals(Set.of("containsNull", "elementType", "type"))
                    && m.get("containsNull") instanceof Boolean n) {
                return new ArrayType(type(m.get("elementType")), n);
            }
            if ("map".equals(type) && keys.equals(Set.of("keyType", "type", "valueContainsNull", "valueType"))
                    && m.get("valueContainsNull") instanceof Boolean n) {
                return new MapType(type(m.get("keyType")), type(m.get("valueType")), n);
            }
            if ("struct".equals(type) && keys.equals(Set.of("fields", "type")) && m.get("fields") instanceof List<?> fs) {
                List<StructField> fields = new ArrayList<>();
                for (Object f : fs) {
                    fields.add(field(f));
                }
                return StructType.of(fields);
            }
            if ("udt".equals(type) && keys.equals(Set.of("class", "pyClass", "sqlType", "type"))
                    && m.get("class") instanceof String cls) {
                return UDTRegistration.instantiate(cls);
            }
        }
        throw SparkErrorBridge.illegalArgument("INVALID_JSON_DATA_TYPE", Map.of("invalidType", JsonWriter.compact(v)));
    }

    private static StructField field(Object v) {
        if (v instanceof Map<?, ?> m && m.get("name") instanceof String name && m.containsKey("type")) {
            Set<Object> keys = new TreeSet<>(m.keySet());
            Object nullable = m.get("nullable");
            Object metadata = m.get("metadata");
            if (keys.equals(Set.of("metadata", "name", "nullable", "type")) && nullable instanceof Boolean n
                    && metadata instanceof Map<?, ?> md) {
                return new StructField(name, type(m.get("type")), n, Metadata.fromTree(md));
            }
            if (keys.equals(Set.of("name", "nullable", "type")) && nullable instanceof Boolean n) {
                return new StructField(name, type(m.get("type")), n);
            }
            if (keys.equals(Set.of("name", "type"))) {
                return new StructField(name, type(m.get("type")), true);
            }
        }
        // Spark 4.0's parser has no case for it: a MatchError
        throw new scala.MatchError(JsonWriter.compact(v));
    }

    private static DataType named(String name) {
        Matcher m = DECIMAL.matcher(name);
        if (m.matches()) {
            return new DecimalType(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = CHAR.matcher(name);
        if (m.matches()) {
            return new CharType(Integer.parseInt(m.group(1)));
        }
        m = VARCHAR.matcher(name);
        if (m.matches()) {
            return new VarcharType(Integer.parseInt(m.group(1)));
        }
        DataType t = NAMED.get(name);
        if (t == null) {
            throw SparkErrorBridge.illegalArgument("INVALID_JSON_DATA_TYPE", Map.of("invalidType", name));
        }
        return t;
    }
}

package io.tideway.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema as Spark's {@code StructType.json} writes it, the value of the Parquet footer key
 * {@value #ROW_METADATA_KEY}: Spark reads a file's column types from it exactly (byte and short
 * stay byte and short, a timestamp written as INT96 stays a timestamp), and so does Tideway.
 * Stateless.
 */
final class SparkSchemaJson {
    static final String ROW_METADATA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");

    private SparkSchemaJson() {
    }

    /** {@code {"type":"struct","fields":[{"name":..,"type":..,"nullable":..,"metadata":{}}]}}, compact, as Spark writes it. */
    static String toJson(StructType schema) {
        StringBuilder sb = new StringBuilder();
        struct(schema, sb);
        return sb.toString();
    }

    private static void struct(StructType schema, StringBuilder sb) {
        sb.append("{\"type\":\"struct\",\"fields\":[");
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"name\":").append(quote(fields[i].name())).append(",\"type\":");
            type(fields[i].dataType(), sb);
            sb.append(",\"nullable\":").append(fields[i].nullable()).append(",\"metadata\":{}}");
        }
        sb.append("]}");
    }

    private static void type(DataType t, StringBuilder sb) {
        if (t instanceof StructType st) {
            struct(st, sb);
        } else if (t instanceof ArrayType at) {
            sb.append("{\"type\":\"array\",\"elementType\":");
            type(at.elementType(), sb);
            sb.append(",\"containsNull\":").append(at.containsNull()).append('}');
        } else if (t instanceof MapType mt) {
            sb.append("{\"type\":\"map\",\"keyType\":");
            type(mt.keyType(), sb);
            sb.append(",\"valueType\":");
            type(mt.valueType(), sb);
            sb.append(",\"valueContainsNull\":").append(mt.valueContainsNull()).append('}');
        } else {
            sb.append(quote(t.typeName()));
        }
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema in {@code json}, or null when it names a type Tideway does not have (then the Parquet types decide). */
    static StructType fromJson(String json) {
        try {
            DataType t = type(MAPPER.readTree(json));
            return t instanceof StructType st ? st : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static DataType type(JsonNode n) {
        if (n.isTextual()) {
            return atomic(n.asText());
        }
        String type = n.path("type").asText();
        switch (type) {
            case "struct" -> {
                StructType st = new StructType();
                for (JsonNode f : n.path("fields")) {
                    st = st.add(new StructField(f.path("name").asText(), type(f.path("type")),
                            f.path("nullable").asBoolean(true), io.tideway.sql.types.Metadata.empty()));
                }
                return st;
            }
            case "array" -> {
                return new ArrayType(type(n.path("elementType")), n.path("containsNull").asBoolean(true));
            }
            case "map" -> {
                return new MapType(type(n.path("keyType")), type(n.path("valueType")), n.path("valueContainsNull").asBoolean(true));
            }
            default -> throw new IllegalArgumentException("unsupported type " + type);
        }
    }

    private static DataType atomic(String name) {
        Matcher m = DECIMAL.matcher(name);
        if (m.matches()) {
            return new DecimalType(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return switch (name) {
            case "boolean" -> DataTypes.BooleanType;
            case "byte" -> DataTypes.ByteType;
            case "short" -> DataTypes.ShortType;
            case "integer" -> DataTypes.IntegerType;
            case "long" -> DataTypes.LongType;
            case "float" -> DataTypes.FloatType;
            case "double" -> DataTypes.DoubleType;
            case "string" -> DataTypes.StringType;
            case "binary" -> DataTypes.BinaryType;
            case "variant" -> DataTypes.VariantType;
            case "date" -> DataTypes.DateType;
            case "timestamp" -> DataTypes.TimestampType;
            case "timestamp_ntz" -> DataTypes.TimestampNTZType;
            case "decimal" -> DecimalType.SYSTEM_DEFAULT;
            default -> throw new IllegalArgumentException("unsupported type " + name);
        };
    }
}

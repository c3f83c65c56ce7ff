package io.tideway.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.row.GenericRow;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts a JSON value to the Java value of a schema type, following Spark's
 * {@code JacksonParser}: JSON null is null; a string field takes any value (non-strings as their
 * JSON text); int and long take integral numbers in range; double takes any number and
 * {@code "NaN"}/{@code "Infinity"}/{@code "-Infinity"}; timestamps take ISO strings or epoch
 * seconds; arrays, maps (string keys) and structs recurse. Anything else throws Spark's
 * {@code CANNOT_PARSE_JSON_FIELD}, making the record malformed.
 *
 * <p>Threading: immutable and thread-safe.
 */
public final class JsonValueParser {
    private final TimestampParser timestamps;

    public JsonValueParser(TimestampParser timestamps) {
        this.timestamps = timestamps;
    }

    /** The texts a float or double field reads as NaN or an infinity. */
    private static final java.util.Set<String> FLOAT_WORDS = java.util.Set.of("NaN", "Infinity", "+Infinity", "Inf", "+Inf",
            "-Infinity", "-Inf");

    /** The value of {@code node}, the value of field {@code name} (named in the error), as type {@code t}. */
    public Object convert(String name, JsonNode node, DataType t) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (t == DataTypes.StringType) {
            return node.isTextual() ? node.textValue() : node.toString();
        } else if (t == DataTypes.IntegerType) {
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            }
        } else if (t == DataTypes.LongType) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
        } else if (t == DataTypes.ByteType || t == DataTypes.ShortType) {
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                int v = node.intValue();
                if (t == DataTypes.ByteType && v == (byte) v) {
                    return (byte) v;
                }
                if (t == DataTypes.ShortType && v == (short) v) {
                    return (short) v;
                }
            }
        } else if (t instanceof io.tideway.sql.types.DecimalType d) {
            if (node.isNumber()) {
                java.math.BigDecimal v = io.tideway.engine.expr.DecimalKernels.toPrecision(node.decimalValue(),
                        d.precision(), d.scale(), false);
                if (v != null) {
                    return v;
                }
            }
        } else if (t == DataTypes.FloatType) {
            if (node.isNumber() || node.isTextual() && FLOAT_WORDS.contains(node.textValue())) {
                return ((Double) convert(name, node, DataTypes.DoubleType)).floatValue();
            }
        } else if (t == DataTypes.DoubleType) {
            if (node.isNumber()) {
                return node.doubleValue();
            }
            if (node.isTextual()) {
                switch (node.textValue()) {
                    case "NaN": return Double.NaN;
                    case "Infinity": case "+Infinity": case "Inf": case "+Inf": return Double.POSITIVE_INFINITY;
                    case "-Infinity": case "-Inf": return Double.NEGATIVE_INFINITY;
                    default: break;
                }
            }
        } else if (t == DataTypes.BooleanType) {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
        } else if (t == DataTypes.TimestampType) {
            if (node.isTextual()) {
                return timestamps.timestamp(node.textValue());
            }
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return TimestampParser.fromEpochSeconds(node.longValue());
            }
        } else if (t == DataTypes.DateType) {
            if (node.isTextual()) {
                return timestamps.date(node.textValue());
            }
        } else if (t instanceof ArrayType at) {
            if (node.isArray()) {
                List<Object> out = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    out.add(convert(name, element, at.elementType()));
                }
                return out;
            }
        } else if (t instanceof io.tideway.sql.types.MapType mt) {
            if (node.isObject() && mt.keyType() == DataTypes.StringType) {
                Map<Object, Object> out = new java.util.LinkedHashMap<>();
                var fields = node.fields();
                while (fields.hasNext()) {
                    var e = fields.next();
                    out.put(e.getKey(), convert(e.getKey(), e.getValue(), mt.valueType()));
                }
                return out;
            }
        } else if (t instanceof StructType st) {
            if (node.isObject()) {
                Object[] fields = new Object[st.length()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = convert(st.apply(i).name(), node.get(st.apply(i).name()), st.apply(i).dataType());
                }
                return new GenericRow(fields, st);
            }
        }
        throw new SparkRuntimeException("CANNOT_PARSE_JSON_FIELD", Map.of("fieldName", ErrorParams.value(name),
                "fieldValue", tokenText(node), "jsonType", node.asToken().name(), "dataType", ErrorParams.type(t)));
    }

    /** The text Jackson's parser gives for the value's first token ({@code getText}). */
    private static String tokenText(JsonNode node) {
        if (node.isObject()) {
            return "{";
        } else if (node.isArray()) {
            return "[";
        }
        return node.asText();
    }
}

package io.tideway.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The type of a JSON value as Spark's {@code JsonInferSchema} infers it for {@code schema_of_json}:
 * integers BIGINT, other numbers DOUBLE, strings STRING, objects structs with their fields sorted
 * by name, arrays their elements' merged type; merging widens BIGINT to DOUBLE, merges structs
 * field by field and takes STRING where types conflict; a null (or an empty array's element)
 * left at the end is STRING. Stateless.
 */
public final class JsonSchemaInferrer {
    private JsonSchemaInferrer() {
    }

    /** The type of {@code node}, with nulls made STRING. */
    public static DataType infer(JsonNode node) {
        return settle(type(node));
    }

    private static DataType type(JsonNode node) {
        if (node == null || node.isNull()) {
            return DataTypes.NullType;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? DataTypes.LongType : DataTypes.DoubleType;
        }
        if (node.isNumber()) {
            return DataTypes.DoubleType;
        }
        if (node.isBoolean()) {
            return DataTypes.BooleanType;
        }
        if (node.isArray()) {
            DataType e = DataTypes.NullType;
            for (JsonNode x : node) {
                e = merge(e, type(x));
            }
            return DataTypes.createArrayType(e, true);
        }
        if (node.isObject()) {
            Map<String, DataType> fields = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                fields.merge(f.getKey(), type(f.getValue()), JsonSchemaInferrer::merge);
            }
            return struct(fields);
        }
        return DataTypes.StringType;
    }

    private static StructType struct(Map<String, DataType> fields) {
        StructType st = new StructType();
        for (Map.Entry<String, DataType> f : fields.entrySet()) {
            st = st.add(f.getKey(), f.getValue(), true);
        }
        return st;
    }

    private static DataType merge(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a == DataTypes.NullType) {
            return b;
        }
        if (b == DataTypes.NullType) {
            return a;
        }
        if (a.isNumeric() && b.isNumeric()) {
            return DataTypes.DoubleType;
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return DataTypes.createArrayType(merge(x.elementType(), y.elementType()), true);
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            Map<String, DataType> fields = new TreeMap<>();
            for (StructField f : x.fields()) {
                fields.put(f.name(), f.dataType());
            }
            for (StructField f : y.fields()) {
                fields.merge(f.name(), f.dataType(), JsonSchemaInferrer::merge);
            }
            return struct(fields);
        }
        return DataTypes.StringType;
    }

    /** Nulls left after merging become STRING, as Spark's {@code canonicalizeType}. */
    private static DataType settle(DataType t) {
        if (t == DataTypes.NullType) {
            return DataTypes.StringType;
        }
        if (t instanceof ArrayType a) {
            return DataTypes.createArrayType(settle(a.elementType()), true);
        }
        if (t instanceof StructType st) {
            StructType out = new StructType();
            for (StructField f : st.fields()) {
                out = out.add(f.name(), settle(f.dataType()), true);
            }
            return out;
        }
        return t;
    }
}

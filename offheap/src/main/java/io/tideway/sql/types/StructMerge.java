package io.tideway.sql.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's schema merge ({@code StructType.merge}): fields matched by name keep the left one's
 * place and metadata, with merged types and either side's nullability; fields only on the right
 * follow. Types merge as Spark's: arrays and maps element-wise, decimals of one scale to the wider
 * precision, interval types to the span of both, equal types to themselves; anything else is
 * Spark's {@code [CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE]}. Stateless.
 */
final class StructMerge {
    private StructMerge() {
    }

    static StructType merge(StructType left, StructType right, boolean caseSensitive) {
        Map<String, StructField> rightByName = byName(right, caseSensitive);
        List<StructField> merged = new ArrayList<>();
        for (StructField l : left) {
            StructField r = rightByName.get(key(l.name(), caseSensitive));
            if (r == null) {
                merged.add(l);
                continue;
            }
            DataType type;
            try {
                type = merge(l.dataType(), r.dataType(), caseSensitive);
            } catch (Exception e) {
                // Spark names the fields' types, not the nested ones that clashed
                throw incompatible(l.dataType(), r.dataType());
            }
            merged.add(new StructField(l.name(), type, l.nullable() || r.nullable(), l.metadata()));
        }
        Map<String, StructField> leftByName = byName(left, caseSensitive);
        for (StructField r : right) {
            if (!leftByName.containsKey(key(r.name(), caseSensitive))) {
                merged.add(r);
            }
        }
        return StructType.of(merged);
    }

    private static DataType merge(DataType left, DataType right, boolean caseSensitive) {
        if (left instanceof ArrayType l && right instanceof ArrayType r) {
            return new ArrayType(merge(l.elementType(), r.elementType(), caseSensitive),
                    l.containsNull() || r.containsNull());
        }
        if (left instanceof MapType l && right instanceof MapType r) {
            return new MapType(merge(l.keyType(), r.keyType(), caseSensitive),
                    merge(l.valueType(), r.valueType(), caseSensitive), l.valueContainsNull() || r.valueContainsNull());
        }
        if (left instanceof StructType l && right instanceof StructType r) {
            return merge(l, r, caseSensitive);
        }
        if (left instanceof DecimalType l && right instanceof DecimalType r) {
            if (l.scale() != r.scale()) {
                throw incompatible(left, right);
            }
            return new DecimalType(Math.max(l.precision(), r.precision()), l.scale());
        }
        if (left instanceof UserDefinedType<?> l && right instanceof UserDefinedType<?> r
                && l.userClass() == r.userClass()) {
            return left;
        }
        if (left instanceof YearMonthIntervalType l && right instanceof YearMonthIntervalType r) {
            return new YearMonthIntervalType((byte) Math.min(l.startField(), r.startField()),
                    (byte) Math.max(l.endField(), r.endField()));
        }
        if (left instanceof DayTimeIntervalType l && right instanceof DayTimeIntervalType r) {
            return new DayTimeIntervalType((byte) Math.min(l.startField(), r.startField()),
                    (byte) Math.max(l.endField(), r.endField()));
        }
        if (left.equals(right)) {
            return left;
        }
        throw incompatible(left, right);
    }

    private static RuntimeException incompatible(DataType left, DataType right) {
        return SparkErrorBridge.sparkException("CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE",
                Map.of("left", "\"" + left.sql() + "\"", "right", "\"" + right.sql() + "\""));
    }

    private static Map<String, StructField> byName(StructType s, boolean caseSensitive) {
        Map<String, StructField> m = new LinkedHashMap<>();
        for (StructField f : s) {
            m.put(key(f.name(), caseSensitive), f);
        }
        return m;
    }

    private static String key(String name, boolean caseSensitive) {
        return caseSensitive ? name : name.toLowerCase(Locale.ROOT);
    }
}

package io.tideway.sql.types;

import java.util.Objects;

/**
 * A map from keys of one type to values of another, mirroring Spark's {@code MapType}: keys are
 * never null; values may be when {@link #valueContainsNull}. Its values are stored as two arrays
 * side by side ({@code io.tideway.offheap.row.MapDescriptor}). Immutable.
 */
public final class MapType extends DataType {
    private static final long serialVersionUID = 1L;
    private final DataType keyType;
    private final DataType valueType;
    private final boolean valueContainsNull;

    /** A map type; {@code valueContainsNull} says whether a value may be null (a key never may). */
    public MapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.valueContainsNull = valueContainsNull;
    }

    /** Spark's {@code MapType.apply(k, v)}: values may be null. */
    public static MapType apply(DataType keyType, DataType valueType) {
        return new MapType(keyType, valueType, true);
    }

    /** The type of the keys. */
    public DataType keyType() {
        return keyType;
    }

    /** The type of the values. */
    public DataType valueType() {
        return valueType;
    }

    /** Whether a value may be null. */
    public boolean valueContainsNull() {
        return valueContainsNull;
    }

    @Override
    public String typeName() {
        return "map";
    }

    @Override
    Object jsonValue() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", typeName());
        m.put("keyType", keyType.jsonValue());
        m.put("valueType", valueType.jsonValue());
        m.put("valueContainsNull", valueContainsNull);
        return m;
    }

    @Override
    public String sql() {
        return "MAP<" + keyType.sql() + ", " + valueType.sql() + ">";
    }

    @Override
    public String simpleString() {
        return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
    }

    @Override
    public boolean isFixedWidth() {
        return false;
    }

    @Override
    public String toString() {
        return "MapType(" + keyType + "," + valueType + "," + valueContainsNull + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapType m && m.keyType.equals(keyType) && m.valueType.equals(valueType)
                && m.valueContainsNull == valueContainsNull;
    }

    @Override
    public int hashCode() {
        return (keyType.hashCode() * 31 + valueType.hashCode()) * 31 + (valueContainsNull ? 1 : 0);
    }

    /** Spark's estimate: one entry. */
    @Override
    public int defaultSize() {
        return keyType.defaultSize() + valueType.defaultSize();
    }
}

package io.tideway.sql.types;

import java.util.Objects;

/** An array of elements of one type, mirroring Spark's {@code ArrayType}. Immutable. */
public final class ArrayType extends DataType {
    private static final long serialVersionUID = 1L;
    private final DataType elementType;
    private final boolean containsNull;

    /** An array type; {@code containsNull} says whether an element may be null. */
    public ArrayType(DataType elementType, boolean containsNull) {
        this.elementType = Objects.requireNonNull(elementType, "elementType");
        this.containsNull = containsNull;
    }

    /** Spark's {@code ArrayType.apply(t)}: an array whose elements may be null. */
    public static ArrayType apply(DataType elementType) {
        return new ArrayType(elementType, true);
    }

    /** The type of the elements. */
    public DataType elementType() {
        return elementType;
    }

    /** Whether an element may be null. */
    public boolean containsNull() {
        return containsNull;
    }

    @Override
    public String typeName() {
        return "array";
    }

    @Override
    Object jsonValue() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", typeName());
        m.put("elementType", elementType.jsonValue());
        m.put("containsNull", containsNull);
        return m;
    }

    @Override
    public String sql() {
        return "ARRAY<" + elementType.sql() + ">";
    }

    @Override
    public String simpleString() {
        return "array<" + elementType.simpleString() + ">";
    }

    @Override
    public boolean isFixedWidth() {
        return false;
    }

    @Override
    public String toString() {
        return "ArrayType(" + elementType + "," + containsNull + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayType a && a.elementType.equals(elementType) && a.containsNull == containsNull;
    }

    @Override
    public int hashCode() {
        return elementType.hashCode() * 31 + (containsNull ? 1 : 0);
    }

    /** Spark's estimate: one element. */
    @Override
    public int defaultSize() {
        return elementType.defaultSize();
    }
}

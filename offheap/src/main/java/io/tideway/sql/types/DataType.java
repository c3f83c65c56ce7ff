package io.tideway.sql.types;

/**
 * The type of a column, mirroring {@code org.apache.spark.sql.types.DataType}. Instances are
 * immutable and safe to share between threads.
 */
public abstract class DataType extends AbstractDataType {
    private static final long serialVersionUID = 1L;

    /** Spark's size estimate of a value of this type, in bytes (plans use it to size broadcasts). */
    public abstract int defaultSize();

    /**
     * The type as Spark's JSON schema format writes it, compact: the format of
     * {@code StructType.json}, Parquet footers and checkpoints ({@code "integer"},
     * {@code {"type":"array","elementType":"string","containsNull":true}}).
     */
    public String json() {
        return JsonWriter.compact(jsonValue());
    }

    /** {@link #json()} indented as Spark's {@code prettyJson} (Jackson's default pretty printer). */
    public String prettyJson() {
        return JsonWriter.pretty(jsonValue());
    }

    /**
     * The type a JSON schema string describes, as Spark's {@code DataType.fromJson}; text that is
     * not one throws Spark's {@code [INVALID_JSON_DATA_TYPE]}.
     */
    public static DataType fromJson(String json) {
        return DataTypeJson.fromJson(json);
    }

    /**
     * A type from DDL, as Spark's {@code DataType.fromDDL}: a type name ({@code "array<int>"}),
     * else a field list read as a struct ({@code "a INT, b STRING"}).
     */
    public static DataType fromDDL(String ddl) {
        try {
            return TypeNames.parse(ddl);
        } catch (DdlParseException e) {
            try {
                return TypeNames.parseFields(ddl);
            } catch (DdlParseException ignored) {
                throw DdlErrors.raise(e);
            }
        }
    }

    /** Whether the types are equal but for nullability (of fields, array elements, map values). */
    public static boolean equalsIgnoreNullability(DataType left, DataType right) {
        return TypeEquality.ignoringNullability(left, right, false);
    }

    /** As {@link #equalsIgnoreNullability}, also ignoring the case of field names. */
    public static boolean equalsIgnoreCaseAndNullability(DataType left, DataType right) {
        return TypeEquality.ignoringNullability(left, right, true);
    }

    /** Whether the types have the same shape whatever their field names; nullability too unless {@code ignoreNullability}. */
    public static boolean equalsStructurally(DataType from, DataType to, boolean ignoreNullability) {
        return TypeEquality.structurally(from, to, ignoreNullability);
    }

    /** The JSON value tree {@link #json()} writes: the type name, or an object for nested types. */
    Object jsonValue() {
        return typeName();
    }

    /** Name used by {@code printSchema()}, e.g. {@code integer}, {@code long}, {@code array}. */
    public abstract String typeName();

    /** Short SQL-like name, e.g. {@code int}, {@code bigint}, {@code array<string>}. */
    public abstract String simpleString();

    /** Name used in DDL and {@code cast(... as T)}; the same as {@link #simpleString()} here. */
    public String catalogString() {
        return simpleString();
    }

    /** Spark's {@code sql}: the type as SQL text and error messages write it ({@code INT}, {@code ARRAY<STRING>}, {@code DECIMAL(10,2)}). */
    public String sql() {
        return simpleString().toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether values of this type live in the row's fixed 8-byte slot (not the variable region). */
    public abstract boolean isFixedWidth();

    /** Whether this type is numeric (arithmetic and sum/avg apply). */
    public boolean isNumeric() {
        return false;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}

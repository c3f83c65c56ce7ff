package io.tideway.sql.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A row type: an ordered list of named fields, mirroring Spark's {@code StructType}. Immutable;
 * {@code add} returns a new instance, as in Spark.
 */
public final class StructType extends DataType implements Iterable<StructField> {
    private static final long serialVersionUID = 1L;
    private final StructField[] fields;

    /** A struct with no fields, to grow with {@code add}. */
    public StructType() {
        this(new StructField[0]);
    }

    /** A struct of these fields, in order; the array is copied. */
    public StructType(StructField[] fields) {
        this.fields = fields.clone();
    }

    /** A struct of these fields, in list order. */
    public static StructType of(List<StructField> fields) {
        return new StructType(fields.toArray(new StructField[0]));
    }

    /**
     * Parses a DDL field list such as {@code "name STRING, age INT"}; text that cannot be read
     * throws what Spark throws, its {@code ParseException} (see {@link DdlErrorTranslator}).
     */
    public static StructType fromDDL(String ddl) {
        try {
            return TypeNames.parseFields(ddl);
        } catch (DdlParseException e) {
            throw DdlErrors.raise(e);
        }
    }

    /** A new struct with {@code field} appended; this one is unchanged. */
    public StructType add(StructField field) {
        StructField[] next = Arrays.copyOf(fields, fields.length + 1);
        next[fields.length] = field;
        return new StructType(next);
    }

    /** A new struct with a nullable field {@code name} of {@code type} appended. */
    public StructType add(String name, DataType type) {
        return add(new StructField(name, type, true));
    }

    /** A new struct with a field {@code name} of {@code type} appended. */
    public StructType add(String name, DataType type, boolean nullable) {
        return add(new StructField(name, type, nullable));
    }

    /** Adds a field whose type is given by name, e.g. {@code add("age", "int")}. */
    public StructType add(String name, String typeName) {
        return add(new StructField(name, TypeNames.parse(typeName), true));
    }

    /**
     * A new struct with a field whose type is given by name appended; an unknown type name throws
     * {@link DdlParseException}.
     */
    public StructType add(String name, String typeName, boolean nullable) {
        return add(new StructField(name, TypeNames.parse(typeName), nullable));
    }

    /** A new struct with a field carrying {@code metadata} appended. */
    public StructType add(String name, DataType type, boolean nullable, Metadata metadata) {
        return add(new StructField(name, type, nullable, metadata));
    }

    /** A new struct with a field carrying {@code comment} appended (a null one is kept as a null comment, as Spark's). */
    public StructType add(String name, DataType type, boolean nullable, String comment) {
        return add(new StructField(name, type, nullable).withComment(comment));
    }

    /** As {@link #add(String, DataType, boolean, Metadata)} with the type given by name. */
    public StructType add(String name, String typeName, boolean nullable, Metadata metadata) {
        return add(name, TypeNames.parse(typeName), nullable, metadata);
    }

    /** As {@link #add(String, DataType, boolean, String)} with the type given by name. */
    public StructType add(String name, String typeName, boolean nullable, String comment) {
        return add(name, TypeNames.parse(typeName), nullable, comment);
    }

    /** The field names in order, as {@link #fieldNames()}. */
    public String[] names() {
        return fieldNames();
    }

    /** The position of the field called exactly {@code name}, or none, as Spark's {@code getFieldIndex}. */
    public scala.Option<Object> getFieldIndex(String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equals(name)) {
                return scala.Option.apply(i);
            }
        }
        return scala.Option.empty();
    }

    /** The position of the field called {@code name} in any case, or none (several such fields: none). */
    public scala.Option<Object> getFieldIndexCaseInsensitive(String name) {
        int found = -1;
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equalsIgnoreCase(name)) {
                if (found >= 0) {
                    return scala.Option.empty();
                }
                found = i;
            }
        }
        return found < 0 ? scala.Option.empty() : scala.Option.apply(found);
    }

    /**
     * This schema merged with {@code that}, as Spark's {@code merge}: see {@link StructMerge};
     * {@code caseSensitive} says how field names match.
     */
    public StructType merge(StructType that, boolean caseSensitive) {
        return StructMerge.merge(this, that, caseSensitive);
    }

    /** Spark's estimate: the sum over the fields. */
    @Override
    public int defaultSize() {
        int size = 0;
        for (StructField f : fields) {
            size += f.dataType().defaultSize();
        }
        return size;
    }

    @Override
    Object jsonValue() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", typeName());
        List<Object> fs = new ArrayList<>();
        for (StructField f : fields) {
            fs.add(DataTypeJson.field(f));
        }
        m.put("fields", fs);
        return m;
    }

    /** {@code struct<a:int,b:string>} with each field type's catalog string, never truncated. */
    @Override
    public String catalogString() {
        StringBuilder sb = new StringBuilder("struct<");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i > 0 ? "," : "").append(fields[i].name()).append(':').append(fields[i].dataType().catalogString());
        }
        return sb.append('>').toString();
    }

    /** The fields in order, as a fresh array. */
    public StructField[] fields() {
        return fields.clone();
    }

    /**
     * The field at position {@code i}; {@code ArrayIndexOutOfBoundsException} when there is none.
     */
    public StructField apply(int i) {
        return fields[i];
    }

    /** The field called {@code name}, looked up as {@link #fieldIndex(String)} does. */
    public StructField apply(String name) {
        return fields[fieldIndex(name)];
    }

    /** The number of fields. */
    public int length() {
        return fields.length;
    }

    /** The number of fields, as {@link #length()}. */
    public int size() {
        return fields.length;
    }

    /** The field names in order. */
    public String[] fieldNames() {
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].name();
        }
        return names;
    }

    /** Index of a field by name (case-insensitive, as Spark's default resolver), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equals(name)) {
                return i;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The position of the field called exactly {@code name} (case-sensitive, as Spark's; the
     * engine's case-insensitive lookup is {@link #indexOf}); Spark 4's
     * {@code SparkIllegalArgumentException} {@code [FIELD_NOT_FOUND]} when there is none.
     */
    public int fieldIndex(String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equals(name)) {
                return i;
            }
        }
        throw FieldNotFound.error(name, fieldNames());
    }

    /** The fields in order, as a new modifiable list. */
    public List<StructField> toList() {
        return new ArrayList<>(Arrays.asList(fields));
    }

    @Override
    public Iterator<StructField> iterator() {
        return Arrays.asList(fields).iterator();
    }

    @Override
    public String typeName() {
        return "struct";
    }

    /** Spark's {@code STRUCT<a: INT, b: STRING NOT NULL>}: each field as {@link StructField#sql()}. */
    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("STRUCT<");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i > 0 ? ", " : "").append(fields[i].sql());
        }
        return sb.append('>').toString();
    }

    /** The schema as a DDL string ({@code a INT NOT NULL,b STRING COMMENT 'x'}) that {@link #fromDDL} reads back. */
    public String toDDL() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            sb.append(i > 0 ? "," : "").append(fields[i].toDDL());
        }
        return sb.toString();
    }

    @Override
    public String simpleString() {
        StringBuilder sb = new StringBuilder("struct<");
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(fields[i].name()).append(':').append(fields[i].dataType().simpleString());
        }
        return sb.append('>').toString();
    }

    @Override
    public boolean isFixedWidth() {
        return false;
    }

    /** The tree printed by {@code printSchema()}: {@code root} then one {@code |-- } line per field. */
    public String treeString() {
        return treeString(0);
    }

    /** As {@link #treeString()}, nested no deeper than {@code maxDepth} levels (0 or less: all). */
    public String treeString(int maxDepth) {
        int depth = maxDepth > 0 ? maxDepth : Integer.MAX_VALUE;
        StringBuilder sb = new StringBuilder("root\n");
        for (StructField f : fields) {
            appendField(sb, " |", f.name(), f.dataType(), "nullable = " + f.nullable(), depth);
        }
        return sb.toString();
    }

    /** Prints {@link #treeString()} to standard output, as {@code printSchema()} does. */
    public void printTreeString() {
        System.out.println(treeString());
    }

    private static void appendField(StringBuilder sb, String prefix, String name, DataType type, String nullability,
            int depth) {
        if (depth <= 0) {
            return;
        }
        // Spark prints a map's key without nullability: keys are never null
        sb.append(prefix).append("-- ").append(name).append(": ").append(type.typeName())
                .append(nullability == null ? "" : " (" + nullability + ")").append('\n');
        String nested = prefix + "    |";
        if (type instanceof StructType st) {
            for (StructField f : st.fields) {
                appendField(sb, nested, f.name(), f.dataType(), "nullable = " + f.nullable(), depth - 1);
            }
        } else if (type instanceof ArrayType at) {
            appendField(sb, nested, "element", at.elementType(), "containsNull = " + at.containsNull(), depth - 1);
        } else if (type instanceof MapType mt) {
            appendField(sb, nested, "key", mt.keyType(), null, depth - 1);
            appendField(sb, nested, "value", mt.valueType(), "valueContainsNull = " + mt.valueContainsNull(), depth - 1);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StructType(");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : ",").append(fields[i]);
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructType s && Arrays.equals(s.fields, fields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields);
    }
}

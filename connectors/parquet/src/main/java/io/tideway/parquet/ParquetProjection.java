package io.tideway.parquet;

import io.tideway.SparkException;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Matches the columns a read asks for to a file's columns, as Spark's Parquet reader does: by
 * name (exactly, else ignoring case), a column the file lacks reads as null, and a column whose
 * Parquet type cannot become the asked type fails the read in Spark's words
 * ({@code FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH}, naming the column's path through
 * lists and maps, e.g. {@code [m, key_value, value]}). The result is the schema parquet-java is
 * asked to read (only the matched columns, and only the asked fields of structs at any depth) and
 * each of its fields' Spark type.
 *
 * <p>Threading: immutable once made.
 */
final class ParquetProjection {
    /** The file's columns that are read, in the asked order. */
    final MessageType requested;
    /** For each field of {@link #requested}, its ordinal in the asked schema. */
    final int[] ordinals;

    private ParquetProjection(MessageType requested, int[] ordinals) {
        this.requested = requested;
        this.ordinals = ordinals;
    }

    static ParquetProjection of(StructType asked, MessageType file, String fileUri) {
        List<Type> fields = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        StructField[] askedFields = asked.fields();
        for (int i = 0; i < askedFields.length; i++) {
            Type f = find(file, askedFields[i].name());
            if (f != null) {
                fields.add(project(askedFields[i].dataType(), f, new String[]{f.getName()}, fileUri));
                ordinals.add(i);
            }
        }
        return new ParquetProjection(new MessageType(file.getName(), fields),
                ordinals.stream().mapToInt(Integer::intValue).toArray());
    }

    static Type find(GroupType group, String name) {
        if (group.containsField(name)) {
            return group.getType(name);
        }
        for (Type t : group.getFields()) {
            if (t.getName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The part of {@code file} that {@code asked} reads: a struct keeps only its asked fields, at
     * any depth (inside lists and maps too); a legacy repeated field is read element by element.
     */
    private static Type project(DataType asked, Type file, String[] path, String fileUri) {
        if (file.isRepetition(Type.Repetition.REPEATED) && asked instanceof ArrayType a) {
            return projectValue(a.elementType(), file, path, fileUri);
        }
        return projectValue(asked, file, path, fileUri);
    }

    /** {@link #project} of one value, whatever {@code file}'s repetition. */
    private static Type projectValue(DataType asked, Type file, String[] path, String fileUri) {
        if (!file.isPrimitive()) {
            GroupType g = file.asGroupType();
            boolean list = ParquetSchemas.isList(g);
            boolean map = ParquetSchemas.isMap(g);
            if (asked instanceof ArrayType a && list) {
                Type repeated = g.getType(0);
                String[] sub = child(path, repeated.getName());
                if (ParquetSchemas.isListElement(repeated, g.getName())) {
                    Type element = projectValue(a.elementType(), repeated, sub, fileUri);
                    // a group of several fields cut to one would read as the three-level form: keep it whole
                    return g.withNewFields(ParquetSchemas.isListElement(element, g.getName()) ? element : repeated);
                }
                GroupType r = repeated.asGroupType();
                Type element = r.getType(0);
                return g.withNewFields(r.withNewFields(projectValue(a.elementType(), element, child(sub, element.getName()), fileUri)));
            }
            if (asked instanceof MapType m && map) {
                GroupType kv = g.getType(0).asGroupType();
                String[] sub = child(path, kv.getName());
                Type key = kv.getType(0);
                Type value = kv.getType(1);
                return g.withNewFields(kv.withNewFields(projectValue(m.keyType(), key, child(sub, key.getName()), fileUri),
                        projectValue(m.valueType(), value, child(sub, value.getName()), fileUri)));
            }
            if (asked == DataTypes.VariantType && ParquetSchemas.isVariant(g)) {
                return g; // read whole: both binaries
            }
            if (asked instanceof StructType st && !list && !map) {
                List<Type> kept = new ArrayList<>();
                for (StructField f : st.fields()) {
                    Type t = find(g, f.name());
                    if (t != null) {
                        kept.add(project(f.dataType(), t, child(path, t.getName()), fileUri));
                    }
                }
                return g.withNewFields(kept);
            }
        }
        DataType actual;
        try {
            actual = ParquetSchemas.valueType(file);
        } catch (RuntimeException e) {
            throw mismatch(fileUri, path, asked, file);
        }
        if (!readable(asked, actual, file)) {
            throw mismatch(fileUri, path, asked, file);
        }
        return file;
    }

    private static String[] child(String[] path, String name) {
        String[] sub = Arrays.copyOf(path, path.length + 1);
        sub[path.length] = name;
        return sub;
    }

    private static boolean readable(DataType asked, DataType actual, Type file) {
        if (asked.equals(actual)) {
            return true;
        }
        if ((asked == DataTypes.TimestampType && actual == DataTypes.TimestampNTZType)
                || (asked == DataTypes.TimestampNTZType && actual == DataTypes.TimestampType)) {
            return true; // Spark 4.0 reads the microseconds as they are, either way
        }
        if (!file.isPrimitive()) {
            return false;
        }
        PrimitiveTypeName p = file.asPrimitiveType().getPrimitiveTypeName();
        if (asked == DataTypes.LongType) {
            return p == PrimitiveTypeName.INT32 && actual != DataTypes.DateType && !(actual instanceof DecimalType);
        } else if (asked == DataTypes.DoubleType) {
            return p == PrimitiveTypeName.FLOAT;
        } else if (asked instanceof DecimalType) {
            return actual instanceof DecimalType;
        } else if (asked == DataTypes.BinaryType) {
            return p == PrimitiveTypeName.BINARY;
        } else if (asked == DataTypes.StringType) {
            return p == PrimitiveTypeName.BINARY && actual == DataTypes.BinaryType; // Spark reads unannotated binary as string
        }
        return false;
    }

    /**
     * Spark's error: {@code [FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH]} naming the file,
     * the column path, the Spark type asked for and the Parquet physical type, caused by
     * {@link SchemaColumnConvertNotSupportedException}.
     */
    private static RuntimeException mismatch(String fileUri, String[] path, DataType asked, Type file) {
        String physical = file.isPrimitive() ? file.asPrimitiveType().getPrimitiveTypeName().name() : "group";
        String column = Arrays.toString(path);
        SchemaColumnConvertNotSupportedException cause = new SchemaColumnConvertNotSupportedException(column, physical,
                asked.simpleString());
        return Unchecked.raise(new SparkException("FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH", Map.of(
                "path", fileUri, "column", column, "expectedType", asked.simpleString(), "actualType", physical), cause));
    }
}

package io.tideway.parquet;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.Map;

/**
 * Spark's schema conversions. Writing ({@code SparkToParquetSchemaConverter}, standard layout):
 * byte and short as annotated INT32, date as INT32 DATE, timestamp as INT96 or INT64
 * micros/millis ({@link TimestampOutput}), decimal as INT32 up to precision 9, INT64 up to 18,
 * else the smallest FIXED_LEN_BYTE_ARRAY, timestamp_ntz as INT64 micros not adjusted to UTC,
 * arrays as the three-level LIST, maps as the MAP of repeated {@code key_value} groups, structs as
 * groups, a nullable column optional. With {@code legacy} ({@code spark.sql.parquet.writeLegacyFormat}),
 * Spark's legacy layout: every decimal as FIXED_LEN_BYTE_ARRAY, a list of nullable elements as
 * {@code repeated group bag { array }}, of non-null ones as {@code repeated array} (two levels),
 * a map's {@code key_value} group annotated MAP_KEY_VALUE. Reading ({@code ParquetToSparkSchemaConverter}) maps the
 * Parquet types of a file written without Spark's footer schema, including the legacy two-level
 * lists and maps of older writers ({@link #isListElement}). Stateless.
 */
final class ParquetSchemas {
    /** The message name Spark gives every schema it writes. */
    static final String MESSAGE_NAME = "spark_schema";

    /** The fields of a variant's group, as Spark 4.0 names them. */
    static final String VARIANT_VALUE = "value";
    static final String VARIANT_METADATA = "metadata";

    private ParquetSchemas() {
    }

    static MessageType toParquet(StructType schema, TimestampOutput timestamps, boolean legacy) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : schema.fields()) {
            b.addField(field(f.name(), f.dataType(), f.nullable(), timestamps, legacy));
        }
        return b.named(MESSAGE_NAME);
    }

    private static Type field(String name, DataType t, boolean nullable, TimestampOutput timestamps, boolean legacy) {
        return field(name, t, nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED, timestamps, legacy);
    }

    private static Type field(String name, DataType t, Type.Repetition rep, TimestampOutput timestamps, boolean legacy) {
        if (t == DataTypes.BooleanType) {
            return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
        } else if (t == DataTypes.ByteType) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(8, true)).named(name);
        } else if (t == DataTypes.ShortType) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(16, true)).named(name);
        } else if (t == DataTypes.IntegerType) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
        } else if (t == DataTypes.LongType) {
            return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
        } else if (t == DataTypes.FloatType) {
            return Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name);
        } else if (t == DataTypes.DoubleType) {
            return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
        } else if (t == DataTypes.StringType) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
        } else if (t == DataTypes.BinaryType) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
        } else if (t == DataTypes.DateType) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(name);
        } else if (t == DataTypes.TimestampNTZType) {
            // whatever outputTimestampType says: INT96 and millis are for timestamps adjusted to UTC
            return Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named(name);
        } else if (t == DataTypes.TimestampType) {
            return switch (timestamps) {
                case INT96 -> Types.primitive(PrimitiveTypeName.INT96, rep).named(name);
                case TIMESTAMP_MICROS -> Types.primitive(PrimitiveTypeName.INT64, rep)
                        .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(name);
                case TIMESTAMP_MILLIS -> Types.primitive(PrimitiveTypeName.INT64, rep)
                        .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS)).named(name);
            };
        } else if (t instanceof DecimalType d) {
            LogicalTypeAnnotation dec = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
            if (legacy) {
                return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(minBytesForPrecision(d.precision()))
                        .as(dec).named(name);
            } else if (d.precision() <= 9) {
                return Types.primitive(PrimitiveTypeName.INT32, rep).as(dec).named(name);
            } else if (d.precision() <= 18) {
                return Types.primitive(PrimitiveTypeName.INT64, rep).as(dec).named(name);
            }
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(minBytesForPrecision(d.precision()))
                    .as(dec).named(name);
        } else if (t instanceof ArrayType a && legacy && !a.containsNull()) {
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(field("array", a.elementType(), Type.Repetition.REPEATED, timestamps, true))
                    .named(name);
        } else if (t instanceof ArrayType a) {
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup()
                            .addField(field(legacy ? "array" : "element", a.elementType(), a.containsNull(), timestamps, legacy))
                            .named(legacy ? "bag" : "list"))
                    .named(name);
        } else if (t instanceof MapType m) {
            Types.GroupBuilder<GroupType> entries = Types.repeatedGroup();
            if (legacy) { // parquet-java's ConversionPatterns.mapType, which Spark's legacy converter calls
                entries = entries.as(LogicalTypeAnnotation.MapKeyValueTypeAnnotation.getInstance());
            }
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.mapType())
                    .addField(entries
                            .addField(field("key", m.keyType(), false, timestamps, legacy))
                            .addField(field("value", m.valueType(), m.valueContainsNull(), timestamps, legacy))
                            .named("key_value"))
                    .named(name);
        } else if (t == DataTypes.VariantType) {
            // Spark 4.0's unshredded variant: its two binaries, both required
            return Types.buildGroup(rep)
                    .addField(Types.primitive(PrimitiveTypeName.BINARY, Type.Repetition.REQUIRED).named(VARIANT_VALUE))
                    .addField(Types.primitive(PrimitiveTypeName.BINARY, Type.Repetition.REQUIRED).named(VARIANT_METADATA))
                    .named(name);
        } else if (t instanceof StructType st) {
            Types.GroupBuilder<GroupType> g = Types.buildGroup(rep);
            for (StructField f : st.fields()) {
                g.addField(field(f.name(), f.dataType(), f.nullable(), timestamps, legacy));
            }
            return g.named(name);
        }
        throw Unchecked.raise(new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", Map.of(
                "format", "Parquet", "columnName", ErrorParams.id(name), "columnType", ErrorParams.type(t))));
    }

    /** Whether a group is an unshredded variant: exactly a binary {@code value} and a binary {@code metadata}. */
    static boolean isVariant(GroupType g) {
        return g.getFieldCount() == 2 && g.containsField(VARIANT_VALUE) && g.containsField(VARIANT_METADATA)
                && g.getType(VARIANT_VALUE).isPrimitive() && g.getType(VARIANT_METADATA).isPrimitive()
                && g.getType(VARIANT_VALUE).asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY
                && g.getType(VARIANT_METADATA).asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY;
    }

    /** Bytes of the smallest two's complement integer holding every unscaled value of {@code precision} digits (Spark's {@code Decimal.minBytesForPrecision}). */
    static int minBytesForPrecision(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }

    /** The Spark schema of a Parquet schema, as Spark reads a file that has no Spark footer schema. */
    static StructType toSpark(GroupType group) {
        StructType st = new StructType();
        for (Type f : group.getFields()) {
            st = st.add(new StructField(f.getName(), type(f), !f.isRepetition(Type.Repetition.REQUIRED)));
        }
        return st;
    }

    static DataType type(Type t) {
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            // a legacy repeated field outside a LIST: an array of non-null elements
            return new ArrayType(valueType(t), false);
        }
        return valueType(t);
    }

    /** The Spark type of one value of {@code t}, whatever its repetition. */
    static DataType valueType(Type t) {
        if (!t.isPrimitive()) {
            GroupType g = t.asGroupType();
            LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
            if (isList(g)) {
                Type repeated = g.getType(0);
                if (isListElement(repeated, g.getName())) {
                    return new ArrayType(valueType(repeated), false);
                }
                Type element = repeated.asGroupType().getType(0);
                return new ArrayType(valueType(element), !element.isRepetition(Type.Repetition.REQUIRED));
            }
            if (isMap(g)) {
                GroupType kv = g.getType(0).asGroupType();
                Type value = kv.getType(1);
                return new MapType(valueType(kv.getType(0)), valueType(value), !value.isRepetition(Type.Repetition.REQUIRED));
            }
            if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation || a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                    || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
                throw unsupported(t);
            }
            return toSpark(g);
        }
        PrimitiveType p = t.asPrimitiveType();
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        switch (p.getPrimitiveTypeName()) {
            case BOOLEAN:
                return DataTypes.BooleanType;
            case FLOAT:
                return DataTypes.FloatType;
            case DOUBLE:
                return DataTypes.DoubleType;
            case INT96:
                return DataTypes.TimestampType;
            case INT32:
                if (a == null) {
                    return DataTypes.IntegerType;
                } else if (a instanceof IntLogicalTypeAnnotation i) {
                    if (!i.isSigned()) {
                        return i.getBitWidth() == 32 ? DataTypes.LongType : DataTypes.IntegerType;
                    }
                    return i.getBitWidth() == 8 ? DataTypes.ByteType : i.getBitWidth() == 16 ? DataTypes.ShortType : DataTypes.IntegerType;
                } else if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return DataTypes.DateType;
                } else if (a instanceof DecimalLogicalTypeAnnotation d) {
                    return new DecimalType(d.getPrecision(), d.getScale());
                }
                break;
            case INT64:
                if (a == null) {
                    return DataTypes.LongType;
                } else if (a instanceof IntLogicalTypeAnnotation i && (i.isSigned() || i.getBitWidth() < 64)) {
                    return DataTypes.LongType;
                } else if (a instanceof DecimalLogicalTypeAnnotation d) {
                    return new DecimalType(d.getPrecision(), d.getScale());
                } else if (a instanceof TimestampLogicalTypeAnnotation ts && ts.getUnit() != TimeUnit.NANOS) {
                    // a local (not UTC-adjusted) timestamp is TIMESTAMP_NTZ (spark.sql.parquet.inferTimestampNTZ.enabled)
                    return ts.isAdjustedToUTC() ? DataTypes.TimestampType : DataTypes.TimestampNTZType;
                }
                break;
            case BINARY:
                if (a == null) {
                    return DataTypes.BinaryType;
                } else if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
                    return DataTypes.StringType;
                } else if (a instanceof DecimalLogicalTypeAnnotation d) {
                    return new DecimalType(d.getPrecision(), d.getScale());
                }
                break;
            case FIXED_LEN_BYTE_ARRAY:
                if (a instanceof DecimalLogicalTypeAnnotation d) {
                    return new DecimalType(d.getPrecision(), d.getScale());
                }
                return DataTypes.BinaryType;
            default:
                break;
        }
        throw unsupported(t);
    }

    /**
     * Whether the repeated field of a LIST is itself the element (the legacy two-level forms),
     * rather than the group around it (Spark's {@code ParquetToSparkSchemaConverter.isElementType}):
     * a repeated primitive, a repeated group of several fields, or one named {@code array} or
     * {@code <list>_tuple}.
     */
    static boolean isListElement(Type repeated, String listName) {
        if (repeated.isPrimitive()) {
            return true;
        }
        GroupType g = repeated.asGroupType();
        return g.getFieldCount() > 1 || g.getName().equals("array") || g.getName().equals(listName + "_tuple");
    }

    /** A LIST group of one repeated field (the standard three levels or a legacy two). */
    static boolean isList(GroupType g) {
        return g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
                && g.getFieldCount() == 1 && g.getType(0).isRepetition(Type.Repetition.REPEATED);
    }

    /** A MAP (or legacy MAP_KEY_VALUE) group: one repeated group of a key and a value. */
    static boolean isMap(GroupType g) {
        LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
        if (!(a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation)
                || g.getFieldCount() != 1) {
            return false;
        }
        Type kv = g.getType(0);
        return kv.isRepetition(Type.Repetition.REPEATED) && !kv.isPrimitive() && kv.asGroupType().getFieldCount() == 2;
    }

    /** Spark's words for a Parquet type it cannot read ({@code PARQUET_TYPE_NOT_SUPPORTED}). */
    private static RuntimeException unsupported(Type t) {
        return Unchecked.raise(new AnalysisException("Parquet type not supported: " + t));
    }
}

package io.tideway.parquet;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
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
 * else the smallest FIXED_LEN_BYTE_ARRAY, arrays as the three-level LIST, structs as groups, a
 * nullable column optional. Reading ({@code ParquetToSparkSchemaConverter}) maps the Parquet types
 * of a file written without Spark's footer schema. Stateless.
 */
final class ParquetSchemas {
    /** The message name Spark gives every schema it writes. */
    static final String MESSAGE_NAME = "spark_schema";

    private ParquetSchemas() {
    }

    static MessageType toParquet(StructType schema, TimestampOutput timestamps) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : schema.fields()) {
            b.addField(field(f.name(), f.dataType(), f.nullable(), timestamps));
        }
        return b.named(MESSAGE_NAME);
    }

    private static Type field(String name, DataType t, boolean nullable, TimestampOutput timestamps) {
        Type.Repetition rep = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
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
            if (d.precision() <= 9) {
                return Types.primitive(PrimitiveTypeName.INT32, rep).as(dec).named(name);
            } else if (d.precision() <= 18) {
                return Types.primitive(PrimitiveTypeName.INT64, rep).as(dec).named(name);
            }
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(minBytesForPrecision(d.precision()))
                    .as(dec).named(name);
        } else if (t instanceof ArrayType a) {
            requireRowArrayElement(name, a);
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(field("element", a.elementType(), a.containsNull(), timestamps))
                            .named("list"))
                    .named(name);
        } else if (t instanceof StructType st) {
            Types.GroupBuilder<GroupType> g = Types.buildGroup(rep);
            for (StructField f : st.fields()) {
                g.addField(field(f.name(), f.dataType(), f.nullable(), timestamps));
            }
            return g.named(name);
        }
        throw Unchecked.raise(new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", Map.of(
                "format", "Parquet", "columnName", ErrorParams.id(name), "columnType", ErrorParams.type(t))));
    }

    /**
     * Fails unless Tideway's binary rows carry arrays of {@code a}'s element type through
     * {@code RowConverter}: booleans, integers, doubles, strings and timestamps. Arrays of floats,
     * dates, decimals, binaries, structs or arrays would be read or written wrongly, so they are
     * refused, naming the column.
     */
    static void requireRowArrayElement(String column, ArrayType a) {
        DataType e = a.elementType();
        if (e != DataTypes.BooleanType && e != DataTypes.ByteType && e != DataTypes.ShortType && e != DataTypes.IntegerType
                && e != DataTypes.LongType && e != DataTypes.DoubleType && e != DataTypes.StringType
                && e != DataTypes.TimestampType) {
            throw Unchecked.raise(new AnalysisException("Tideway does not read or write Parquet columns of type "
                    + a.simpleString() + " yet (column " + ErrorParams.id(column) + "): its rows carry arrays of "
                    + "boolean, tinyint, smallint, int, bigint, double, string and timestamp only"));
        }
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
            return new ArrayType(nonRepeated(t), false);
        }
        return nonRepeated(t);
    }

    private static DataType nonRepeated(Type t) {
        if (!t.isPrimitive()) {
            GroupType g = t.asGroupType();
            if (g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && g.getFieldCount() == 1) {
                Type repeated = g.getType(0);
                if (!repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1) {
                    Type element = repeated.asGroupType().getType(0);
                    return new ArrayType(nonRepeated(element), !element.isRepetition(Type.Repetition.REQUIRED));
                }
                return new ArrayType(nonRepeated(repeated), false);
            }
            if (g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
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
                    // a local (not UTC-adjusted) timestamp is Spark's TIMESTAMP_NTZ, which Tideway does not have yet
                    return DataTypes.TimestampType;
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

    /** Spark's words for a Parquet type it cannot read ({@code PARQUET_TYPE_NOT_SUPPORTED}). */
    private static RuntimeException unsupported(Type t) {
        return Unchecked.raise(new AnalysisException("Parquet type not supported: " + t));
    }
}

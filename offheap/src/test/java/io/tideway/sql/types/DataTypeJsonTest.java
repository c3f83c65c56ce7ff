package io.tideway.sql.types;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Spark's JSON schema format: every type written and read back, and the exact text Spark writes. */
class DataTypeJsonTest {
    private static final List<DataType> TYPES = List.of(DataTypes.BooleanType, DataTypes.ByteType,
            DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType,
            DataTypes.StringType, DataTypes.BinaryType, DataTypes.DateType, DataTypes.TimestampType,
            DataTypes.TimestampNTZType, DataTypes.NullType, DataTypes.CalendarIntervalType, DataTypes.VariantType,
            new DecimalType(12, 3), new CharType(5), new VarcharType(7),
            new DayTimeIntervalType((byte) 1, (byte) 2), new YearMonthIntervalType((byte) 0, (byte) 1),
            new YearMonthIntervalType((byte) 1, (byte) 1), DataTypes.DayTimeIntervalType,
            new ArrayType(DataTypes.StringType, false),
            new MapType(DataTypes.StringType, new ArrayType(DataTypes.LongType, true), false),
            new StructType().add("a", DataTypes.IntegerType, false)
                    .add("b", new StructType().add("c", DataTypes.DoubleType), true, "a comment")
                    .add("m", DataTypes.StringType, true, new MetadataBuilder().putLongArray("l", new long[]{1, 2})
                            .putNull("n").putMetadata("md", new MetadataBuilder().putDouble("d", 1.5).build()).build()),
            new PointUdt());

    @Test
    void everyTypeRoundTripsThroughJsonAndPrettyJson() {
        for (DataType t : TYPES) {
            assertEquals(t, DataType.fromJson(t.json()), t.json());
            assertEquals(t, DataType.fromJson(t.prettyJson()), t.prettyJson());
        }
    }

    @Test
    void writesSparksText() {
        assertEquals("\"integer\"", DataTypes.IntegerType.json());
        assertEquals("\"interval hour to minute\"", new DayTimeIntervalType((byte) 1, (byte) 2).json());
        assertEquals("{\"type\":\"array\",\"elementType\":\"string\",\"containsNull\":false}",
                new ArrayType(DataTypes.StringType, false).json());
        assertEquals("{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"integer\",\"nullable\":false,"
                + "\"metadata\":{}}]}", new StructType().add("a", DataTypes.IntegerType, false).json());
        assertEquals("{\n  \"type\" : \"struct\",\n  \"fields\" : [ {\n    \"name\" : \"a\",\n    \"type\" : {\n"
                + "      \"type\" : \"array\",\n      \"elementType\" : \"integer\",\n      \"containsNull\" : true\n"
                + "    },\n    \"nullable\" : true,\n    \"metadata\" : { }\n  } ]\n}",
                new StructType().add("a", new ArrayType(DataTypes.IntegerType, true)).prettyJson());
        assertEquals("{\"type\":\"udt\",\"class\":\"" + PointUdt.class.getName()
                + "\",\"pyClass\":null,\"sqlType\":{\"type\":\"array\",\"elementType\":\"double\",\"containsNull\":false}}",
                new PointUdt().json());
    }

    @Test
    void readsSparksAliasesAndOmittedFieldKeys() {
        assertEquals(DataTypes.NullType, DataType.fromJson("\"null\""));
        assertEquals(DataTypes.TimestampType, DataType.fromJson("\"timestamp_ltz\""));
        assertEquals(new DecimalType(10, 0), DataType.fromJson("\"decimal\""));
        assertEquals(new StructType().add("a", DataTypes.LongType),
                DataType.fromJson("{\"fields\":[{\"type\":\"long\",\"name\":\"a\"}],\"type\":\"struct\"}"));
        assertThrows(IllegalArgumentException.class, () -> DataType.fromJson("\"no_such_type\""));
        assertThrows(IllegalArgumentException.class, () -> DataType.fromJson("{\"type\":\"array\"}"));
    }

    @Test
    void metadataKeepsEveryValueKind() {
        Metadata m = new MetadataBuilder().putLong("l", 1).putDouble("d", 2.5).putBoolean("b", true)
                .putString("s", "x\ty").putNull("n").putDoubleArray("da", new double[]{1, 2})
                .putBooleanArray("ba", new boolean[]{true}).putStringArray("sa", new String[]{"p", "q"})
                .putMetadataArray("ma", new Metadata[]{Metadata.empty()}).build();
        Metadata back = Metadata.fromJson(m.json());
        assertEquals(m, back);
        assertEquals(m.hashCode(), back.hashCode());
        assertArrayEquals(new String[]{"p", "q"}, back.getStringArray("sa"));
        assertEquals("x\ty", back.getString("s"));
        assertEquals(2.5, back.getDouble("d"));
    }

    /** A user type stored as an array of two doubles. */
    public static final class PointUdt extends UserDefinedType<double[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public DataType sqlType() {
            return new ArrayType(DataTypes.DoubleType, false);
        }

        @Override
        public Object serialize(double[] obj) {
            return obj;
        }

        @Override
        public double[] deserialize(Object datum) {
            return (double[]) datum;
        }

        @Override
        public Class<double[]> userClass() {
            return double[].class;
        }
    }
}

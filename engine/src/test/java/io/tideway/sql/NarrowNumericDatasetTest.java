package io.tideway.sql;

import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** tinyint, smallint and float columns end to end: Java values in and out, arithmetic types, aggregates. */
class NarrowNumericDatasetTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final StructType schema = new StructType().add("b", DataTypes.ByteType).add("s", DataTypes.ShortType)
            .add("f", DataTypes.FloatType);

    private Dataset<Row> table() {
        return spark.createDataFrame(List.of(RowFactory.create((byte) -128, (short) 300, 1.1f),
                RowFactory.create((byte) 7, (short) -2, -0.5f), RowFactory.create(null, null, null)), schema);
    }

    @Test
    void valuesComeBackAsTheirJavaTypes() {
        Row r = table().collectAsList().get(0);
        assertEquals((byte) -128, r.getByte(0));
        assertEquals((short) 300, r.getShort(1));
        assertEquals(1.1f, r.getFloat(2));
        assertEquals(Byte.class, r.get(0).getClass());
        assertEquals(Float.class, r.get(2).getClass());
    }

    @Test
    void arithmeticKeepsOrWidensTypesAsSpark() {
        Dataset<Row> r = table().selectExpr("b + 1Y", "s * 2S", "f + f", "f + 1", "b + s", "b / 2Y", "s + 1.5");
        List<String> types = java.util.Arrays.stream(r.schema().fields()).map(f -> f.dataType().simpleString()).toList();
        assertEquals(List.of("tinyint", "smallint", "float", "double", "smallint", "double", "decimal(7,1)"), types);
        Row second = r.collectAsList().get(1);
        assertEquals((byte) 8, second.get(0));
        assertEquals((short) -4, second.get(1));
        assertEquals(-1.0f, second.get(2));
        assertEquals((short) 5, second.get(4));
    }

    @Test
    void narrowOverflowFailsUnderAnsi() {
        SparkArithmeticExceptionCheck.assertCondition("BINARY_ARITHMETIC_OVERFLOW",
                assertThrows(RuntimeException.class, () -> table().selectExpr("b - 1Y").collectAsList()));
        SparkArithmeticExceptionCheck.assertCondition("CAST_OVERFLOW",
                assertThrows(RuntimeException.class, () -> table().selectExpr("cast(s as tinyint)").collectAsList()));
    }

    @Test
    void aggregatesOverNarrowTypes() {
        Row r = table().agg(functions.sum("b"), functions.max("f"), functions.min("s"), functions.avg("f")).collectAsList().get(0);
        assertEquals(-121L, r.get(0));
        assertEquals(1.1f, r.get(1));
        assertEquals((short) -2, r.get(2));
        assertEquals((1.1f + -0.5f) / 2, r.getDouble(3), 1e-7);
    }

    @Test
    void encodersNameSparksTypes() {
        assertEquals(DataTypes.ByteType, Encoders.BYTE().schema().apply(0).dataType());
        assertEquals(DataTypes.ShortType, Encoders.SHORT().schema().apply(0).dataType());
        assertEquals(DataTypes.FloatType, Encoders.FLOAT().schema().apply(0).dataType());
        assertEquals(DataTypes.createDecimalType(38, 18), Encoders.DECIMAL().schema().apply(0).dataType());
        Dataset<Float> floats = table().select("f").as(Encoders.FLOAT());
        assertEquals(List.of(1.1f, -0.5f), floats.collectAsList().subList(0, 2));
    }

    /** The Spark condition of an error, wherever in the cause chain the executor wrapped it. */
    private static final class SparkArithmeticExceptionCheck {
        static void assertCondition(String condition, Throwable t) {
            for (Throwable x = t; x != null; x = x.getCause()) {
                if (x instanceof io.tideway.SparkThrowable s) {
                    assertEquals(condition, s.getCondition());
                    return;
                }
            }
            throw new AssertionError("no Spark error in " + t, t);
        }
    }
}

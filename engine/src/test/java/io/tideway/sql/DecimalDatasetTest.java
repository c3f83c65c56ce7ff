package io.tideway.sql;

import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decimal columns end to end: rows in and out ({@code Row.getDecimal}), a narrow decimal in its
 * slot and a wide one as bytes, grouping, ordering, aggregates with Spark's result types, and SQL
 * text that reads {@code 2.5} as a decimal.
 */
class DecimalDatasetTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final StructType schema = new StructType().add("k", DataTypes.StringType)
            .add("m", DataTypes.createDecimalType(10, 2)).add("w", DataTypes.createDecimalType(30, 5));

    private Dataset<Row> table() {
        List<Row> rows = List.of(
                RowFactory.create("a", new BigDecimal("1.25"), new BigDecimal("123456789012345678901.12345")),
                RowFactory.create("b", new BigDecimal("-2.5"), new BigDecimal("-1")),
                RowFactory.create("a", new BigDecimal("3.10"), null),
                RowFactory.create("b", null, new BigDecimal("0.00001")));
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void valuesComeBackAtTheirTypesScale() {
        List<Row> rows = table().collectAsList();
        assertEquals(new BigDecimal("1.25"), rows.get(0).getDecimal(1));
        assertEquals(new BigDecimal("-2.50"), rows.get(1).getDecimal(1));
        assertEquals(new BigDecimal("123456789012345678901.12345"), rows.get(0).getDecimal(2));
        assertEquals(new BigDecimal("0.00001"), rows.get(3).getDecimal(2));
        assertEquals(null, rows.get(3).getDecimal(1));
    }

    @Test
    void arithmeticTakesSparksResultTypes() {
        Dataset<Row> r = table().selectExpr("m + 1", "m * w", "m / 3", "w - m");
        assertEquals("decimal(11,2)", r.schema().apply(0).dataType().simpleString());
        assertEquals("decimal(38,6)", r.schema().apply(1).dataType().simpleString());
        assertEquals("decimal(14,6)", r.schema().apply(2).dataType().simpleString());
        assertEquals("decimal(31,5)", r.schema().apply(3).dataType().simpleString());
        Row first = r.collectAsList().get(0);
        assertEquals(new BigDecimal("2.25"), first.getDecimal(0));
        assertEquals(new BigDecimal("154320986265432098626.404313"), first.getDecimal(1));
        assertEquals(new BigDecimal("0.416667"), first.getDecimal(2));
        assertEquals(new BigDecimal("123456789012345678899.87345"), first.getDecimal(3));
    }

    @Test
    void sqlLiteralsWithAPointAreDecimals() {
        Dataset<Row> r = spark.sql("SELECT 2.5 AS x, 1.0E2 AS y, 2.5BD AS z, -1.50 AS n");
        assertEquals(new DecimalType(2, 1), r.schema().apply(0).dataType());
        assertEquals(DataTypes.DoubleType, r.schema().apply(1).dataType());
        assertEquals(new DecimalType(2, 1), r.schema().apply(2).dataType());
        assertEquals(new DecimalType(3, 2), r.schema().apply(3).dataType());
        assertEquals(new BigDecimal("-1.50"), r.collectAsList().get(0).getDecimal(3));
    }

    @Test
    void groupsAndAggregates() {
        Dataset<Row> r = table().groupBy("k").agg(functions.sum("m"), functions.avg("m"), functions.min("w"), functions.max("m"))
                .orderBy("k");
        assertEquals(new DecimalType(20, 2), r.schema().apply(1).dataType());
        assertEquals(new DecimalType(14, 6), r.schema().apply(2).dataType());
        assertEquals(new DecimalType(30, 5), r.schema().apply(3).dataType());
        List<String> got = new ArrayList<>();
        for (Row row : r.collectAsList()) {
            got.add(row.mkString(","));
        }
        assertEquals(List.of("a,4.35,2.175000,123456789012345678901.12345,3.10", "b,-2.50,-2.500000,-1.00000,-2.50"), got);
    }

    @Test
    void groupByADecimalKeyAndOrderByIt() {
        List<String> keys = new ArrayList<>();
        for (Row r : table().groupBy("m").count().orderBy("m").collectAsList()) {
            keys.add(r.get(0) + ":" + r.get(1));
        }
        assertEquals(List.of("null:1", "-2.50:1", "1.25:1", "3.10:1"), keys);
        List<String> wide = new ArrayList<>();
        for (Row r : table().select("w").orderBy(functions.col("w").desc()).collectAsList()) {
            wide.add(String.valueOf(r.get(0)));
        }
        assertEquals(List.of("123456789012345678901.12345", "0.00001", "-1.00000", "null"), wide);
    }

    @Test
    void showPrintsEveryDigitOfTheScale() {
        String shown = io.tideway.engine.exec.ShowString.format(schema, List.of(RowFactory.create("a", new BigDecimal("1E-7").setScale(2, java.math.RoundingMode.HALF_UP), null),
                RowFactory.create("b", new BigDecimal("-2.50"), new BigDecimal("0.00000001").setScale(5, java.math.RoundingMode.HALF_UP))), 20, 20);
        assertEquals(true, shown.contains("| 0.00|") && shown.contains("|-2.50|") && shown.contains("0.00000|"), shown);
    }
}

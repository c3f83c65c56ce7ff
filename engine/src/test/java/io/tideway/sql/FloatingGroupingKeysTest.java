package io.tideway.sql;

import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Grouping, distinct and join keys normalize doubles as Spark's NormalizeFloatingNumbers: -0.0 and
 * 0.0 are one group shown as 0.0, every NaN bit pattern is one NaN group. The data is
 * FnMathArith.doubleNaNAndZeroGroupingAndOrder's (-0.0 before 0.0, so keeping the first key met
 * would show -0.0).
 */
class FloatingGroupingKeysTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final StructType schema = new StructType().add("x", DataTypes.DoubleType);

    private Dataset<Row> table() {
        Object[] values = {Double.NaN, 0.0 / 0.0, Double.longBitsToDouble(0x7ff8000000000001L), -0.0, 0.0,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, null};
        List<Row> rows = new ArrayList<>();
        for (Object v : values) {
            rows.add(RowFactory.create(v));
        }
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void groupByCountsMinusZeroWithZeroAndAllNaNsTogether() {
        List<String> groups = new ArrayList<>();
        for (Row r : table().groupBy("x").count().collectAsList()) {
            groups.add(r.get(0) + " -> " + r.get(1));
        }
        Collections.sort(groups);
        assertEquals(List.of("-Infinity -> 1", "0.0 -> 2", "1.0 -> 1", "Infinity -> 1", "NaN -> 3", "null -> 1"), groups);
    }

    @Test
    void distinctKeepsOneZeroAndOneNaN() {
        assertEquals(6, table().distinct().count());
    }

    @Test
    void anEquiJoinMatchesMinusZeroWithZero() {
        Dataset<Row> zero = spark.createDataFrame(List.of(RowFactory.create(0.0)), new StructType().add("y", DataTypes.DoubleType));
        assertEquals(2, table().join(zero, functions.col("x").equalTo(functions.col("y"))).count());
    }
}

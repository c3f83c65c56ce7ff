package io.tideway.engine.plan;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.List;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.window;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** window() in select(), as Spark's TimeWindowing expands it: a column that carries the time's watermark. */
class SelectWindowTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @Test
    void aWindowInSelectIsComputedPerRowAndNamedWindow() {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("ts", DataTypes.TimestampType);
        Dataset<Row> df = spark.createDataFrame(List.of(
                RowFactory.create(1, Timestamp.valueOf("2024-01-01 10:00:10")),
                RowFactory.create(2, null)), schema);
        Dataset<Row> out = df.select(col("id"), window(col("ts"), "1 minute"));
        assertArrayEquals(new String[]{"id", "window"}, out.columns());
        List<Row> rows = out.collectAsList();
        assertEquals(1, rows.size()); // a null time falls in no window, as in Spark
        assertEquals(Timestamp.valueOf("2024-01-01 10:00:00"), rows.get(0).getStruct(1).get(0));
        assertEquals(Timestamp.valueOf("2024-01-01 10:01:00"), rows.get(0).getStruct(1).get(1));
    }

    @Test
    void theWindowColumnCarriesTheTimeColumnsWatermark() {
        Dataset<Row> df = spark.readStream().format("rate").load().withWatermark("timestamp", "10 seconds")
                .select(col("value"), window(col("timestamp"), "1 minute").as("w"));
        assertTrue(df.schema().apply("w").metadata().contains(EventTimeWatermark.DELAY_KEY));
    }
}

package io.tideway.engine.exec;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.expressions.Window;
import io.tideway.sql.expressions.WindowSpec;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.tideway.sql.functions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The window operator on a static Dataset: partitions, peers, frames, offsets, and the order rows come out in. */
class WindowRunnerTest {
    private static final StructType SCHEMA = new StructType()
            .add("k", DataTypes.StringType)
            .add("v", DataTypes.IntegerType)
            .add("s", DataTypes.StringType);

    private TidewaySession spark;
    private Dataset<Row> df;

    @BeforeEach
    void data() {
        spark = TidewaySession.builder().master("local[*]").getOrCreate();
        df = spark.createDataFrame(List.of(
                RowFactory.create("b", 3, "r6"),
                RowFactory.create("a", 2, "r2"),
                RowFactory.create("a", null, "r4"),
                RowFactory.create("a", 1, "r1"),
                RowFactory.create("b", 7, "r9"),
                RowFactory.create("a", 2, "r3"),
                RowFactory.create(null, 4, "r10")), SCHEMA);
    }

    @AfterEach
    void stop() {
        spark.stop();
    }

    private static List<String> rows(Dataset<Row> d) {
        List<String> out = new ArrayList<>();
        for (Row r : d.collectAsList()) {
            out.add(r.toString());
        }
        return out;
    }

    @Test
    void rowsComeOutSortedByPartitionThenOrderKeys() {
        WindowSpec w = Window.partitionBy("k").orderBy("v");
        assertEquals(Arrays.asList("[null,4,r10,1]", "[a,null,r4,1]", "[a,1,r1,2]", "[a,2,r2,3]", "[a,2,r3,4]",
                "[b,3,r6,1]", "[b,7,r9,2]"), rows(df.withColumn("rn", row_number().over(w))));
    }

    @Test
    void peersShareRankAndRangeFrame() {
        WindowSpec w = Window.partitionBy("k").orderBy("v");
        assertEquals(Arrays.asList("[r10,1,1,4]", "[r4,1,1,null]", "[r1,2,2,1]", "[r2,3,3,5]", "[r3,3,3,5]", "[r6,1,1,3]",
                "[r9,2,2,10]"), rows(df.select(col("s"), rank().over(w), dense_rank().over(w), sum("v").over(w))));
    }

    @Test
    void slidingRowsFrameAndEmptyFrames() {
        WindowSpec w = Window.partitionBy("k").orderBy("s");
        // a: r1, r2, r3, r4 (v 1, 2, 2, null); the frame two rows back is empty for the first two rows
        assertEquals(Arrays.asList("[r10,null,4]", "[r1,null,3]", "[r2,null,5]", "[r3,1,4]", "[r4,2,2]", "[r6,null,10]",
                "[r9,null,10]"), rows(df.select(col("s"), sum("v").over(w.rowsBetween(-2, -2)).as("back2"),
                sum("v").over(w.rowsBetween(-1, 1)))));
    }

    @Test
    void lagLeadDefaultsAndIgnoredNulls() {
        WindowSpec w = Window.partitionBy("k").orderBy("s");
        assertEquals(Arrays.asList("[r10,-1,null]", "[r1,-1,2]", "[r2,1,2]", "[r3,2,null]", "[r4,2,null]", "[r6,-1,7]",
                "[r9,3,null]"), rows(df.select(col("s"), lag("v", 1, -1).over(w), lead(col("v"), 1, null, true).over(w))));
    }

    @Test
    void collectListGrowsWithTheFrame() {
        WindowSpec w = Window.partitionBy("k").orderBy("s");
        assertEquals(Arrays.asList("[r10,[r10]]", "[r1,[r1]]", "[r2,[r1, r2]]", "[r3,[r1, r2, r3]]", "[r4,[r1, r2, r3, r4]]",
                "[r6,[r6]]", "[r9,[r6, r9]]"), rows(df.select(col("s"), collect_list("s").over(w))));
    }

    @Test
    void ntileBucketsTakeTheRemainderFirst() {
        assertEquals(List.of(1, 1, 1, 2, 2), java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> io.tideway.engine.expr.window.NTile.bucketOf(i, 5, 2)).toList());
        assertEquals(List.of(1, 2, 3), java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> io.tideway.engine.expr.window.NTile.bucketOf(i, 3, 5)).toList());
    }

    @Test
    void windowFunctionWithoutOverIsRefused() {
        Exception e = assertThrows(Exception.class, () -> df.select(row_number()).collectAsList());
        assertEquals("[WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE] Window function \"row_number()\" requires an OVER clause. "
                + "SQLSTATE: 42601", e.getMessage().lines().findFirst().orElse(""));
    }
}

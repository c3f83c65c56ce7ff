package io.tideway.sql;

import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.grouping_id;
import static io.tideway.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code Dataset.groupingSets}, which takes Java lists where Spark's takes Scala sequences, so no conformance case runs it. */
class GroupingSetsTest {
    private TidewaySession spark;
    private Dataset<Row> sales;

    @BeforeEach
    void start() {
        spark = TidewaySession.builder().master("local[*]").getOrCreate();
        sales = spark.createDataFrame(List.of(RowFactory.create("east", "apple", 3), RowFactory.create("east", "pear", 5),
                RowFactory.create("west", "apple", 7)), StructType.fromDDL("region STRING, product STRING, qty INT"));
    }

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void groupingSetsOfColumnsMatchTheEquivalentRollup() {
        Dataset<Row> sets = sales.groupingSets(List.of(List.of(col("region"), col("product")), List.of(col("region")),
                List.of()), col("region"), col("product")).agg(sum("qty"), grouping_id());
        Dataset<Row> rollup = sales.rollup("region", "product").agg(sum("qty"), grouping_id());
        assertEquals(sorted(rollup), sorted(sets));
        assertEquals(List.of("region", "product", "sum(qty)", "grouping_id()"), List.of(sets.columns()));
    }

    @Test
    void aSetColumnOutsideTheGroupingColumnsIsRefused() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> sales.groupingSets(List.of(List.of(col("qty"))), col("region")));
        assertEquals("GROUPING_COLUMN_MISMATCH", e.getCondition());
    }

    private static List<String> sorted(Dataset<Row> df) {
        List<String> rows = new ArrayList<>();
        df.collectAsList().forEach(r -> rows.add(r.toString()));
        rows.sort(null);
        return rows;
    }
}

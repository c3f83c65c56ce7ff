package io.tideway.engine.expr.agg;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code FILTER (WHERE ...)} and the ordered-set aggregates over several partitions: the partial
 * states the filtered rows built merge as the wrapped aggregate's own.
 */
class FilteredAggregateTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    private Dataset<Row> table() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(RowFactory.create(i % 3 == 0 ? "a" : "b", i, i % 5 == 0 ? null : "s" + (i % 4)));
        }
        return spark.createDataFrame(rows, new StructType().add("k", "string").add("v", "int").add("s", "string"))
                .repartition(4);
    }

    @Test
    void filteredStatesMergeAcrossPartitions() {
        table().createOrReplaceTempView("fa");
        List<Row> rows = spark.sql("SELECT k, count(*) FILTER (WHERE v > 30), sum(v) FILTER (WHERE v % 2 = 0), "
                + "max(s) FILTER (WHERE v < 10), count(DISTINCT s) FILTER (WHERE v >= 20), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FILTER (WHERE v < 30), "
                + "mode() WITHIN GROUP (ORDER BY s DESC) FILTER (WHERE s IS NOT NULL) FROM fa GROUP BY k ORDER BY k")
                .collectAsList();
        // a: v = 0, 3, ..., 57; b: the other 40 values of 0..59
        assertEquals("[a,9,270,s3,4,13.5,s3]", rows.get(0).toString());
        assertEquals("[b,20,600,s3,4,15.0,s3]", rows.get(1).toString());
    }
}

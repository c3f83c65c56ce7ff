package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.state.StateStore;
import io.tideway.engine.state.StateStoreProvider;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tideway.sql.functions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** min/max of strings: values held after the aggregate words, replacing (and moving) the entry when one wins. */
class HashAggregatorHeldValuesTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final StructType schema = new StructType().add("k", "string").add("s", "string");

    @Test
    void stringsOrderByUtf8BytesAndNullsAreSkipped() {
        Dataset<Row> df = spark.createDataFrame(List.of(
                RowFactory.create("a", "pear"), RowFactory.create("a", null), RowFactory.create("a", "zucchini"),
                RowFactory.create("a", "\u00e9clair"), RowFactory.create("a", "Zed"), RowFactory.create("b", null)), schema);
        List<Row> rows = df.groupBy("k").agg(min("s"), max("s"), count("s")).collectAsList();
        assertEquals(List.of("[a,Zed,\u00e9clair,4]", "[b,null,null,0]"), rows.stream().map(Row::toString).sorted().toList());
    }

    @Test
    void updateModeEmitsAGroupOnceAfterItsHeldValueGrewAndMovedTheEntry() {
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create("x", "y")), schema);
        Aggregate aggregate = (Aggregate) df.groupBy("k").agg(max("s"), min("s"), count("s")).logicalPlan();
        HashAggregator aggregator = new HashAggregator(aggregate, new EvalContext());
        try (StateStoreProvider provider = StateStoreProvider.inMemory()) {
            StateStore store = provider.load(0);
            RowScratch in = new RowScratch(2);
            for (String[] r : new String[][]{{"g", "b"}, {"h", "q"}, {"g", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"},
                    {"g", "a"}, {"h", "qq"}, {"g", "c"}}) {
                RowWriter w = in.begin();
                w.putString(0, r[0]);
                w.putString(1, r[1]);
                aggregator.update(store, in.buffer, 0, w.finish());
            }
            List<String> emitted = new ArrayList<>();
            RowReader out = new RowReader(4);
            aggregator.emit(store, true, (b, o, l) -> {
                out.wrap(b, o, l);
                emitted.add(out.getString(0) + "," + out.getString(1) + "," + out.getString(2) + "," + out.getLong(3));
            });
            emitted.sort(null);
            assertEquals(List.of("g,c,a,4", "h,qq,q,2"), emitted);
        }
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.StructType;

import java.util.List;

import static io.tideway.sql.functions.max;

/** Static aggregations beside other branches: a union with, and joins against, a grouped Dataset. */
public final class StaticAggregates {
    private StaticAggregates() {
    }

    private static final StructType SCHEMA = new StructType().add("device", "string").add("reading", "int");

    private static Dataset<Row> table(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(RowFactory.create("a", 3), RowFactory.create("b", 5)), SCHEMA);
    }

    private static Dataset<Row> latest(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(RowFactory.create("b", 7), RowFactory.create("c", 2),
                RowFactory.create("b", 1)), SCHEMA).groupBy("device").agg(max("reading").as("reading"));
    }

    @Case
    public static void unionWithAnAggregate(CaseContext ctx) {
        ctx.rows(table(ctx).unionByName(latest(ctx)).orderBy("device", "reading").collectAsList());
    }

    @Case
    public static void antiJoinAgainstAnAggregateThenUnion(CaseContext ctx) {
        Dataset<Row> kept = table(ctx).join(latest(ctx), "device", "left_anti");
        ctx.rows(kept.collectAsList());
        ctx.rows(kept.unionByName(latest(ctx)).orderBy("device").collectAsList());
    }

    @Case
    public static void aggregateOnBothSidesOfAJoin(CaseContext ctx) {
        Dataset<Row> counts = table(ctx).unionByName(table(ctx)).groupBy("device").count();
        ctx.rows(counts.join(latest(ctx), "device").orderBy("device").collectAsList());
    }
}

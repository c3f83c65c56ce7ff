package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static io.tideway.sql.functions.*;

/** Conditional functions and predicates on Tideway's main path: a streaming query over JSON files, two batches. */
public final class FnCondStream {
    private FnCondStream() {
    }

    private static Dataset<Row> input(CaseContext ctx) throws Exception {
        return OpsData.json(ctx, "i INT, l BIGINT, d DOUBLE, s STRING, b BOOLEAN",
                new String[] {
                    "{\"i\":7,\"l\":10,\"d\":1.5,\"s\":\"alpha\",\"b\":true}",
                    "{\"i\":-3,\"l\":null,\"d\":-0.5,\"s\":null,\"b\":false}",
                    "{\"i\":12,\"l\":12,\"d\":0.0,\"s\":\"a_b\",\"b\":true}"},
                new String[] {
                    "{\"i\":null,\"l\":5,\"d\":null,\"s\":\"beta\",\"b\":null}",
                    "{\"i\":0,\"l\":0,\"d\":-0.0,\"s\":\"\",\"b\":true}",
                    "{\"i\":42,\"l\":-1,\"d\":2.5,\"s\":\"Alphabet\",\"b\":false}"});
    }

    @Case
    public static void conditionalsInStreamingSelect(CaseContext ctx) throws Exception {
        Dataset<Row> out = input(ctx).select(
                col("i"),
                when(col("i").gt(0), "pos").when(col("i").lt(0), "neg").otherwise("zero-or-null"),
                coalesce(col("i"), col("l")),
                nvl2(col("s"), lit("has"), lit("none")),
                nullif(col("i"), lit(0)),
                greatest(col("i"), col("l")),
                least(col("d"), col("i")),
                isnull(col("s")),
                expr("CASE WHEN b THEN s ELSE 'x' END"),
                expr("if(i IS NULL, -1, i & 6)"),
                shiftleft(col("i"), 2));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void predicatesInStreamingFilters(CaseContext ctx) throws Exception {
        Dataset<Row> in = input(ctx);
        Dataset<Row> out = in
                .where(col("i").isin(7, 12, 0, 42).or(col("s").like("b%")))
                .where(not(col("i").between(1, 10)).or(col("s").rlike("^al")))
                .where(col("s").startsWith("a").or(col("s").contains("et")).or(col("l").eqNullSafe(0L)))
                .selectExpr("i", "s", "s ILIKE 'ALPHA%' AS ci", "i NOT IN (1, NULL) AS notin", "l <=> 12 AS ns");
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void conditionalErrorFailsStreamingQuery(CaseContext ctx) throws Exception {
        OpsData.runFailing(ctx, input(ctx).selectExpr("i", "CASE WHEN i > 10 THEN CAST(s AS INT) ELSE 0 END AS n"));
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.show;
import static conformance.cases.FnSupport.showExpr;
import static conformance.cases.FnSupport.table;
import static io.tideway.sql.functions.*;

/**
 * {@code listagg} and {@code string_agg} (and their {@code _distinct} forms in {@code functions}):
 * strings and binary, with and without a delimiter, {@code WITHIN GROUP (ORDER BY ...)} in SQL,
 * grouped and over no rows, and Spark's errors. Orders that depend on how rows arrive are avoided:
 * each input is one partition, or the call orders its values.
 */
public final class FnAggMoreText {
    private FnAggMoreText() {
    }

    private static final StructType KS = new StructType()
            .add("k", DataTypes.StringType).add("s", DataTypes.StringType).add("n", DataTypes.IntegerType)
            .add("b", DataTypes.BinaryType);

    private static Dataset<Row> ks(CaseContext ctx) {
        return table(ctx, KS,
                new Object[] {"a", "x", 3, new byte[] {1, 2}},
                new Object[] {"a", null, 1, null},
                new Object[] {"b", "y", 2, new byte[] {3}},
                new Object[] {"a", "z", 2, new byte[] {4}},
                new Object[] {"b", "y", 1, new byte[] {3}},
                new Object[] {"c", "w", null, new byte[] {}},
                new Object[] {"n", null, null, null}).coalesce(1);
    }

    private static void grouped(CaseContext ctx, Dataset<Row> df) {
        OpsData.fields(ctx, df);
        ctx.rows(df.orderBy("k").collectAsList());
    }

    @Case
    public static void listaggStrings(CaseContext ctx) {
        Dataset<Row> t = table(ctx).coalesce(1);
        show(ctx, t, listagg(col("s")), listagg(col("t"), lit(", ")), string_agg(col("t")), string_agg(col("s"), lit("|")),
                listagg_distinct(col("b").cast("string")), listagg_distinct(col("t"), lit("-")),
                string_agg_distinct(col("t")), string_agg_distinct(col("t"), lit("+")));
        showExpr(ctx, t, "listagg(t)", "listagg(t, '/')", "string_agg(s, ' ; ')", "listagg(DISTINCT t, ',')",
                "string_agg(DISTINCT t)", "listagg(t, NULL)", "listagg(i)", "listagg(t, 1)", "listagg(t, t)",
                "listagg(t, X'00')", "length(listagg(s))");
        show(ctx, t.where("i > 1000"), listagg(col("s")), string_agg(col("t"), lit(",")));
    }

    @Case
    public static void listaggBinary(CaseContext ctx) {
        Dataset<Row> d = ks(ctx);
        showExpr(ctx, d, "hex(listagg(b))", "hex(listagg(b, X'FF'))", "hex(string_agg(DISTINCT b, X'EE'))",
                "listagg(b, ',')", "hex(listagg(b, NULL))");
        show(ctx, d, hex(listagg(col("b"), lit(new byte[] {0x7f}))), listagg(col("b")));
    }

    @Case
    public static void listaggGrouped(CaseContext ctx) {
        Dataset<Row> d = ks(ctx);
        grouped(ctx, d.groupBy("k").agg(listagg(col("s"), lit(",")), string_agg_distinct(col("s")),
                listagg(col("s").cast("binary"))));
    }

    @Case
    public static void withinGroupInSql(CaseContext ctx) {
        ks(ctx).createOrReplaceTempView("ks");
        String[] queries = {
            "SELECT k, listagg(s, ',') WITHIN GROUP (ORDER BY n) AS l FROM ks GROUP BY k ORDER BY k",
            "SELECT k, string_agg(s, '-') WITHIN GROUP (ORDER BY s DESC) FROM ks GROUP BY k ORDER BY k",
            "SELECT listagg(s) WITHIN GROUP (ORDER BY n DESC, s) FROM ks",
            "SELECT listagg(s, ',') WITHIN GROUP (ORDER BY n NULLS FIRST) FROM ks",
            "SELECT listagg(DISTINCT s, ',') WITHIN GROUP (ORDER BY s) FROM ks",
            "SELECT listagg(DISTINCT s, ',') WITHIN GROUP (ORDER BY n) FROM ks",
            "SELECT string_agg(DISTINCT s) WITHIN GROUP (ORDER BY s DESC) FROM ks",
            "SELECT hex(listagg(b, X'00') WITHIN GROUP (ORDER BY n)) FROM ks",
            "SELECT sum(n) WITHIN GROUP (ORDER BY n) FROM ks"};
        for (String q : queries) {
            OpsData.error(ctx, q, () -> {
                Dataset<Row> r = ctx.spark().sql(q);
                OpsData.fields(ctx, r);
                ctx.rows(r.collectAsList());
            });
        }
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * HLL sketches (Apache DataSketches, as Spark 4.0.4): hll_sketch_agg of ints, bigints, strings and
 * binaries at several lgConfigK (the sketch bytes printed in hex), hll_union_agg, hll_union,
 * hll_sketch_estimate, their errors, and the aggregates' state on a stream.
 */
public final class FnSketch {
    private FnSketch() {
    }

    private static final StructType SCHEMA = new StructType().add("k", DataTypes.StringType).add("i", DataTypes.IntegerType)
            .add("l", DataTypes.LongType).add("s", DataTypes.StringType);

    static Dataset<Row> values(CaseContext ctx) {
        return table(ctx, SCHEMA,
                new Object[] {"a", 1, 10L, "x"},
                new Object[] {"a", 2, 10L, "y"},
                new Object[] {"a", 1, 30L, ""},
                new Object[] {"b", null, null, null},
                new Object[] {"b", 3, -5L, "x"},
                new Object[] {"b", 4, 40L, "z"});
    }

    @Case
    public static void sketchAgg(CaseContext ctx) {
        Dataset<Row> df = values(ctx);
        show(ctx, df, hex(hll_sketch_agg(col("i"))), hll_sketch_estimate(hll_sketch_agg("l")),
                hex(hll_sketch_agg(col("s"), 5)), hll_sketch_estimate(hll_sketch_agg(col("s").cast("binary"), 21)),
                hex(hll_sketch_agg(col("l"), lit(4))));
        showExpr(ctx, df, "hex(hll_sketch_agg(i, 10))", "hll_sketch_estimate(hll_sketch_agg(s))",
                "hex(hll_sketch_agg(CAST(NULL AS INT)))", "hll_sketch_agg(i, 3)", "hll_sketch_agg(i, 22)",
                "hll_sketch_agg(CAST(i AS DOUBLE))");
    }

    @Case
    public static void sketchAggManyValues(CaseContext ctx) {
        Dataset<Row> df = ctx.spark().range(0, 2000).toDF("id");
        showExpr(ctx, df, "hll_sketch_estimate(hll_sketch_agg(id))", "hll_sketch_estimate(hll_sketch_agg(id, 4))",
                "hll_sketch_estimate(hll_sketch_agg(CAST(id AS STRING), 8))", "length(hll_sketch_agg(id, 6))");
    }

    @Case
    public static void unions(CaseContext ctx) {
        Dataset<Row> sketches = values(ctx).groupBy("k").agg(hll_sketch_agg("i").as("si"), hll_sketch_agg("l", 8).as("sl"),
                hll_sketch_agg(col("s")).as("ss"));
        show(ctx, sketches, hex(hll_union_agg("si")), hll_sketch_estimate(hll_union_agg(col("ss"))),
                hll_sketch_estimate(hll_union_agg("sl", true)), hll_sketch_estimate(hll_union(col("si"), col("ss"))),
                hex(hll_union("si", "ss")), hll_sketch_estimate(hll_union(col("si"), col("sl"), true)),
                hll_union(col("si"), col("sl")));
        showExpr(ctx, sketches.filter("k = 'zz'"), "hll_union_agg(si)");
        showExpr(ctx, sketches, "hll_sketch_estimate(X'0102')", "hll_union_agg(CAST('nope' AS BINARY))",
                "hll_sketch_estimate(hll_union_agg(si, false))");
        showExpr(ctx, sketches.union(sketches.selectExpr("k", "sl AS si", "sl", "ss")), "hll_union_agg(si)");
    }

    @Case
    public static void sketchStateOnStream(CaseContext ctx) throws Exception {
        String ddl = "k STRING, v INT";
        Dataset<Row> in = OpsData.json(ctx, ddl,
                new String[] {"{\"k\":\"a\",\"v\":1}", "{\"k\":\"a\",\"v\":2}", "{\"k\":\"b\",\"v\":1}"},
                new String[] {"{\"k\":\"a\",\"v\":2}", "{\"k\":\"a\",\"v\":3}", "{\"k\":\"b\",\"v\":9}"});
        OpsData.run(ctx, in.groupBy("k").agg(hll_sketch_estimate(hll_sketch_agg("v")).as("n"),
                hex(hll_sketch_agg(col("v"), 4)).as("sketch")), "complete");
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.struct;

/**
 * {@code df.stat()}: approximate quantiles (Spark's Greenwald-Khanna summaries merged over its
 * partitions), covariance and correlation, crosstab, frequent items (their order is Spark's Scala
 * map's), stratified sampling, and the refusals of each (issue 15).
 */
public final class OpsStat {
    private OpsStat() {
    }

    private static final StructType XY = new StructType().add("x", DataTypes.DoubleType).add("y", DataTypes.IntegerType)
            .add("s", DataTypes.StringType);

    /** 100 rows: x a permutation of 0..99 with a few nulls and a NaN, y = x mod 7, s a word. */
    static Dataset<Row> numbers(CaseContext ctx) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int v = (i * 37) % 100;
            Double x = i % 31 == 5 ? null : i == 50 ? Double.NaN : (double) v;
            rows.add(RowFactory.create(x, v % 7, "w" + (v % 4)));
        }
        return ctx.spark().createDataFrame(rows, XY);
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double d : values) {
            out.add(d);
        }
        return out;
    }

    private static void attempt(CaseContext ctx, String label, ThrowingRunnable r) {
        try {
            r.run();
            ctx.println(label + ": accepted");
        } catch (Exception e) {
            ctx.println(label + ":");
            ctx.error(e);
        }
    }

    /** A step that may throw. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Case
    public static void approxQuantileExact(CaseContext ctx) throws Exception {
        double[] probs = {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0};
        ctx.println("x: " + list(numbers(ctx).stat().approxQuantile("x", probs, 0.0)));
        ctx.println("y: " + list(numbers(ctx).stat().approxQuantile("y", probs, 0.0)));
        ctx.println("range: " + list(ctx.spark().range(0, 1000).stat().approxQuantile("id", probs, 0.0)));
    }

    @Case
    public static void approxQuantileApproximate(CaseContext ctx) throws Exception {
        double[] probs = {0.05, 0.5, 0.3, 0.95, 0.7};
        for (double err : new double[] {0.01, 0.05, 0.1, 0.25, 1.0}) {
            ctx.println(err + " x: " + list(numbers(ctx).stat().approxQuantile("x", probs, err)));
            ctx.println(err + " range: " + list(ctx.spark().range(0, 2000).selectExpr("(id * 7919) % 2000 AS v")
                    .stat().approxQuantile("v", probs, err)));
        }
    }

    @Case
    public static void approxQuantileColumns(CaseContext ctx) throws Exception {
        Dataset<Row> df = numbers(ctx).withColumn("n", col("y").plus(0.5))
                .withColumn("none", col("x").multiply(Double.NaN));
        double[][] q = df.stat().approxQuantile(new String[] {"x", "y", "n", "none"}, new double[] {0.5, 0.2}, 0.05);
        for (double[] column : q) {
            ctx.println(list(column));
        }
        ctx.println("empty: " + list(df.where("y > 100").stat().approxQuantile("x", new double[] {0.5}, 0.1)));
    }

    @Case
    public static void approxQuantileRefused(CaseContext ctx) throws Exception {
        attempt(ctx, "string column", () -> numbers(ctx).stat().approxQuantile("s", new double[] {0.5}, 0.1));
        attempt(ctx, "negative error", () -> numbers(ctx).stat().approxQuantile("x", new double[] {0.5}, -0.1));
        attempt(ctx, "probability 1.5", () -> numbers(ctx).stat().approxQuantile("x", new double[] {1.5}, 0.1));
        attempt(ctx, "missing column", () -> numbers(ctx).stat().approxQuantile("nope", new double[] {0.5}, 0.1));
    }

    @Case
    public static void covAndCorr(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().range(0, 50).selectExpr("id", "(id * 13) % 17 AS a", "id * id / 3 AS b",
                "CAST(id % 5 AS TINYINT) AS c");
        ctx.println("cov(id, a) " + df.stat().cov("id", "a"));
        ctx.println("cov(a, b) " + df.stat().cov("a", "b"));
        ctx.println("corr(id, b) " + df.stat().corr("id", "b"));
        ctx.println("corr(a, c) " + df.stat().corr("a", "c", "pearson"));
        ctx.println("corr(id, id) " + df.stat().corr("id", "id"));
        ctx.println("nulls cov(x, y) " + numbers(ctx).stat().cov("x", "y"));
        attempt(ctx, "spearman", () -> df.stat().corr("id", "a", "spearman"));
        attempt(ctx, "string", () -> numbers(ctx).stat().cov("s", "y"));
        attempt(ctx, "string corr", () -> numbers(ctx).stat().corr("y", "s"));
        attempt(ctx, "missing", () -> numbers(ctx).stat().cov("y", "nope"));
    }

    @Case
    public static void crosstab(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("key", DataTypes.IntegerType).add("value", DataTypes.StringType);
        Object[][] data = {{1, "1"}, {1, "2"}, {2, "1"}, {2, "1"}, {2, "3"}, {3, "2"}, {3, "3"}, {null, "3"},
            {3, null}, {1, "a`b"}};
        List<Row> rows = new ArrayList<>();
        for (Object[] r : data) {
            rows.add(RowFactory.create(r));
        }
        Dataset<Row> ct = ctx.spark().createDataFrame(rows, schema).stat().crosstab("key", "value");
        ctx.println(Arrays.asList(ct.columns()));
        ct.printSchema();
        ctx.show(ct);
        Dataset<Row> nums = numbers(ctx).stat().crosstab("y", "s");
        ctx.println(Arrays.asList(nums.columns()));
        ctx.show(nums);
    }

    @Case
    public static void freqItems(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(i % 2 == 0 ? RowFactory.create(1, -1.0) : RowFactory.create(i, i * -1.0));
        }
        Dataset<Row> df = ctx.spark().createDataFrame(rows, schema);
        Dataset<Row> singles = df.stat().freqItems(new String[] {"a", "b"}, 0.4);
        singles.printSchema();
        ctx.println(singles.collectAsList());
        ctx.println(df.stat().freqItems(new String[] {"a"}, 0.1).collectAsList());
        ctx.println(df.stat().freqItems(new String[] {"b"}).collectAsList());
        ctx.println(numbers(ctx).stat().freqItems(new String[] {"s", "y", "x"}, 0.2).collectAsList());
        ctx.println(numbers(ctx).stat().freqItems(new String[] {"x"}, 0.05).collectAsList());
        Dataset<Row> pairs = df.select(struct("a", "b").as("a-b")).stat().freqItems(new String[] {"a-b"}, 0.4);
        ctx.println(pairs.collectAsList());
        attempt(ctx, "support 0", () -> df.stat().freqItems(new String[] {"a"}, 0.0));
    }

    @Case
    public static void sampleBy(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("key", DataTypes.IntegerType).add("value", DataTypes.IntegerType);
        int[][] data = {{1, 1}, {1, 2}, {2, 1}, {2, 1}, {2, 3}, {3, 2}, {3, 3}};
        List<Row> rows = new ArrayList<>();
        for (int[] r : data) {
            rows.add(RowFactory.create(r[0], r[1]));
        }
        Map<Integer, Double> fractions = new LinkedHashMap<>();
        fractions.put(1, 1.0);
        fractions.put(3, 0.5);
        ctx.println(ctx.spark().createDataFrame(rows, schema).stat().sampleBy("key", fractions, 36L).collectAsList());
        Map<Long, Double> strata = new LinkedHashMap<>();
        strata.put(0L, 0.1);
        strata.put(1L, 0.5);
        strata.put(2L, 0.9);
        Dataset<Row> range = ctx.spark().range(0, 60, 1, 2).selectExpr("id", "id % 3 AS k");
        ctx.println(range.stat().sampleBy("k", strata, 7L).collectAsList());
        ctx.println(range.stat().sampleBy(col("k"), strata, 11L).collectAsList());
        Map<String, Double> words = new LinkedHashMap<>();
        words.put("w1", 0.5);
        words.put("w3", 1.0);
        ctx.println(numbers(ctx).stat().sampleBy(col("s"), words, 3L).select("x", "s").collectAsList());
        Map<Integer, Double> bad = new LinkedHashMap<>();
        bad.put(1, 2.0);
        attempt(ctx, "fraction 2.0", () -> range.stat().sampleBy("k", bad, 1L));
    }

    @Case
    public static void onStream(CaseContext ctx) throws Exception {
        java.nio.file.Path in = ctx.dir("in");
        ctx.file(in, "a.csv", "1,x", "2,y");
        Dataset<Row> stream = ctx.spark().readStream().schema("n INT, s STRING").csv(in.toString());
        attempt(ctx, "approxQuantile", () -> stream.stat().approxQuantile("n", new double[] {0.5}, 0.1));
        attempt(ctx, "cov", () -> stream.stat().cov("n", "n"));
        attempt(ctx, "crosstab", () -> stream.stat().crosstab("n", "s"));
        attempt(ctx, "countMinSketch", () -> stream.stat().countMinSketch("n", 3, 10, 1));
        attempt(ctx, "bloomFilter", () -> stream.stat().bloomFilter("n", 10L, 0.1));
        ctx.println("sampleBy streaming: " + stream.stat().sampleBy("n", Map.of(1, 0.5), 1L).isStreaming());
    }

    @Case
    public static void freqItemsOnStream(CaseContext ctx) throws Exception {
        java.nio.file.Path in = ctx.dir("in");
        ctx.file(in, "a.csv", "1,x", "2,y");
        Dataset<Row> stream = ctx.spark().readStream().schema("n INT, s STRING").csv(in.toString());
        attempt(ctx, "freqItems", () -> ctx.println("streaming: " + stream.stat().freqItems(new String[] {"n"}).isStreaming()));
    }
}

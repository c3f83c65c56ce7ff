package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import io.tideway.util.sketch.BloomFilter;
import io.tideway.util.sketch.CountMinSketch;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count_min_sketch;
import static io.tideway.sql.functions.hex;
import static io.tideway.sql.functions.lit;

/**
 * {@code df.stat().countMinSketch/bloomFilter} and the {@code count_min_sketch} aggregate: the
 * sketches' bytes in hex prove Spark's format and hashing (issue 15).
 */
public final class OpsStatSketch {
    private OpsStatSketch() {
    }

    private static Dataset<Row> items(CaseContext ctx) {
        StructType schema = new StructType().add("i", DataTypes.IntegerType).add("l", DataTypes.LongType)
                .add("s", DataTypes.StringType).add("b", DataTypes.BinaryType).add("d", DataTypes.DoubleType)
                .add("t", DataTypes.ShortType);
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            int v = n % 9;
            rows.add(RowFactory.create(n % 13 == 4 ? null : v, (long) v * 1_000_000_007L, "s" + (v % 5) + (n % 7 == 0 ? "é" : ""),
                    new byte[] {(byte) v, (byte) (n % 3)}, v / 2.0, (short) (v - 4)));
        }
        return ctx.spark().createDataFrame(rows, schema);
    }

    private static String hexOf(CountMinSketch s) throws Exception {
        return HexFormat.of().formatHex(s.toByteArray());
    }

    private static String hexOf(BloomFilter f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.writeTo(out);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static void describe(CaseContext ctx, String label, CountMinSketch s, Object... probes) throws Exception {
        ctx.println(label + ": depth " + s.depth() + " width " + s.width() + " total " + s.totalCount()
                + " eps " + s.relativeError() + " confidence " + s.confidence());
        ctx.println(hexOf(s));
        StringBuilder sb = new StringBuilder("estimates:");
        for (Object p : probes) {
            sb.append(' ').append(s.estimateCount(p));
        }
        ctx.println(sb.toString());
    }

    @Case
    public static void countMinSketchOverloads(CaseContext ctx) throws Exception {
        Dataset<Row> df = items(ctx);
        describe(ctx, "i 3x16", df.stat().countMinSketch("i", 3, 16, 42), 0, 4, 8, 100);
        describe(ctx, "l eps", df.stat().countMinSketch("l", 0.2, 0.9, 7), 0L, 4_000_000_028L, 5L);
        describe(ctx, "s col", df.stat().countMinSketch(col("s"), 4, 10, 1), "s0", "s1é", "zz");
        describe(ctx, "b col eps", df.stat().countMinSketch(col("b"), 0.5, 0.5, 3), new byte[] {1, 1}, new byte[] {9});
        describe(ctx, "t", df.stat().countMinSketch("t", 2, 7, 0), (short) -4, (short) 4);
        describe(ctx, "width 3 derived", df.stat().countMinSketch("i", 5, 3, 9), 1, 2);
    }

    @Case
    public static void countMinSketchMerges(CaseContext ctx) throws Exception {
        Dataset<Row> df = items(ctx);
        CountMinSketch a = df.where("i < 4").stat().countMinSketch("i", 3, 16, 42);
        CountMinSketch b = df.where("i >= 4").stat().countMinSketch("i", 3, 16, 42);
        a.mergeInPlace(b);
        CountMinSketch whole = df.stat().countMinSketch("i", 3, 16, 42);
        ctx.println("merged equals whole: " + a.equals(whole) + " " + hexOf(a).equals(hexOf(whole)));
        try {
            a.mergeInPlace(df.stat().countMinSketch("i", 3, 16, 43));
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            a.mergeInPlace(df.stat().countMinSketch("i", 3, 17, 42));
        } catch (Exception e) {
            ctx.error(e);
        }
        CountMinSketch read = CountMinSketch.readFrom(whole.toByteArray());
        ctx.println("read back: " + read.equals(whole) + " " + read.estimateCount(4));
    }

    @Case
    public static void countMinSketchFunction(CaseContext ctx) throws Exception {
        Dataset<Row> df = items(ctx);
        Dataset<Row> agg = df.agg(hex(count_min_sketch(col("i"), lit(0.5), lit(0.5), lit(1))),
                hex(count_min_sketch(col("s"), lit(0.4), lit(0.7), lit(2L))));
        ctx.println(java.util.Arrays.asList(agg.columns()));
        ctx.println(agg.collectAsList());
        df.createOrReplaceTempView("items");
        ctx.println(ctx.spark().sql("SELECT hex(count_min_sketch(col, 0.5d, 0.5d, 1)) FROM VALUES (1), (2), (1) AS tab(col)")
                .collectAsList());
        ctx.println(ctx.spark().sql("SELECT t % 2 AS g, hex(count_min_sketch(t, 0.6d, 0.6d, 5)) FROM items GROUP BY 1")
                .orderBy("g").collectAsList());
        ctx.println(ctx.spark().sql("SELECT hex(count_min_sketch(i, 0.5d, 0.5d, 1)) FROM items WHERE i > 100").collectAsList());
        ctx.println(df.select(count_min_sketch(col("i"), lit(0.5), lit(0.5), lit(1))).schema().fields()[0].nullable());
    }

    @Case
    public static void countMinSketchRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = items(ctx);
        df.createOrReplaceTempView("items");
        String[] queries = {
            "SELECT count_min_sketch(d, 0.5d, 0.5d, 1) FROM items",
            "SELECT count_min_sketch(i, 0.5, 0.5d, 1) FROM items",
            "SELECT count_min_sketch(i, 0.5d, 0.5d, 1.5d) FROM items",
            "SELECT count_min_sketch(i, d, 0.5d, 1) FROM items",
            "SELECT count_min_sketch(i, 0.5d, 0.5d, i) FROM items",
            "SELECT count_min_sketch(i, 0.0d, 0.5d, 1) FROM items",
            "SELECT count_min_sketch(i, 0.5d, 1.0d, 1) FROM items",
            "SELECT count_min_sketch(i, 0.5d, 0.5d) FROM items",
        };
        for (String q : queries) {
            try {
                ctx.spark().sql(q).collectAsList();
                ctx.println(q + ": accepted");
            } catch (Exception e) {
                ctx.error(e);
            }
        }
        try {
            df.stat().countMinSketch("d", 3, 10, 1);
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            df.stat().countMinSketch("i", 0, 10, 1);
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void countMinSketchNullEps(CaseContext ctx) throws Exception {
        items(ctx).createOrReplaceTempView("items");
        try {
            ctx.spark().sql("SELECT count_min_sketch(i, CAST(NULL AS DOUBLE), 0.5d, 1) FROM items").collectAsList();
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void bloomFilterOverloads(CaseContext ctx) throws Exception {
        Dataset<Row> df = items(ctx);
        BloomFilter byFpp = df.stat().bloomFilter("i", 20L, 0.05);
        ctx.println("i fpp: bits " + byFpp.bitSize() + " expectedFpp " + byFpp.expectedFpp());
        ctx.println(hexOf(byFpp));
        ctx.println("contains 4 " + byFpp.mightContain(4) + " 4L " + byFpp.mightContainLong(4L) + " 12345 " + byFpp.mightContain(12345));
        BloomFilter bits = df.stat().bloomFilter(col("l"), 30L, 256L);
        ctx.println("l bits: " + bits.bitSize() + " " + hexOf(bits));
        BloomFilter strings = df.stat().bloomFilter(col("s"), 10L, 0.01);
        ctx.println("s: " + hexOf(strings) + " s1é " + strings.mightContainString("s1é") + " s9 " + strings.mightContain("s9"));
        BloomFilter shorts = df.stat().bloomFilter("t", 9L, 100L);
        ctx.println("t: " + hexOf(shorts) + " -4 " + shorts.mightContain((short) -4));
        BloomFilter read = BloomFilter.readFrom(new java.io.ByteArrayInputStream(HexFormat.of().parseHex(hexOf(strings))));
        ctx.println("read back equal " + read.equals(strings) + " compatible " + read.isCompatible(strings));
        read.mergeInPlace(df.stat().bloomFilter(col("s"), 10L, 0.01));
        ctx.println("merged " + hexOf(read).equals(hexOf(strings)));
    }

    @Case
    public static void bloomFilterRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = items(ctx);
        try {
            df.stat().bloomFilter("d", 10L, 0.1);
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            df.stat().bloomFilter("b", 10L, 64L);
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            df.stat().bloomFilter("i", 0L, 64L);
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            df.stat().bloomFilter("i", 10L, 1.5);
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            BloomFilter none = df.where("i > 100").stat().bloomFilter("i", 10L, 0.1);
            ctx.println("empty: " + none);
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void countMinSketchOnStream(CaseContext ctx) throws Exception {
        java.nio.file.Path in = ctx.dir("in");
        ctx.file(in, "a.csv", "1,x", "2,y", "1,z");
        ctx.file(in, "b.csv", "3,x", "1,y");
        Dataset<Row> stream = ctx.spark().readStream().schema("n INT, s STRING").option("maxFilesPerTrigger", 1)
                .csv(in.toString());
        io.tideway.sql.streaming.StreamingQuery q = stream
                .agg(hex(count_min_sketch(col("n"), lit(0.5), lit(0.5), lit(1))).as("n"),
                        hex(count_min_sketch(col("s"), lit(0.5), lit(0.75), lit(2))).as("s"))
                .writeStream().outputMode("complete").trigger(io.tideway.sql.streaming.Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches()).start();
        q.awaitTermination();
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.CoGroupFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.KeyValueGroupedDataset;
import io.tideway.sql.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static conformance.cases.OpsData.fields;
import static io.tideway.sql.functions.col;

/**
 * The remaining pieces of Spark's Java surface (issue 15): {@code cogroupSorted}, sampling with
 * replacement, {@code inputFiles}/{@code sameSemantics}/{@code semanticHash}, {@code Encoder.clsTag},
 * an {@code Aggregator} in untyped aggregations, and reading several paths at once.
 */
public final class OpsSurface {
    private OpsSurface() {
    }

    private static KeyValueGroupedDataset<Integer, String> wordsByLength(CaseContext ctx) {
        return ctx.spark().createDataset(Arrays.asList("pear", "fig", "plum", "kiwi", "date", "yam", "lime", "apple"),
                Encoders.STRING()).groupByKey((MapFunction<String, Integer>) String::length, Encoders.INT());
    }

    private static KeyValueGroupedDataset<Integer, Integer> numbersByTens(CaseContext ctx) {
        return ctx.spark().createDataset(Arrays.asList(42, 7, 31, 48, 3, null, 35, 44, 50), Encoders.INT())
                .groupByKey((MapFunction<Integer, Integer>) i -> i == null ? 4 : i / 10, Encoders.INT());
    }

    private static <T> String listed(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out.toString();
    }

    /** Each side's values reach the function in its own order: words descending, numbers ascending with nulls last. */
    @Case
    public static void cogroupSortedArrays(CaseContext ctx) {
        Dataset<String> out = wordsByLength(ctx).cogroupSorted(numbersByTens(ctx), new Column[] {col("value").desc()},
                new Column[] {col("value").asc_nulls_last()},
                (CoGroupFunction<Integer, String, Integer, String>) (k, left, right) ->
                        List.of(k + " " + listed(left) + " " + listed(right)).iterator(), Encoders.STRING());
        fields(ctx, out);
        ctx.show(out);
    }

    /** Two sort keys on one side, none on the other (its values in any order, so the function sorts them). */
    @Case
    public static void cogroupSortedTwoKeysAndNone(CaseContext ctx) {
        Dataset<String> out = wordsByLength(ctx).cogroupSorted(numbersByTens(ctx),
                new Column[] {secondLetter(), col("value").desc()}, new Column[0],
                (CoGroupFunction<Integer, String, Integer, String>) (k, left, right) -> {
                    List<Integer> r = new ArrayList<>();
                    right.forEachRemaining(r::add);
                    r.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
                    return List.of(k + " " + listed(left) + " " + r).iterator();
                }, Encoders.STRING());
        ctx.show(out);
    }

    private static Column secondLetter() {
        return io.tideway.sql.functions.substring(col("value"), 2, 1);
    }

    /** Spark's Scala form, with Scala sequences and a {@code Function3}. */
    @Case
    public static void cogroupSortedScalaForm(CaseContext ctx) {
        scala.collection.immutable.Seq<Column> desc = scala.jdk.javaapi.CollectionConverters.asScala(List.of(col("value").desc())).toSeq();
        scala.collection.immutable.Seq<Column> asc = scala.jdk.javaapi.CollectionConverters.asScala(List.of(col("value"))).toSeq();
        Dataset<String> out = wordsByLength(ctx).cogroupSorted(numbersByTens(ctx), asc, desc,
                (scala.Function3<Integer, scala.collection.Iterator<String>, scala.collection.Iterator<Integer>,
                        scala.collection.IterableOnce<String>> & java.io.Serializable) (k, left, right) -> scala.jdk.javaapi.CollectionConverters.asScala(
                        List.of(k + " " + left.mkString(",") + " " + right.mkString(",")).iterator()), Encoders.STRING());
        ctx.show(out);
    }

    private static void sampled(CaseContext ctx, String label, Dataset<?> df) {
        ctx.println(label + ": " + df.collectAsList());
    }

    /** Poisson sampling: a row may come several times; each partition draws from its own seed. */
    @Case
    public static void sampleWithReplacementRange(CaseContext ctx) {
        sampled(ctx, "range(0,30,1,1) 0.5 seed 7", ctx.spark().range(0, 30, 1, 1).sample(true, 0.5, 7));
        sampled(ctx, "range(0,30,1,3) 0.5 seed 7", ctx.spark().range(0, 30, 1, 3).sample(true, 0.5, 7));
        sampled(ctx, "range(0,20,1,2) 1.0 seed 42", ctx.spark().range(0, 20, 1, 2).sample(true, 1.0, 42));
        sampled(ctx, "range(0,10,1,2) 2.5 seed 1", ctx.spark().range(0, 10, 1, 2).sample(true, 2.5, 1));
        sampled(ctx, "range(0,10,1,2) 0.0 seed 1", ctx.spark().range(0, 10, 1, 2).sample(true, 0.0, 1));
        sampled(ctx, "range(0,400,1,4) 0.05 seed -3", ctx.spark().range(0, 400, 1, 4).sample(true, 0.05, -3));
    }

    @Case
    public static void sampleWithReplacementProjected(CaseContext ctx) {
        Dataset<Row> df = ctx.spark().range(0, 40, 1, 2).selectExpr("id", "id % 7 AS r").where("r <> 3");
        sampled(ctx, "filtered 0.7 seed 11", df.sample(true, 0.7, 11));
        ctx.println("count 3.0 seed 5: " + ctx.spark().range(0, 100, 1, 2).sample(true, 3.0, 5).count());
    }

    @Case
    public static void sampleWithReplacementLocalRows(CaseContext ctx) {
        Dataset<String> words = ctx.spark().createDataset(Arrays.asList("a", "b", "c", "d", "e", "f", "g"), Encoders.STRING());
        sampled(ctx, "local 0.8 seed 3", words.sample(true, 0.8, 3));
    }

    @Case
    public static void sampleWithReplacementNegative(CaseContext ctx) {
        OpsData.error(ctx, "fraction -0.5", () -> ctx.spark().range(10).sample(true, -0.5, 1));
        OpsData.error(ctx, "fraction 1.5 without", () -> ctx.spark().range(10).sample(false, 1.5, 1));
    }
}

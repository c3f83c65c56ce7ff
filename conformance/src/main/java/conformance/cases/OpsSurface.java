package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.CoGroupFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoder;
import io.tideway.sql.Encoders;
import io.tideway.sql.KeyValueGroupedDataset;
import io.tideway.sql.Row;
import io.tideway.sql.expressions.Aggregator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static conformance.cases.OpsData.fields;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.min;

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

    /** Two JSON directories, each with one file (written by the case, so both engines read the same bytes). */
    private static String[] jsonDirs(CaseContext ctx) throws Exception {
        java.nio.file.Path a = ctx.dir("a");
        ctx.file(a, "1.json", "{\"n\":1}", "{\"n\":2}");
        java.nio.file.Path b = ctx.dir("b");
        ctx.file(b, "2.json", "{\"n\":3}");
        return new String[] {a.toString(), b.toString()};
    }

    /** {@code json(p1, p2)}, {@code load(p1, p2)} and {@code parquet(p1, p2)} read every path, a path given twice too. */
    @Case
    public static void readSeveralPaths(CaseContext ctx) throws Exception {
        String[] dirs = jsonDirs(ctx);
        String file = dirs[0] + "/1.json";
        ctx.println("json(a, b):");
        ctx.show(ctx.spark().read().json(dirs[0], dirs[1]));
        ctx.println("json(a, a):");
        ctx.show(ctx.spark().read().json(dirs[0], dirs[0]));
        ctx.println("json(file, file):");
        ctx.show(ctx.spark().read().json(file, file));
        ctx.println("load(file, b):");
        ctx.show(ctx.spark().read().format("json").load(file, dirs[1]));
        String p1 = ctx.path("p1");
        String p2 = ctx.path("p2");
        ctx.spark().range(0, 3, 1, 1).write().mode("overwrite").parquet(p1);
        ctx.spark().range(10, 12, 1, 1).write().mode("overwrite").parquet(p2);
        ctx.println("parquet(p1, p2):");
        ctx.show(ctx.spark().read().parquet(p1, p2));
        ctx.println("parquet(p1, p1):");
        ctx.show(ctx.spark().read().parquet(p1, p1));
        ctx.println("load(p2, p1):");
        ctx.show(ctx.spark().read().format("parquet").load(p2, p1));
    }

    private static void files(CaseContext ctx, String label, Dataset<?> df) {
        String[] files = df.inputFiles();
        Arrays.sort(files);
        ctx.println(label + ": " + Arrays.toString(files));
    }

    /** The files a Dataset reads, as Spark's URIs, each once. */
    @Case
    public static void inputFilesOfReads(CaseContext ctx) throws Exception {
        String[] dirs = jsonDirs(ctx);
        Dataset<Row> a = ctx.spark().read().json(dirs[0]);
        Dataset<Row> b = ctx.spark().read().json(dirs[1]);
        files(ctx, "json(a)", a);
        files(ctx, "json(a, b)", ctx.spark().read().json(dirs[0], dirs[1]));
        files(ctx, "json(a, a)", ctx.spark().read().json(dirs[0], dirs[0]));
        files(ctx, "json(file)", ctx.spark().read().json(dirs[0] + "/1.json"));
        files(ctx, "filtered", a.where("n > 1").select("n"));
        files(ctx, "a union b", a.union(b));
        files(ctx, "a union a", a.union(a));
        files(ctx, "a join b", a.join(b, "n"));
        files(ctx, "range", ctx.spark().range(3));
        files(ctx, "text", ctx.spark().read().text(dirs[1]));
    }

    private static void same(CaseContext ctx, String label, Dataset<Row> x, Dataset<Row> y) {
        ctx.println(label + ": sameSemantics " + x.sameSemantics(y) + ", equal semanticHash "
                + (x.semanticHash() == y.semanticHash()));
    }

    /** Whether two Datasets compute the same result, as Spark's canonical plans compare. */
    @Case
    public static void sameSemanticsAndHash(CaseContext ctx) throws Exception {
        Dataset<Row> r = ctx.spark().range(10).toDF();
        same(ctx, "same filter", r.where("id > 1"), ctx.spark().range(10).toDF().where("id > 1"));
        same(ctx, "filter as Column", r.where("id > 1"), r.where(col("id").gt(1)));
        same(ctx, "other bound", r.where("id > 1"), r.where("id > 2"));
        same(ctx, "other range", r, ctx.spark().range(11).toDF());
        same(ctx, "itself", r, r);
        same(ctx, "plus", r.select(col("id").plus(1)), r.selectExpr("id + 1"));
        same(ctx, "other alias", r.select(col("id").as("a")), r.select(col("id").as("b")));
        same(ctx, "swapped and", r.where("id > 1 AND id < 5"), r.where("id < 5 AND id > 1"));
        same(ctx, "swapped equality", r.where("id = 3"), r.where("3 = id"));
        same(ctx, "three conjuncts", r.where("id > 1 AND (id < 5 AND id <> 3)"), r.where("(id <> 3 AND id > 1) AND id < 5"));
        same(ctx, "mixed and/or", r.where("id = 1 OR (id = 2 AND id > 0)"), r.where("(id > 0 AND id = 2) OR 1 = id"));
        same(ctx, "and vs or", r.where("id > 1 AND id < 5"), r.where("id > 1 OR id < 5"));
        same(ctx, "limit", r.limit(3), r.limit(4));
        same(ctx, "aggregate", r.groupBy().count(), ctx.spark().range(10).toDF().groupBy().count());
        String[] dirs = jsonDirs(ctx);
        same(ctx, "json twice", ctx.spark().read().json(dirs[0]), ctx.spark().read().json(dirs[0]));
        same(ctx, "json other dir", ctx.spark().read().json(dirs[0]), ctx.spark().read().json(dirs[1]));
    }

    /** The total length of a row's {@code s} column, over rows (a DataFrame's objects). */
    public static final class RowLength extends Aggregator<Row, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long zero() {
            return 0L;
        }

        @Override
        public Long reduce(Long b, Row a) {
            String s = a.getString(a.fieldIndex("s"));
            return s == null ? b : b + s.length();
        }

        @Override
        public Long merge(Long b1, Long b2) {
            return b1 + b2;
        }

        @Override
        public Long finish(Long reduction) {
            return reduction;
        }

        @Override
        public Encoder<Long> bufferEncoder() {
            return Encoders.LONG();
        }

        @Override
        public Encoder<Long> outputEncoder() {
            return Encoders.LONG();
        }
    }

    private static Dataset<Row> keyed(CaseContext ctx) {
        return JoinsInput.rows(ctx, new io.tideway.sql.types.StructType().add("k", io.tideway.sql.types.DataTypes.StringType)
                        .add("s", io.tideway.sql.types.DataTypes.StringType),
                new Object[] {"a", "xy"}, new Object[] {"a", "xyz"}, new Object[] {"b", null}, new Object[] {"b", "q"},
                new Object[] {"c", "hello"});
    }

    /** An aggregator's column in an untyped {@code groupBy(...).agg(...)} aggregates the rows of each group. */
    @Case
    public static void aggregatorInGroupByAgg(CaseContext ctx) {
        Dataset<Row> out = keyed(ctx).groupBy("k").agg(new RowLength().toColumn());
        fields(ctx, out);
        ctx.show(out);
        Dataset<Row> mixed = keyed(ctx).groupBy(col("k")).agg(max("s"), new RowLength().toColumn().name("total"), count("*"));
        fields(ctx, mixed);
        ctx.show(mixed);
    }

    /** {@code Dataset.agg} with an aggregator: one row over all rows. */
    @Case
    public static void aggregatorInDatasetAgg(CaseContext ctx) {
        Dataset<Row> all = keyed(ctx).agg(new RowLength().toColumn(), min("k"));
        fields(ctx, all);
        ctx.show(all);
        Dataset<Row> named = keyed(ctx).where("k <> 'c'").agg(new RowLength().toColumn().name("n"));
        fields(ctx, named);
        ctx.show(named);
    }

    /** {@code Encoder.clsTag()} is a {@code scala.reflect.ClassTag} of the objects' class. */
    @Case
    public static void encoderClassTags(CaseContext ctx) {
        List<Encoder<?>> encoders = Arrays.asList(Encoders.STRING(), Encoders.INT(), Encoders.LONG(), Encoders.DOUBLE(),
                Encoders.BOOLEAN(), Encoders.DATE(), Encoders.TIMESTAMP(), Encoders.INSTANT(), Encoders.DECIMAL(), Encoders.BINARY(),
                Encoders.bean(OpsTypedAgg.Person.class), Encoders.tuple(Encoders.STRING(), Encoders.INT()),
                Encoders.javaSerialization(java.util.ArrayList.class));
        for (Encoder<?> e : encoders) {
            scala.reflect.ClassTag<?> tag = e.clsTag();
            ctx.println(tag.runtimeClass().getName() + " / " + tag);
        }
    }

    /**
     * {@code spark.sql.parquet.writeLegacyFormat}: the nested and non-null-element columns of
     * {@code SourcesParquetNested} written in Spark's legacy layout and read back.
     */
    @Case
    public static void parquetLegacyWriteAndReadBack(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.parquet.writeLegacyFormat", "true");
        String nested = ctx.dir("out").resolve("nested").toString();
        SourcesParquetNested.nested(ctx).coalesce(1).write().parquet(nested);
        SinksParquet.show(ctx, "nested, legacy layout", ctx.spark().read().parquet(nested));
        String nonNull = ctx.dir("out").resolve("nonnull").toString();
        SourcesParquetNested.nonNull(ctx).coalesce(1).write().parquet(nonNull);
        SinksParquet.show(ctx, "non-null elements, legacy layout", ctx.spark().read().parquet(nonNull));
    }

    /**
     * Spark reads the files Tideway wrote in the legacy layout (committed inputs; the nested one is
     * byte-identical to Spark's {@code spark-nested-legacy}).
     */
    @Case
    public static void parquetLegacyFilesTidewayWrote(CaseContext ctx) throws Exception {
        java.nio.file.Path nested = ctx.dir("nested");
        ctx.input(nested, "tideway-nested-legacy.snappy.parquet");
        SinksParquet.show(ctx, "nested, legacy layout (Tideway wrote)", ctx.spark().read().parquet(nested.toString()));
        java.nio.file.Path nonNull = ctx.dir("nonnull");
        ctx.input(nonNull, "tideway-nonnull-legacy.snappy.parquet");
        SinksParquet.show(ctx, "non-null elements, legacy layout (Tideway wrote)", ctx.spark().read().parquet(nonNull.toString()));
    }

    /** {@code checkpoint} needs a checkpoint directory, {@code localCheckpoint} does not; both keep the rows and cut the plan. */
    @Case
    public static void checkpoints(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().range(0, 6, 1, 2).toDF().where("id % 2 = 0").selectExpr("id", "id * 10 AS x");
        ctx.println("localCheckpoint: " + df.localCheckpoint().collectAsList());
        ctx.println("localCheckpoint(false): " + df.localCheckpoint(false).collectAsList());
        OpsData.error(ctx, "checkpoint without a directory", () -> df.checkpoint());
        ctx.spark().sparkContext().setCheckpointDir(ctx.path("checkpoints"));
        Dataset<Row> kept = df.checkpoint();
        ctx.println("checkpoint: " + kept.collectAsList() + " " + Arrays.toString(kept.columns()) + " streaming " + kept.isStreaming());
        ctx.println("checkpoint(false): " + df.checkpoint(false).where("x > 0").collectAsList());
        Dataset<Long> typed = ctx.spark().range(3).localCheckpoint();
        ctx.println("typed: " + typed.collectAsList());
        String[] dirs = jsonDirs(ctx);
        files(ctx, "json(a) checkpointed", ctx.spark().read().json(dirs[0]).localCheckpoint());
    }

    /** {@code inputFiles} of a stream fails as Spark's (it plans the query); explain's modes. */
    @Case
    public static void streamInputFilesAndExplainModes(CaseContext ctx) throws Exception {
        String[] dirs = jsonDirs(ctx);
        Dataset<Row> stream = ctx.spark().readStream().schema("n INT").json(dirs[0]);
        OpsData.error(ctx, "stream inputFiles", () -> files(ctx, "stream", stream));
        ctx.println("isStreaming: " + stream.isStreaming() + " " + stream.where("n > 1").isStreaming() + " "
                + ctx.spark().range(2).isStreaming());
        OpsData.error(ctx, "explain(\"fancy\")", () -> ctx.spark().range(2).explain("fancy"));
        OpsData.error(ctx, "checkpoint of a stream", () -> stream.localCheckpoint());
    }

    /** Hints change no rows; the partitioning hints check their parameters as Spark's analyzer does. */
    @Case
    public static void hintForms(CaseContext ctx) {
        Dataset<Row> df = ctx.spark().range(0, 5, 1, 2).toDF();
        Dataset<Row> other = ctx.spark().range(3, 8, 1, 2).toDF();
        ctx.println("broadcast join: " + df.join(other.hint("broadcast"), "id").collectAsList());
        ctx.println("BROADCASTJOIN: " + df.hint("BROADCASTJOIN").join(other, "id").collectAsList());
        ctx.println("merge, shuffle_hash: " + df.hint("merge").join(other.hint("shuffle_hash"), "id").count());
        ctx.println("coalesce 1: " + df.hint("coalesce", 1).collectAsList());
        ctx.println("repartition 3 by id: " + df.hint("repartition", 3, col("id")).count());
        ctx.println("repartition by id: " + df.hint("REPARTITION", col("id")).count());
        ctx.println("repartition_by_range 2 by id: " + df.hint("repartition_by_range", 2, col("id")).count());
        ctx.println("rebalance: " + df.hint("rebalance").count());
        ctx.println("unknown: " + df.hint("no_such_hint", "x", 1).collectAsList());
        OpsData.error(ctx, "coalesce without a number", () -> df.hint("coalesce"));
        OpsData.error(ctx, "coalesce of a name", () -> df.hint("coalesce", "id"));
        OpsData.error(ctx, "repartition of a number string", () -> df.hint("repartition", 3, "id"));
        OpsData.error(ctx, "repartition of a sort order", () -> df.hint("repartition", 3, col("id").desc()));
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.FlatMapGroupsFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsFunction;
import io.tideway.api.java.function.ReduceFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.KeyValueGroupedDataset;
import io.tideway.sql.Row;
import scala.Tuple2;
import scala.Tuple3;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static conformance.cases.OpsData.strings;
import static io.tideway.sql.functions.col;

/** {@code groupByKey} beyond the state operations, tuple encoders and {@code createDataset}. */
public final class OpsTypedGroups {
    private OpsTypedGroups() {
    }

    private static final List<String> FRUIT = Arrays.asList("apple", "avocado", "banana", "blueberry", "cherry", "apricot");

    private static KeyValueGroupedDataset<String, String> byInitial(CaseContext ctx) {
        Dataset<String> ds = ctx.spark().createDataset(FRUIT, Encoders.STRING());
        return ds.groupByKey((MapFunction<String, String>) s -> s.substring(0, 1), Encoders.STRING());
    }

    /** A bean-free value class for javaSerialization. */
    public static final class Point implements Serializable {
        private static final long serialVersionUID = 1L;
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        @Override
        public String toString() {
            return "Point(" + x + ", " + y + ")";
        }
    }

    @Case
    public static void mapGroupsAndFlatMapGroups(CaseContext ctx) {
        KeyValueGroupedDataset<String, String> g = byInitial(ctx);
        Dataset<String> counted = g.mapGroups((MapGroupsFunction<String, String, String>) (k, it) -> {
            int n = 0;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return k + ":" + n;
        }, Encoders.STRING());
        fields(ctx, counted);
        ctx.show(counted);
        Dataset<Integer> lengths = g.flatMapGroups((FlatMapGroupsFunction<String, String, Integer>) (k, it) -> {
            List<Integer> out = new ArrayList<>();
            while (it.hasNext()) {
                out.add(it.next().length() * (k.equals("a") ? 1 : -1));
            }
            return out.iterator();
        }, Encoders.INT());
        fields(ctx, lengths);
        ctx.show(lengths);
    }

    @Case
    public static void countKeysAndReduceGroups(CaseContext ctx) {
        KeyValueGroupedDataset<String, String> g = byInitial(ctx);
        Dataset<Tuple2<String, Object>> counts = g.count();
        fields(ctx, counts);
        ctx.show(counts);
        ctx.show(counts.toDF());
        Dataset<String> keys = g.keys();
        fields(ctx, keys);
        ctx.show(keys);
        Dataset<Tuple2<String, String>> longest = g.reduceGroups((ReduceFunction<String>) (a, b) ->
                a.length() > b.length() || a.length() == b.length() && a.compareTo(b) > 0 ? a : b);
        ctx.show(longest);
        Dataset<Tuple2<String, Integer>> total = g.mapValues((MapFunction<String, Integer>) String::length, Encoders.INT())
                .reduceGroups((ReduceFunction<Integer>) Integer::sum);
        ctx.show(total);
    }

    @Case
    public static void tupleEncoders(CaseContext ctx) {
        Dataset<Tuple2<String, Integer>> pairs = ctx.spark().createDataset(
                Arrays.asList(new Tuple2<>("a", 1), new Tuple2<>("b", 2), new Tuple2<>(null, 3)),
                Encoders.tuple(Encoders.STRING(), Encoders.INT()));
        fields(ctx, pairs);
        ctx.show(pairs);
        ctx.show(pairs.toDF());
        ctx.show(pairs.select(col("_2").plus(10).as("x"), col("_1")));
        Dataset<Tuple3<String, Long, Boolean>> triples = pairs.map(
                (MapFunction<Tuple2<String, Integer>, Tuple3<String, Long, Boolean>>) t ->
                        new Tuple3<>(t._1() == null ? "?" : t._1(), (long) t._2() * 100, t._2() % 2 == 0),
                Encoders.tuple(Encoders.STRING(), Encoders.LONG(), Encoders.BOOLEAN()));
        fields(ctx, triples);
        ctx.show(triples);
        // a DataFrame read as tuples binds columns by position, whatever their names
        Dataset<Tuple2<Long, String>> byPosition = ctx.spark().range(3)
                .select(col("id"), col("id").cast("string").as("text"))
                .as(Encoders.tuple(Encoders.LONG(), Encoders.STRING()));
        ctx.show(byPosition.map((MapFunction<Tuple2<Long, String>, String>) t -> t._2() + "/" + t._1(), Encoders.STRING()));
        error(ctx, "three columns as a pair", () -> ctx.spark().range(3)
                .select(col("id"), col("id"), col("id")).as(Encoders.tuple(Encoders.LONG(), Encoders.LONG())).collectAsList());
    }

    @Case
    public static void javaSerializationEncoder(CaseContext ctx) {
        Dataset<Point> points = ctx.spark().createDataset(Arrays.asList(new Point(1, 2), new Point(3, 4)),
                Encoders.javaSerialization(Point.class));
        fields(ctx, points);
        ctx.show(points.map((MapFunction<Point, String>) Point::toString, Encoders.STRING()));
        Dataset<Point> moved = points.map((MapFunction<Point, Point>) p -> new Point(p.x + 10, p.y),
                Encoders.javaSerialization(Point.class));
        ctx.show(moved.map((MapFunction<Point, Integer>) p -> p.x, Encoders.INT()));
    }

    private static Dataset<String> streamingFruit(CaseContext ctx) throws Exception {
        return strings(ctx, FRUIT.toArray(new String[0])).select(col("s")).as(Encoders.STRING());
    }

    @Case
    public static void streamingCountAndKeys(CaseContext ctx) throws Exception {
        KeyValueGroupedDataset<String, String> g = streamingFruit(ctx)
                .groupByKey((MapFunction<String, String>) s -> s.substring(0, 1), Encoders.STRING());
        run(ctx, g.count(), "update");
        ctx.println("keys:");
        run(ctx, g.keys(), "append");
    }

    @Case
    public static void streamingGroupOperations(CaseContext ctx) throws Exception {
        KeyValueGroupedDataset<String, String> g = streamingFruit(ctx)
                .groupByKey((MapFunction<String, String>) s -> s.substring(0, 1), Encoders.STRING());
        error(ctx, "mapGroups, append", () -> run(ctx, g.mapGroups(
                (MapGroupsFunction<String, String, String>) (k, it) -> k, Encoders.STRING()), "append"));
        error(ctx, "flatMapGroups, update", () -> run(ctx, g.flatMapGroups(
                (FlatMapGroupsFunction<String, String, String>) (k, it) -> it, Encoders.STRING()), "update"));
        error(ctx, "reduceGroups, update", () -> run(ctx, g.reduceGroups(
                (ReduceFunction<String>) (a, b) -> a.compareTo(b) > 0 ? a : b), "update"));
    }

    /** Two batches: a group function sees each batch's rows alone; a reduction carries over. */
    @Case
    public static void streamingAcrossBatches(CaseContext ctx) throws Exception {
        Dataset<String> words = json(ctx, "s STRING",
                new String[] {"{\"s\":\"apple\"}", "{\"s\":\"banana\"}", "{\"s\":\"avocado\"}"},
                new String[] {"{\"s\":\"apricot\"}", "{\"s\":\"cherry\"}"}).select(col("s")).as(Encoders.STRING());
        KeyValueGroupedDataset<String, String> g = words
                .groupByKey((MapFunction<String, String>) s -> s.substring(0, 1), Encoders.STRING());
        run(ctx, g.mapGroups((MapGroupsFunction<String, String, String>) (k, it) -> {
            StringBuilder b = new StringBuilder(k).append(':');
            while (it.hasNext()) {
                b.append(' ').append(it.next());
            }
            return b.toString();
        }, Encoders.STRING()), "append");
        ctx.println("reduceGroups:");
        run(ctx, g.mapValues((MapFunction<String, Integer>) String::length, Encoders.INT())
                .reduceGroups((ReduceFunction<Integer>) Integer::sum), "update");
    }

    @Case
    public static void mapValuesThenGroupsWithState(CaseContext ctx) throws Exception {
        KeyValueGroupedDataset<String, Integer> g = streamingFruit(ctx)
                .groupByKey((MapFunction<String, String>) s -> s.substring(0, 1), Encoders.STRING())
                .mapValues((MapFunction<String, Integer>) String::length, Encoders.INT());
        Dataset<String> sums = g.mapGroupsWithState(
                (io.tideway.api.java.function.MapGroupsWithStateFunction<String, Integer, Integer, String>) (k, it, state) -> {
                    int sum = state.exists() ? state.get() : 0;
                    while (it.hasNext()) {
                        sum += it.next();
                    }
                    state.update(sum);
                    return k + "=" + sum;
                }, Encoders.INT(), Encoders.STRING());
        run(ctx, sums, "update");
    }

    /** Rows of a DataFrame built from tuples keep the tuple's column names. */
    @Case
    public static void tupleRowsInDataFrames(CaseContext ctx) {
        Dataset<Row> df = ctx.spark().createDataset(
                Arrays.asList(new Tuple2<>("x", 1L), new Tuple2<>("y", 2L)), Encoders.tuple(Encoders.STRING(), Encoders.LONG()))
                .toDF("name", "n");
        fields(ctx, df);
        ctx.show(df.groupBy(col("name")).sum("n"));
    }
}

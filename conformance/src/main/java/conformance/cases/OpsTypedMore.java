package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.CoGroupFunction;
import io.tideway.api.java.function.FlatMapGroupsFunction;
import io.tideway.api.java.function.ForeachPartitionFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.ReduceFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.KeyValueGroupedDataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import scala.Tuple2;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static io.tideway.sql.functions.col;

/**
 * The rest of Spark's typed Java API: Dataset actions that return objects ({@code reduce},
 * {@code take}, {@code collect}, {@code tail}, {@code toLocalIterator}, {@code foreachPartition}),
 * {@code transform}, {@code dtypes}, the {@code java.time} and row encoders, and
 * {@code KeyValueGroupedDataset}'s {@code keyAs}, {@code flatMapSortedGroups} and {@code cogroup}.
 */
public final class OpsTypedMore {
    private OpsTypedMore() {
    }

    private static final List<String> FRUIT = Arrays.asList("apple", "avocado", "banana", "blueberry", "cherry", "apricot");

    /** What {@code foreachPartition}'s function saw. */
    private static final java.util.Queue<String> PARTITION_VALUES = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private static Dataset<String> fruit(CaseContext ctx) {
        return ctx.spark().createDataset(FRUIT, Encoders.STRING());
    }

    @Case
    public static void datasetObjectActions(CaseContext ctx) {
        Dataset<String> ds = fruit(ctx);
        ctx.println(ds.reduce((ReduceFunction<String>) (a, b) -> a.compareTo(b) > 0 ? a : b));
        Dataset<Integer> lengths = ds.map((MapFunction<String, Integer>) String::length, Encoders.INT());
        ctx.println(lengths.reduce((ReduceFunction<Integer>) Integer::sum));
        error(ctx, "reduce of nothing", () -> ctx.println(lengths.filter(col("value").gt(100))
                .reduce((ReduceFunction<Integer>) Integer::sum)));
        Object taken = ds.orderBy(col("value")).take(2);
        ctx.println(taken.getClass().getSimpleName() + " " + Arrays.toString((Object[]) taken));
        Object all = lengths.orderBy(col("value")).collect();
        ctx.println(all.getClass().getSimpleName() + " " + Arrays.toString((Object[]) all));
        Object last = ds.orderBy(col("value")).tail(2);
        ctx.println(last.getClass().getSimpleName() + " " + Arrays.toString((Object[]) last));
        Object rows = ds.toDF().orderBy(col("value")).take(1);
        ctx.println(rows.getClass().getSimpleName() + " " + Arrays.toString((Object[]) rows));
        Iterator<String> it = ds.orderBy(col("value").desc()).toLocalIterator();
        List<String> seen = new ArrayList<>();
        while (it.hasNext()) {
            seen.add(it.next());
        }
        ctx.println(seen);
        // a static collection: Spark runs the function on a deserialized copy, so a captured list stays empty
        PARTITION_VALUES.clear();
        ds.foreachPartition((ForeachPartitionFunction<String>) p -> {
            while (p.hasNext()) {
                PARTITION_VALUES.add(p.next().toUpperCase());
            }
        });
        List<String> sorted = new ArrayList<>(PARTITION_VALUES);
        Collections.sort(sorted);
        ctx.println(sorted);
    }

    @Case
    public static void transformAndDtypes(CaseContext ctx) {
        Dataset<String> ds = fruit(ctx);
        Dataset<Integer> t = ds.transform(d -> d.filter(col("value").startsWith("a"))
                .map((MapFunction<String, Integer>) String::length, Encoders.INT()));
        ctx.show(t);
        Dataset<Row> df = ds.toDF().withColumn("n", col("value").substr(1, 1)).withColumn("l", col("value").cast("long"))
                .withColumn("d", col("value").cast("decimal(10,2)"));
        for (Tuple2<String, String> c : df.dtypes()) {
            ctx.println(c._1() + " " + c._2());
        }
    }

    @Case
    public static void javaTimeEncoders(CaseContext ctx) {
        Dataset<Instant> instants = ctx.spark().createDataset(Arrays.asList(Instant.parse("2024-01-02T03:04:05.123456Z"),
                Instant.parse("1969-12-31T23:59:59Z")), Encoders.INSTANT());
        fields(ctx, instants);
        ctx.show(instants.map((MapFunction<Instant, String>) Instant::toString, Encoders.STRING()));
        ctx.show(instants.toDF().select(col("value").cast("string")));
        Dataset<LocalDate> dates = ctx.spark().createDataset(Arrays.asList(LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1)),
                Encoders.LOCALDATE());
        fields(ctx, dates);
        ctx.show(dates.map((MapFunction<LocalDate, String>) d -> d.plusDays(1).toString(), Encoders.STRING()));
        Dataset<LocalDateTime> ntz = ctx.spark().createDataset(Arrays.asList(LocalDateTime.of(2024, 1, 2, 3, 4, 5)),
                Encoders.LOCALDATETIME());
        fields(ctx, ntz);
        ctx.show(ntz.map((MapFunction<LocalDateTime, String>) LocalDateTime::toString, Encoders.STRING()));
        Dataset<Duration> durations = ctx.spark().createDataset(Arrays.asList(Duration.ofSeconds(90061, 5000)),
                Encoders.DURATION());
        fields(ctx, durations);
        ctx.show(durations.map((MapFunction<Duration, String>) Duration::toString, Encoders.STRING()));
        Dataset<Period> periods = ctx.spark().createDataset(Arrays.asList(Period.ofMonths(14), Period.of(1, 2, 0)),
                Encoders.PERIOD());
        fields(ctx, periods);
        ctx.show(periods.map((MapFunction<Period, String>) Period::toString, Encoders.STRING()));
        Dataset<LocalDate> mapped = fruit(ctx).map((MapFunction<String, LocalDate>) s -> LocalDate.of(2000, 1, s.length()),
                Encoders.LOCALDATE());
        ctx.show(mapped.toDF());
    }

    @Case
    public static void rowEncoder(CaseContext ctx) {
        StructType schema = new StructType().add("word", DataTypes.StringType).add("len", DataTypes.IntegerType, false);
        Dataset<Row> rows = fruit(ctx).map((MapFunction<String, Row>) s -> RowFactory.create(s, s.length()), Encoders.row(schema));
        fields(ctx, rows);
        ctx.show(rows.filter(col("len").gt(6)));
        ctx.println(Encoders.row(schema).schema().simpleString());
    }

    private static KeyValueGroupedDataset<String, String> byInitial(CaseContext ctx) {
        return fruit(ctx).groupByKey((MapFunction<String, String>) s -> s.substring(0, 1), Encoders.STRING());
    }

    @Case
    public static void keyAsAndSortedGroups(CaseContext ctx) {
        KeyValueGroupedDataset<Integer, String> byLength = fruit(ctx)
                .groupByKey((MapFunction<String, Integer>) String::length, Encoders.INT());
        Dataset<Tuple2<Long, Object>> counts = byLength.keyAs(Encoders.LONG()).count();
        fields(ctx, counts);
        ctx.show(counts);
        Dataset<String> sorted = byInitial(ctx).flatMapSortedGroups(new io.tideway.sql.Column[] {col("value").desc()},
                (FlatMapGroupsFunction<String, String, String>) (k, it) -> {
                    StringBuilder b = new StringBuilder(k).append(':');
                    while (it.hasNext()) {
                        b.append(' ').append(it.next());
                    }
                    return Collections.singletonList(b.toString()).iterator();
                }, Encoders.STRING());
        ctx.show(sorted);
    }

    @Case
    public static void cogroupGroups(CaseContext ctx) {
        KeyValueGroupedDataset<Integer, String> words = fruit(ctx)
                .groupByKey((MapFunction<String, Integer>) String::length, Encoders.INT());
        KeyValueGroupedDataset<Integer, Integer> numbers = ctx.spark().createDataset(Arrays.asList(5, 6, 6, 8, 42), Encoders.INT())
                .groupByKey((MapFunction<Integer, Integer>) i -> i, Encoders.INT());
        Dataset<String> out = words.cogroup(numbers, (CoGroupFunction<Integer, String, Integer, String>) (k, left, right) -> {
            List<String> l = new ArrayList<>();
            left.forEachRemaining(l::add);
            Collections.sort(l);
            int n = 0;
            while (right.hasNext()) {
                right.next();
                n++;
            }
            return Collections.singletonList(k + " " + l + " x" + n).iterator();
        }, Encoders.STRING());
        fields(ctx, out);
        ctx.show(out);
    }

    /** A bean key: {@code count()} and {@code agg} give it as a struct column {@code key}. */
    @Case
    public static void beanKeys(CaseContext ctx) {
        Dataset<OpsTypedAgg.Person> people = ctx.spark().createDataset(Arrays.asList(new OpsTypedAgg.Person("ann", 31),
                new OpsTypedAgg.Person("al", 40), new OpsTypedAgg.Person("bo", 31)), Encoders.bean(OpsTypedAgg.Person.class));
        KeyValueGroupedDataset<OpsTypedAgg.Person, OpsTypedAgg.Person> byAge = people.groupByKey(
                (MapFunction<OpsTypedAgg.Person, OpsTypedAgg.Person>) p -> new OpsTypedAgg.Person("age", p.getAge()),
                Encoders.bean(OpsTypedAgg.Person.class));
        Dataset<Tuple2<OpsTypedAgg.Person, Object>> counts = byAge.count();
        fields(ctx, counts);
        ctx.show(counts.toDF());
        ctx.show(counts.map((MapFunction<Tuple2<OpsTypedAgg.Person, Object>, String>) t -> t._1().getName() + "/"
                + t._1().getAge() + " x" + t._2(), Encoders.STRING()));
    }

    /** Sorted groups and cogroup over a stream: what Spark says when the query starts. */
    @Case
    public static void streamingSortedGroupsAndCogroup(CaseContext ctx) throws Exception {
        Dataset<String> words = OpsData.strings(ctx, "apple", "banana", "avocado").select(col("s").as("value")).as(Encoders.STRING());
        KeyValueGroupedDataset<String, String> g = words.groupByKey((MapFunction<String, String>) s -> s.substring(0, 1),
                Encoders.STRING());
        error(ctx, "flatMapSortedGroups", () -> OpsData.run(ctx, g.flatMapSortedGroups(new io.tideway.sql.Column[] {col("value")},
                (FlatMapGroupsFunction<String, String, String>) (k, it) -> it, Encoders.STRING()), "append"));
        KeyValueGroupedDataset<String, String> statics = fruit(ctx).groupByKey((MapFunction<String, String>) s -> s.substring(0, 1),
                Encoders.STRING());
        error(ctx, "cogroup", () -> OpsData.run(ctx, g.cogroup(statics,
                (CoGroupFunction<String, String, String, String>) (k, l, r) -> l, Encoders.STRING()), "append"));
    }
}


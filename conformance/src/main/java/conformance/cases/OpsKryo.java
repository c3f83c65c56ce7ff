package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoder;
import io.tideway.sql.Encoders;
import io.tideway.sql.streaming.GroupStateTimeout;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static io.tideway.sql.functions.col;

/**
 * {@code Encoders.kryo}: one binary column {@code value}, as Spark. The bytes are Kryo's own (another
 * Kryo version than Spark's), so the cases print the schema and the objects read back, never the bytes.
 */
public final class OpsKryo {
    private OpsKryo() {
    }

    /** Not serializable and without a no-argument constructor: only Kryo encodes it. */
    public static final class Point {
        final int x;
        final String label;
        final List<Integer> path;

        Point(int x, String label, List<Integer> path) {
            this.x = x;
            this.label = label;
            this.path = path;
        }

        @Override
        public String toString() {
            return "Point(" + x + ", " + label + ", " + path + ")";
        }
    }

    private static Dataset<Point> points(CaseContext ctx) {
        return ctx.spark().createDataset(Arrays.asList(new Point(1, "a", Arrays.asList(1, 2)),
                new Point(2, "b", new ArrayList<>()), new Point(3, null, Arrays.asList(3))), Encoders.kryo(Point.class));
    }

    @Case
    public static void kryoSchemaAndMap(CaseContext ctx) {
        Encoder<Point> enc = Encoders.kryo(Point.class);
        ctx.println(enc.schema().simpleString());
        scala.reflect.ClassTag<Point> tag = scala.reflect.ClassTag$.MODULE$.apply(Point.class);
        ctx.println(Encoders.kryo(tag).schema().simpleString() + " " + Encoders.javaSerialization(tag).schema().simpleString());
        Dataset<Point> ds = points(ctx);
        fields(ctx, ds);
        ctx.show(ds.map((MapFunction<Point, String>) Point::toString, Encoders.STRING()));
        Dataset<Point> moved = ds.map((MapFunction<Point, Point>) p -> new Point(p.x * 10, p.label, p.path),
                Encoders.kryo(Point.class));
        fields(ctx, moved);
        ctx.show(moved.map((MapFunction<Point, String>) Point::toString, Encoders.STRING()));
        ctx.println(ds.count());
        ctx.println(ds.toDF().columns().length + " " + ds.toDF().columns()[0]);
    }

    @Case
    public static void kryoInTuplesAndGroups(CaseContext ctx) {
        Dataset<Tuple2<Point, Integer>> pairs = points(ctx).map(
                (MapFunction<Point, Tuple2<Point, Integer>>) p -> new Tuple2<>(p, p.x % 2),
                Encoders.tuple(Encoders.kryo(Point.class), Encoders.INT()));
        fields(ctx, pairs);
        ctx.show(pairs.map((MapFunction<Tuple2<Point, Integer>, String>) t -> t._1() + " " + t._2(), Encoders.STRING()));
        Dataset<String> groups = points(ctx)
                .groupByKey((MapFunction<Point, Integer>) p -> p.x % 2, Encoders.INT())
                .mapGroups((MapGroupsFunction<Integer, Point, String>) (k, it) -> {
                    List<String> labels = new ArrayList<>();
                    while (it.hasNext()) {
                        labels.add(String.valueOf(it.next().label));
                    }
                    labels.sort(null);
                    return k + ": " + labels;
                }, Encoders.STRING());
        ctx.show(groups);
        Dataset<String> byKryoKey = points(ctx)
                .groupByKey((MapFunction<Point, Point>) p -> new Point(p.x % 2, "k", new ArrayList<>()), Encoders.kryo(Point.class))
                .mapGroups((MapGroupsFunction<Point, Point, String>) (k, it) -> {
                    int n = 0;
                    while (it.hasNext()) {
                        it.next();
                        n++;
                    }
                    return k + " x" + n;
                }, Encoders.STRING());
        ctx.show(byKryoKey);
    }

    /** Kryo objects as the state of mapGroupsWithState, carried across micro-batches. */
    @Case
    public static void kryoStateAcrossBatches(CaseContext ctx) throws Exception {
        Dataset<String> words = json(ctx, "s STRING",
                new String[] {"{\"s\":\"apple\"}", "{\"s\":\"banana\"}", "{\"s\":\"avocado\"}"},
                new String[] {"{\"s\":\"apricot\"}", "{\"s\":\"cherry\"}"}).select(col("s")).as(Encoders.STRING());
        Dataset<String> out = words.groupByKey((MapFunction<String, String>) s -> s.substring(0, 1), Encoders.STRING())
                .mapGroupsWithState((MapGroupsWithStateFunction<String, String, Point, String>) (k, it, state) -> {
                    Point p = state.exists() ? state.get() : new Point(0, k, new ArrayList<>());
                    List<Integer> path = new ArrayList<>(p.path);
                    int n = p.x;
                    while (it.hasNext()) {
                        path.add(it.next().length());
                        n++;
                    }
                    Point next = new Point(n, k, path);
                    state.update(next);
                    return next.toString();
                }, Encoders.kryo(Point.class), Encoders.STRING(), GroupStateTimeout.NoTimeout());
        run(ctx, out, "update");
    }
}

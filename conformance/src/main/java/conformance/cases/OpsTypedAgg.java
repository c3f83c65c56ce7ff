package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoder;
import io.tideway.sql.Encoders;
import io.tideway.sql.KeyValueGroupedDataset;
import io.tideway.sql.Row;
import io.tideway.sql.TypedColumn;
import io.tideway.sql.expressions.Aggregator;
import io.tideway.sql.expressions.UserDefinedFunction;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import scala.Tuple2;
import scala.Tuple3;
import scala.Tuple4;
import scala.Tuple5;
import scala.Tuple9;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.length;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.min;
import static io.tideway.sql.functions.sum;
import static io.tideway.sql.functions.udaf;

/**
 * The typed aggregation API: {@code Aggregator}, {@code toColumn}, {@code Column.as(Encoder)},
 * {@code KeyValueGroupedDataset.agg} of one to eight typed columns, {@code Dataset.select} of
 * typed columns, {@code functions.udaf} and the deprecated {@code javalang.typed}, on static
 * Datasets and in streaming aggregations whose state survives a restart.
 */
public final class OpsTypedAgg {
    private OpsTypedAgg() {
    }

    private static final List<String> FRUIT = Arrays.asList("apple", "avocado", "banana", "blueberry", "cherry", "apricot");

    /** The total length of the strings. */
    public static final class SumLength extends Aggregator<String, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long zero() {
            return 0L;
        }

        @Override
        public Long reduce(Long b, String a) {
            return a == null ? b : b + a.length();
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

    /** A running sum and count, the buffer of {@link Average}. */
    public static final class SumCount implements Serializable {
        private static final long serialVersionUID = 1L;
        private long sum;
        private long count;

        public long getSum() {
            return sum;
        }

        public void setSum(long sum) {
            this.sum = sum;
        }

        public long getCount() {
            return count;
        }

        public void setCount(long count) {
            this.count = count;
        }
    }

    /** The average of integers, with a bean as its buffer. */
    public static final class Average extends Aggregator<Integer, SumCount, Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public SumCount zero() {
            return new SumCount();
        }

        @Override
        public SumCount reduce(SumCount b, Integer a) {
            b.setSum(b.getSum() + a);
            b.setCount(b.getCount() + 1);
            return b;
        }

        @Override
        public SumCount merge(SumCount b1, SumCount b2) {
            b1.setSum(b1.getSum() + b2.getSum());
            b1.setCount(b1.getCount() + b2.getCount());
            return b1;
        }

        @Override
        public Double finish(SumCount r) {
            return r.getCount() == 0 ? null : (double) r.getSum() / r.getCount();
        }

        @Override
        public Encoder<SumCount> bufferEncoder() {
            return Encoders.bean(SumCount.class);
        }

        @Override
        public Encoder<Double> outputEncoder() {
            return Encoders.DOUBLE();
        }
    }

    /** The shortest and longest string, a bean output. */
    public static final class Span implements Serializable {
        private static final long serialVersionUID = 1L;
        private String shortest;
        private String longest;

        public String getShortest() {
            return shortest;
        }

        public void setShortest(String shortest) {
            this.shortest = shortest;
        }

        public String getLongest() {
            return longest;
        }

        public void setLongest(String longest) {
            this.longest = longest;
        }

        @Override
        public String toString() {
            return "Span(" + shortest + ", " + longest + ")";
        }
    }

    /** {@link Span} of strings: a bean buffer and a bean output. */
    public static final class SpanOf extends Aggregator<String, Span, Span> {
        private static final long serialVersionUID = 1L;

        @Override
        public Span zero() {
            return new Span();
        }

        @Override
        public Span reduce(Span b, String a) {
            if (b.getShortest() == null || a.length() < b.getShortest().length()) {
                b.setShortest(a);
            }
            if (b.getLongest() == null || a.length() > b.getLongest().length()) {
                b.setLongest(a);
            }
            return b;
        }

        @Override
        public Span merge(Span b1, Span b2) {
            if (b2.getShortest() != null) {
                reduce(b1, b2.getShortest());
                reduce(b1, b2.getLongest());
            }
            return b1;
        }

        @Override
        public Span finish(Span reduction) {
            return reduction;
        }

        @Override
        public Encoder<Span> bufferEncoder() {
            return Encoders.bean(Span.class);
        }

        @Override
        public Encoder<Span> outputEncoder() {
            return Encoders.bean(Span.class);
        }
    }

    /** A person bean for typed aggregations over bean values. */
    public static final class Person implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private int age;

        public Person() {
        }

        Person(String name, int age) {
            this.name = name;
            this.age = age;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }
    }

    /** The oldest person's name. */
    public static final class Oldest extends Aggregator<Person, Person, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public Person zero() {
            return new Person(null, -1);
        }

        @Override
        public Person reduce(Person b, Person a) {
            return a.getAge() > b.getAge() ? new Person(a.getName(), a.getAge()) : b;
        }

        @Override
        public Person merge(Person b1, Person b2) {
            return reduce(b1, b2);
        }

        @Override
        public String finish(Person reduction) {
            return reduction.getName();
        }

        @Override
        public Encoder<Person> bufferEncoder() {
            return Encoders.bean(Person.class);
        }

        @Override
        public Encoder<String> outputEncoder() {
            return Encoders.STRING();
        }
    }

    /** A column typed with {@code as(Encoder)} taken as one over {@code V}, as a Java user must cast it for {@code agg}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <V, U> TypedColumn<V, U> over(TypedColumn<Object, U> c) {
        return (TypedColumn) c;
    }

    private static KeyValueGroupedDataset<String, String> byInitial(CaseContext ctx) {
        Dataset<String> ds = ctx.spark().createDataset(FRUIT, Encoders.STRING());
        return ds.groupByKey((MapFunction<String, String>) s -> s.substring(0, 1), Encoders.STRING());
    }

    @Case
    public static void aggregatorOnGroups(CaseContext ctx) {
        Dataset<Tuple2<String, Long>> lengths = byInitial(ctx).agg(new SumLength().toColumn());
        fields(ctx, lengths);
        ctx.show(lengths);
        ctx.show(lengths.toDF());
        Dataset<Tuple2<String, Long>> named = byInitial(ctx).agg(new SumLength().toColumn().name("total"));
        fields(ctx, named);
        ctx.show(named.map((MapFunction<Tuple2<String, Long>, String>) t -> t._1() + "=" + t._2(), Encoders.STRING()));
    }

    @Case
    public static void aggTwoToFourColumns(CaseContext ctx) {
        KeyValueGroupedDataset<String, String> g = byInitial(ctx);
        TypedColumn<String, Long> n = over(count("value").as(Encoders.LONG()));
        TypedColumn<String, String> last = over(max("value").as(Encoders.STRING()));
        Dataset<Tuple3<String, Long, Long>> two = g.agg(new SumLength().toColumn(), n);
        fields(ctx, two);
        ctx.show(two);
        Dataset<Tuple4<String, Long, String, Long>> three = g.agg(n, last, over(sum(length(col("value"))).as(Encoders.LONG())));
        fields(ctx, three);
        ctx.show(three);
        Dataset<Tuple5<String, String, Long, String, Long>> four = g.agg(over(min("value").as(Encoders.STRING())),
                new SumLength().toColumn(), last, n);
        fields(ctx, four);
        ctx.show(four);
    }

    @Case
    public static void aggEightColumns(CaseContext ctx) {
        KeyValueGroupedDataset<String, String> g = byInitial(ctx);
        TypedColumn<String, Long> total = new SumLength().toColumn();
        TypedColumn<String, Long> n = over(count("value").as(Encoders.LONG()));
        Dataset<Tuple9<String, Long, Long, Long, Long, Long, Long, Long, Long>> eight =
                g.agg(total, n, total, n, total, n, total, n);
        fields(ctx, eight);
        ctx.show(eight);
    }

    @Case
    public static void beanBufferAndBeanOutput(CaseContext ctx) {
        Dataset<Integer> ints = ctx.spark().createDataset(Arrays.asList(1, 2, 3, 4, 10), Encoders.INT());
        Dataset<Tuple2<Boolean, Double>> avg = ints.groupByKey((MapFunction<Integer, Boolean>) i -> i % 2 == 0, Encoders.BOOLEAN())
                .agg(new Average().toColumn());
        fields(ctx, avg);
        ctx.show(avg);
        Dataset<Tuple2<String, Span>> spans = byInitial(ctx).agg(new SpanOf().toColumn());
        fields(ctx, spans);
        ctx.show(spans.toDF());
        ctx.show(spans.map((MapFunction<Tuple2<String, Span>, String>) t -> t._1() + " " + t._2(), Encoders.STRING()));
    }

    @Case
    public static void aggregatorOverBeanValues(CaseContext ctx) {
        Dataset<Person> people = ctx.spark().createDataset(Arrays.asList(new Person("ann", 31), new Person("al", 40),
                new Person("bo", 25), new Person("bea", 22)), Encoders.bean(Person.class));
        KeyValueGroupedDataset<String, Person> g = people.groupByKey(
                (MapFunction<Person, String>) p -> p.getName().substring(0, 1), Encoders.STRING());
        Dataset<Tuple3<String, String, Long>> out = g.agg(new Oldest().toColumn(), over(sum("age").as(Encoders.LONG())));
        fields(ctx, out);
        ctx.show(out);
        Dataset<Tuple2<String, Long>> lengths = g.mapValues((MapFunction<Person, String>) Person::getName, Encoders.STRING())
                .agg(new SumLength().toColumn());
        ctx.show(lengths);
    }

    @Case
    public static void datasetSelectTypedColumns(CaseContext ctx) {
        Dataset<String> ds = ctx.spark().createDataset(FRUIT, Encoders.STRING());
        Dataset<Long> total = ds.select(new SumLength().toColumn());
        fields(ctx, total);
        ctx.show(total);
        Dataset<Tuple2<Long, String>> two = ds.select(new SumLength().toColumn(), over(max("value").as(Encoders.STRING())));
        fields(ctx, two);
        ctx.show(two);
        Dataset<Tuple3<Long, Long, String>> three = ds.select(over(count("value").as(Encoders.LONG())),
                new SumLength().toColumn().name("len"), over(min("value").as(Encoders.STRING())));
        fields(ctx, three);
        ctx.show(three);
        Dataset<Span> span = ds.select(new SpanOf().toColumn());
        fields(ctx, span);
        ctx.show(span.map((MapFunction<Span, String>) Span::toString, Encoders.STRING()));
    }

    @Case
    public static void typedColumnOfColumnAs(CaseContext ctx) {
        TypedColumn<Object, Long> n = count("value").as(Encoders.LONG());
        ctx.println(n.toString());
        ctx.println(n.encoder().schema().simpleString());
        ctx.println(n.name("n").toString());
        TypedColumn<String, Long> t = new SumLength().toColumn();
        ctx.println(t.encoder().schema().simpleString());
        ctx.println(new Average().toColumn().encoder().schema().simpleString());
        ctx.println(new SpanOf().toColumn().encoder().schema().simpleString());
    }

    @Case
    public static void udafInUntypedAggregations(CaseContext ctx) {
        Dataset<Row> df = ctx.spark().createDataset(FRUIT, Encoders.STRING()).toDF("s")
                .withColumn("k", col("s").substr(1, 1));
        UserDefinedFunction sumLength = udaf(new SumLength(), Encoders.STRING());
        Dataset<Row> byKey = df.groupBy(col("k")).agg(sumLength.apply(col("s")), count("s"));
        fields(ctx, byKey);
        ctx.show(byKey);
        Dataset<Row> all = df.agg(sumLength.apply(col("s")).as("total"));
        fields(ctx, all);
        ctx.show(all);
        UserDefinedFunction avg = udaf(new Average(), Encoders.INT());
        Dataset<Row> lengths = df.groupBy(col("k")).agg(avg.apply(length(col("s"))));
        fields(ctx, lengths);
        ctx.show(lengths);
        ctx.show(df.groupBy(col("k")).agg(udaf(new SpanOf(), Encoders.STRING()).apply(col("s")).as("span")));
    }

    @Case
    @SuppressWarnings("deprecation")
    public static void javalangTyped(CaseContext ctx) {
        KeyValueGroupedDataset<String, String> g = byInitial(ctx);
        Dataset<Tuple5<String, Double, Long, Double, Long>> out = g.agg(
                io.tideway.sql.expressions.javalang.typed.avg((MapFunction<String, Double>) s -> (double) s.length()),
                io.tideway.sql.expressions.javalang.typed.count((MapFunction<String, Object>) s -> s),
                io.tideway.sql.expressions.javalang.typed.sum((MapFunction<String, Double>) s -> s.length() / 2.0),
                io.tideway.sql.expressions.javalang.typed.sumLong((MapFunction<String, Long>) s -> (long) s.length()));
        fields(ctx, out);
        ctx.show(out);
    }

    private static Dataset<String> streamingWords(CaseContext ctx) throws Exception {
        return json(ctx, "s STRING",
                new String[] {"{\"s\":\"apple\"}", "{\"s\":\"banana\"}", "{\"s\":\"avocado\"}"},
                new String[] {"{\"s\":\"apricot\"}", "{\"s\":\"cherry\"}"}).select(col("s")).as(Encoders.STRING());
    }

    @Case
    public static void streamingAggregatorAcrossBatches(CaseContext ctx) throws Exception {
        KeyValueGroupedDataset<String, String> g = streamingWords(ctx)
                .groupByKey((MapFunction<String, String>) s -> s.substring(0, 1), Encoders.STRING());
        Dataset<Tuple3<String, Long, Span>> out = g.agg(new SumLength().toColumn(), new SpanOf().toColumn());
        fields(ctx, out);
        run(ctx, out.toDF(), "update");
        ctx.println("complete:");
        run(ctx, g.agg(new SumLength().toColumn(), new SpanOf().toColumn()).toDF(), "complete");
    }

    private static void runOn(CaseContext ctx, Dataset<Row> query, String cp, String label) throws Exception {
        ctx.println("-- " + label + " --");
        StreamingQuery q = query.writeStream()
                .outputMode("update")
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    private static Dataset<Row> restartQuery(CaseContext ctx, Path in) {
        Dataset<Row> events = ctx.spark().readStream().schema("k STRING, s STRING").option("maxFilesPerTrigger", 1)
                .json(in.toString());
        return events.groupBy(col("k")).agg(udaf(new SumLength(), Encoders.STRING()).apply(col("s")).as("len"),
                udaf(new SpanOf(), Encoders.STRING()).apply(col("s")).as("span"));
    }

    /** An Aggregator's buffer is state: a restarted query goes on from it. */
    @Case
    public static void streamingUdafStateRestored(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"s\":\"apple\"}", "{\"k\":\"b\",\"s\":\"banana\"}");
        ctx.file(in, "2.json", "{\"k\":\"a\",\"s\":\"avocado\"}");
        runOn(ctx, restartQuery(ctx, in), cp, "first run");
        ctx.file(in, "3.json", "{\"k\":\"a\",\"s\":\"ax\"}", "{\"k\":\"c\",\"s\":\"cherry\"}");
        runOn(ctx, restartQuery(ctx, in), cp, "second run");
    }

    /** A typed aggregation's state, restored as well. */
    @Case
    public static void streamingTypedAggStateRestored(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"s\":\"apple\"}", "{\"k\":\"b\",\"s\":\"banana\"}");
        runOn(ctx, typedRestartQuery(ctx, in), cp, "first run");
        ctx.file(in, "2.json", "{\"k\":\"a\",\"s\":\"avocado\"}", "{\"k\":\"b\",\"s\":\"bo\"}");
        runOn(ctx, typedRestartQuery(ctx, in), cp, "second run");
    }

    private static Dataset<Row> typedRestartQuery(CaseContext ctx, Path in) {
        Dataset<String> words = ctx.spark().readStream().schema("k STRING, s STRING").option("maxFilesPerTrigger", 1)
                .json(in.toString()).select(col("s")).as(Encoders.STRING());
        return words.groupByKey((MapFunction<String, String>) s -> s.substring(0, 1), Encoders.STRING())
                .agg(new SumLength().toColumn(), new SpanOf().toColumn()).toDF();
    }
}

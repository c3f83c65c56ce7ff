package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.MapGroupsFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.api.java.UDF1;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.StateOperatorProgress;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryListener;
import io.tideway.sql.streaming.StreamingQueryProgress;
import io.tideway.sql.streaming.TimeMode;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.StructType;
import io.tideway.sql.types.YearMonthIntervalType;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import static conformance.cases.JoinsInput.rows;
import static io.tideway.sql.functions.array;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.shuffle;
import static io.tideway.sql.functions.size;
import static io.tideway.sql.functions.sort_array;

/**
 * Members the second API audit found missing (issue 15): {@code RelationalGroupedDataset.as},
 * the listener events' {@code json()} and {@code errorClassOnException()}, the remaining
 * {@code StateOperatorProgress} and {@code SinkProgress} accessors, the interval types'
 * {@code DEFAULT} and the seeded {@code shuffle}.
 */
public final class OpsAudit2 {
    private OpsAudit2() {
    }

    /** An employee as a Java bean; its columns are ordered by name (dept, name, salary). */
    public static class Emp implements Serializable {
        private static final long serialVersionUID = 1L;
        private String dept;
        private String name;
        private int salary;

        public String getDept() {
            return dept;
        }

        public void setDept(String dept) {
            this.dept = dept;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getSalary() {
            return salary;
        }

        public void setSalary(int salary) {
            this.salary = salary;
        }
    }

    private static final StructType EMPS = new StructType()
            .add("name", DataTypes.StringType)
            .add("salary", DataTypes.IntegerType)
            .add("dept", DataTypes.StringType);

    private static Dataset<Row> emps(CaseContext ctx) {
        return rows(ctx, EMPS, new Object[] {"ann", 120, "eng"}, new Object[] {"bob", 90, "eng"},
                new Object[] {"cid", 80, "ops"}, new Object[] {"dan", 150, null});
    }

    /** Each group as {@code key: names (total salary)}. */
    private static final class Summary implements MapGroupsFunction<String, Emp, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call(String key, Iterator<Emp> values) {
            TreeSet<String> names = new TreeSet<>();
            int total = 0;
            while (values.hasNext()) {
                Emp e = values.next();
                names.add(e.getName() + "/" + e.getDept());
                total += e.getSalary();
            }
            return key + ": " + names + " (" + total + ")";
        }
    }

    @Case
    public static void groupByAsBeanValues(CaseContext ctx) throws Exception {
        Dataset<String> out = emps(ctx).groupBy("dept").as(Encoders.STRING(), Encoders.bean(Emp.class))
                .mapGroups(new Summary(), Encoders.STRING());
        ctx.show(out);
    }

    @Case
    public static void groupByAsCountAndKeys(CaseContext ctx) throws Exception {
        var grouped = emps(ctx).groupBy(col("dept")).as(Encoders.STRING(), Encoders.bean(Emp.class));
        Dataset<?> counts = grouped.count();
        ctx.println(counts.schema().simpleString());
        ctx.show(counts);
        ctx.show(grouped.keys());
    }

    @Case
    public static void groupByExpressionAsKey(CaseContext ctx) throws Exception {
        Dataset<String> out = emps(ctx).select("salary").groupBy(col("salary").gt(100))
                .as(Encoders.BOOLEAN(), Encoders.INT())
                .mapGroups((MapGroupsFunction<Boolean, Integer, String>) (k, it) -> {
                    TreeSet<Integer> s = new TreeSet<>();
                    it.forEachRemaining(s::add);
                    return k + " " + s;
                }, Encoders.STRING());
        ctx.show(out);
    }

    @Case
    public static void groupByAsOnStream(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b", "a");
        ctx.file(in, "2.txt", "c", "a");
        StreamingQuery q = ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString())
                .groupBy("value").as(Encoders.STRING(), Encoders.STRING()).count()
                .writeStream().outputMode("complete").foreachBatch(ctx.batches())
                .trigger(Trigger.AvailableNow()).start();
        q.awaitTermination();
    }

    /** Keeps the events' JSON; the waits are on this monitor, under a timeout. */
    private static final class JsonRecorder extends StreamingQueryListener {
        final List<String> started = new ArrayList<>();
        final List<String> progress = new ArrayList<>();
        final List<QueryTerminatedEvent> terminated = new ArrayList<>();

        @Override
        public synchronized void onQueryStarted(QueryStartedEvent event) {
            started.add(event.json().replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"<ts>\""));
        }

        @Override
        public synchronized void onQueryProgress(QueryProgressEvent event) {
            progress.add(event.json());
        }

        @Override
        public synchronized void onQueryTerminated(QueryTerminatedEvent event) {
            terminated.add(event);
            notifyAll();
        }

        synchronized boolean awaitTerminated(long timeoutMs) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMs;
            long left;
            while (terminated.isEmpty() && (left = deadline - System.currentTimeMillis()) > 0) {
                wait(left);
            }
            return !terminated.isEmpty();
        }
    }

    @Case
    public static void listenerEventsJson(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        JsonRecorder r = new JsonRecorder();
        ctx.spark().streams().addListener(r);
        StreamingQuery q = ctx.spark().readStream().text(in.toString()).writeStream().format("memory")
                .queryName("events").trigger(Trigger.AvailableNow()).start();
        q.awaitTermination();
        ctx.println("terminated event within 30 s: " + r.awaitTerminated(30_000));
        synchronized (r) {
            ctx.println("started: " + r.started);
            StreamingQueryProgress last = q.lastProgress();
            ctx.println("progress events: " + r.progress.size());
            ctx.println("progress json wraps the report: "
                    + r.progress.get(r.progress.size() - 1).equals("{\"progress\":" + last.json() + "}"));
            StreamingQueryListener.QueryTerminatedEvent t = r.terminated.get(0);
            ctx.println("terminated: " + t.json());
            ctx.println("exception: " + t.exception().isDefined() + " errorClassOnException: "
                    + t.errorClassOnException().isDefined());
        }
        ctx.spark().streams().removeListener(r);
    }

    @Case
    public static void failedQueryErrorClass(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        JsonRecorder r = new JsonRecorder();
        ctx.spark().streams().addListener(r);
        StreamingQuery q = ctx.spark().readStream().text(in.toString()).writeStream()
                .foreachBatch((Dataset<Row> df, Long id) -> {
                    throw new IllegalStateException("boom");
                })
                .trigger(Trigger.AvailableNow()).start();
        try {
            q.awaitTermination();
        } catch (Exception e) {
            ctx.error(e);
        }
        ctx.println("terminated event within 30 s: " + r.awaitTerminated(30_000));
        synchronized (r) {
            StreamingQueryListener.QueryTerminatedEvent t = r.terminated.get(0);
            ctx.println("exception defined: " + t.exception().isDefined());
            ctx.println("errorClassOnException: " + t.errorClassOnException());
            ctx.println("json has errorClassOnException: "
                    + t.json().endsWith(",\"errorClassOnException\":\"FOREACH_BATCH_USER_FUNCTION_ERROR\"}"));
        }
        ctx.spark().streams().removeListener(r);
    }

    @Case
    public static void stateOperatorAndSinkAccessors(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b", "a");
        StreamingQuery q = ctx.spark().readStream().text(in.toString()).groupBy("value").count().writeStream()
                .outputMode("complete").format("memory").queryName("ops")
                .trigger(Trigger.AvailableNow()).start();
        q.awaitTermination();
        StreamingQueryProgress p = q.lastProgress();
        StateOperatorProgress op = p.stateOperators()[0];
        ctx.println("numShufflePartitions=" + op.numShufflePartitions()
                + " numStateStoreInstances=" + op.numStateStoreInstances());
        ctx.println("times not negative: " + (op.allUpdatesTimeMs() >= 0 && op.allRemovalsTimeMs() >= 0
                && op.commitTimeMs() >= 0));
        ctx.println("sink metrics: " + p.sink().metrics());
    }

    @Case
    public static void intervalDefaults(CaseContext ctx) throws Exception {
        ctx.println(DayTimeIntervalType.DEFAULT() + " " + DayTimeIntervalType.DEFAULT().simpleString() + " "
                + DayTimeIntervalType.DEFAULT().equals(DataTypes.createDayTimeIntervalType()));
        ctx.println(YearMonthIntervalType.DEFAULT() + " " + YearMonthIntervalType.DEFAULT().simpleString() + " "
                + YearMonthIntervalType.DEFAULT().equals(DataTypes.createYearMonthIntervalType()));
    }

    @Case
    public static void shuffleWithSeed(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().range(1).select(array(lit(1), lit(2), lit(3), lit(4), lit(5)).as("a"));
        Dataset<Row> out = df.select(shuffle(col("a"), lit(7)));
        ctx.println(out.columns()[0]);
        ctx.println(shuffle(col("a"), lit(7)).toString());
        ctx.show(df.select(sort_array(shuffle(col("a"), lit(7))), size(shuffle(col("a"), lit(7)))));
        ctx.show(out);
    }

    /** A Java UDF that {@code registerJava} finds by its class name. */
    public static class StrLen implements UDF1<String, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer call(String s) {
            return s == null ? null : s.length();
        }
    }

    /** A UDF class {@code registerJava} cannot instantiate. */
    public abstract static class AbstractUdf implements UDF1<String, String> {
        private static final long serialVersionUID = 1L;
    }

    @Case
    public static void registerJavaByClassName(CaseContext ctx) throws Exception {
        ctx.spark().udf().registerJava("strLen", StrLen.class.getName(), DataTypes.IntegerType);
        ctx.spark().udf().registerJava("strLenInferred", StrLen.class.getName(), null);
        Dataset<Row> out = ctx.spark().sql("SELECT strLen('hello') AS a, strLenInferred('hi') AS b, strLenInferred(null) AS c");
        ctx.println(out.schema().simpleString());
        ctx.show(out);
    }

    @Case
    public static void registerJavaErrors(CaseContext ctx) throws Exception {
        String[] classes = {"conformance.cases.NoSuchUdf", "java.lang.String", AbstractUdf.class.getName()};
        for (String c : classes) {
            try {
                ctx.spark().udf().registerJava("bad", c, DataTypes.StringType);
                ctx.println("registered " + c);
            } catch (Exception e) {
                ctx.error(e);
            }
        }
    }

    /** The Java-visible form of Spark's implicit-encoder {@code transformWithState}: the encoder twice. */
    @Case
    public static void transformWithStateEncoderTwice(CaseContext ctx) throws Exception {
        StateTransform.rocksDb(ctx);
        Dataset<String> out = StateTransform.byUser(StateMapGroups.clicks(ctx)).transformWithState(
                new StateTransform.RunningCount(), TimeMode.None(), OutputMode.Update(), Encoders.STRING(), Encoders.STRING());
        JoinsInput.runStrings(ctx, out, "update");
    }
}

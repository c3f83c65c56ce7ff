package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.KeyValueGroupedDataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.ExpiredTimerInfo;
import io.tideway.sql.streaming.ListState;
import io.tideway.sql.streaming.MapState;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.StatefulProcessor;
import io.tideway.sql.streaming.StatefulProcessorWithInitialState;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.TTLConfig;
import io.tideway.sql.streaming.TimeMode;
import io.tideway.sql.streaming.TimerValues;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.streaming.ValueState;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.describe;
import static conformance.cases.JoinsInput.rows;
import static conformance.cases.JoinsInput.runStrings;
import static conformance.cases.JoinsInput.t;
import static conformance.cases.StateMapGroups.BY_USER;
import static conformance.cases.StateMapGroups.clicks;

/**
 * Spark 4's {@code transformWithState}: a {@code StatefulProcessor} with value, list and map
 * state variables, processing-time and event-time timers, TTL, an initial state, restarts, and
 * the handle's errors. Spark runs it only with the RocksDB state store provider, which each case
 * sets (Tideway accepts the setting and keeps the state in its own store). Outputs are strings
 * {@code key:...} (sorted per batch by the harness).
 */
public final class StateTransform {
    private StateTransform() {
    }

    static final String ROCKSDB = "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";

    /** Spark's requirement: the RocksDB state store provider. */
    static void rocksDb(CaseContext ctx) {
        ctx.spark().conf().set("spark.sql.streaming.stateStore.providerClass", ROCKSDB);
    }

    static <T> scala.collection.Iterator<T> iterator(List<T> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(values.iterator());
    }

    static <T> List<T> list(scala.collection.Iterator<T> values) {
        List<T> out = new ArrayList<>();
        while (values.hasNext()) {
            out.add(values.next());
        }
        return out;
    }

    static KeyValueGroupedDataset<String, Row> byUser(Dataset<Row> in) {
        return in.groupByKey(BY_USER, Encoders.STRING());
    }

    /** A running count per user in a ValueState. */
    public static class RunningCount extends StatefulProcessor<String, Row, String> {
        private transient ValueState<Long> count;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            count = getHandle().getValueState("count", Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            long before = count.exists() ? count.get() : 0L;
            long n = list(rows).size();
            count.update(before + n);
            return iterator(List.of(key + ":" + (before + n)));
        }
    }

    @Case
    public static void valueStateRunningCount(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<String> out = byUser(clicks(ctx)).transformWithState(new RunningCount(), TimeMode.None(), OutputMode.Update(),
                Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** The same in append mode. */
    @Case
    public static void valueStateAppendMode(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<String> out = byUser(clicks(ctx)).transformWithState(new RunningCount(), TimeMode.None(), OutputMode.Append(),
                Encoders.STRING());
        runStrings(ctx, out, "append");
    }

    /** ValueState get() without a value is null; clear() drops the value. */
    public static class ClearEverySecond extends StatefulProcessor<String, Row, String> {
        private transient ValueState<Integer> last;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            last = getHandle().getValueState("last", Encoders.INT(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            String seen = key + ":exists=" + last.exists() + ",get=" + last.get();
            int max = 0;
            for (Row r : list(rows)) {
                max = Math.max(max, r.getInt(1));
            }
            if (last.exists()) {
                last.clear();
                return iterator(List.of(seen + ",cleared, exists=" + last.exists()));
            }
            last.update(max);
            return iterator(List.of(seen + ",set " + max));
        }
    }

    @Case
    public static void valueStateClear(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<String> out = byUser(clicks(ctx)).transformWithState(new ClearEverySecond(), TimeMode.None(), OutputMode.Update(),
                Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** A ListState: each batch appends the user's values, and the output is the whole list. */
    public static class History extends StatefulProcessor<String, Row, String> {
        private transient ListState<Integer> values;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            values = getHandle().getListState("values", Encoders.INT(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            boolean existed = values.exists();
            List<Integer> batch = new ArrayList<>();
            for (Row r : list(rows)) {
                batch.add(r.getInt(1));
            }
            Collections.sort(batch);
            if (batch.size() == 1) {
                values.appendValue(batch.get(0));
            } else {
                values.appendList(batch.toArray(new Integer[0]));
            }
            List<Integer> all = list(values.get());
            if (all.size() > 4) {
                values.put(new Integer[] {all.get(all.size() - 1)});
                return iterator(List.of(key + ":existed=" + existed + ", " + all + " -> put " + list(values.get())));
            }
            return iterator(List.of(key + ":existed=" + existed + ", " + all));
        }
    }

    @Case
    public static void listStateAppendAndPut(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, n INT",
                batch("alice,1", "bob,2", "alice,3"),
                batch("alice,4", "alice,5"),
                batch("alice,6", "bob,7"));
        Dataset<String> out = byUser(in).transformWithState(new History(), TimeMode.None(), OutputMode.Update(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** A MapState: counts of each value's parity, and removeKey once a parity reaches 3. */
    public static class ParityCounts extends StatefulProcessor<String, Row, String> {
        private transient MapState<String, Long> counts;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            counts = getHandle().getMapState("counts", Encoders.STRING(), Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            for (Row r : list(rows)) {
                String parity = r.getInt(1) % 2 == 0 ? "even" : "odd";
                Long c = counts.getValue(parity);
                counts.updateValue(parity, c == null ? 1L : c + 1);
            }
            List<String> removed = new ArrayList<>();
            for (String k : list(counts.keys())) {
                if (counts.getValue(k) >= 3) {
                    counts.removeKey(k);
                    removed.add(k);
                }
            }
            List<String> entries = new ArrayList<>();
            for (scala.Tuple2<String, Long> e : list(counts.iterator())) {
                entries.add(e._1() + "=" + e._2());
            }
            Collections.sort(entries);
            List<Long> values = list(counts.values());
            Collections.sort(values);
            return iterator(List.of(key + ":" + entries + " values=" + values + " containsKey(odd)=" + counts.containsKey("odd")
                    + " removed=" + removed + " exists=" + counts.exists()));
        }
    }

    @Case
    public static void mapState(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, n INT",
                batch("alice,1", "bob,2", "alice,3"),
                batch("alice,4", "alice,5", "bob,6"),
                batch("alice,7", "bob,8"));
        Dataset<String> out = byUser(in).transformWithState(new ParityCounts(), TimeMode.None(), OutputMode.Update(),
                Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /**
     * Processing-time timers: one just below the batch time fires in the same batch, after the
     * input; one an hour ahead never fires; listTimers shows both until one fired.
     */
    public static class ProcessingTimers extends StatefulProcessor<String, Row, String> {
        private transient ValueState<Long> count;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            count = getHandle().getValueState("count", Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            long now = timers.getCurrentProcessingTimeInMs();
            long n = list(rows).size() + (count.exists() ? count.get() : 0L);
            count.update(n);
            for (Object t : list(getHandle().listTimers())) {
                getHandle().deleteTimer((Long) t);
            }
            getHandle().registerTimer(now - 1);
            getHandle().registerTimer(now + 3_600_000L);
            getHandle().registerTimer(now + 3_600_000L); // a second registration of one time is one timer
            return iterator(List.of(key + ":count=" + n + ", timers=" + list(getHandle().listTimers()).size()));
        }

        @Override
        public scala.collection.Iterator<String> handleExpiredTimer(String key, TimerValues timers, ExpiredTimerInfo expired) {
            long behind = timers.getCurrentProcessingTimeInMs() - expired.getExpiryTimeInMs();
            long later = 0;
            for (Object t : list(getHandle().listTimers())) {
                later += (Long) t > timers.getCurrentProcessingTimeInMs() ? 1 : 0;
            }
            getHandle().deleteTimer(timers.getCurrentProcessingTimeInMs() + 3_600_000L); // not a registered time: no effect
            return iterator(List.of(key + ":timer " + behind + " ms behind the batch, count=" + count.get() + ", later timers="
                    + later));
        }
    }

    @Case
    public static void processingTimeTimers(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<String> out = byUser(clicks(ctx)).transformWithState(new ProcessingTimers(), TimeMode.ProcessingTime(),
                OutputMode.Update(), Encoders.STRING());
        runUntilRows(ctx, out, 12);
    }

    /**
     * Event-time timers: each user's timer 5 s after its latest event fires once the watermark
     * (10 s behind the latest event) passes it; the handler sees the watermark and clears the state.
     */
    public static class SessionEnd extends StatefulProcessor<String, Row, String> {
        private transient ValueState<Long> latest;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            latest = getHandle().getValueState("latest", Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            long max = latest.exists() ? latest.get() : 0L;
            for (Row r : list(rows)) {
                max = Math.max(max, r.getTimestamp(1).getTime());
            }
            if (latest.exists()) {
                getHandle().deleteTimer(latest.get() + 5_000L);
            }
            latest.update(max);
            getHandle().registerTimer(max + 5_000L);
            return iterator(List.of(key + ":timer at " + Instant.ofEpochMilli(max + 5_000L) + ", watermark "
                    + timers.getCurrentWatermarkInMs()));
        }

        @Override
        public scala.collection.Iterator<String> handleExpiredTimer(String key, TimerValues timers, ExpiredTimerInfo expired) {
            latest.clear();
            return iterator(List.of(key + ":expired " + Instant.ofEpochMilli(expired.getExpiryTimeInMs()) + " at watermark "
                    + Instant.ofEpochMilli(timers.getCurrentWatermarkInMs())));
        }
    }

    @Case
    public static void eventTimeTimers(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, ts TIMESTAMP",
                batch("a," + t("10:00:00"), "b," + t("10:00:05")),
                batch("a," + t("10:00:12")),
                batch("c," + t("10:00:30")),
                batch("c," + t("10:01:00")))
                .withWatermark("ts", "10 seconds");
        Dataset<String> out = byUser(in).transformWithState(new SessionEnd(), TimeMode.EventTime(), OutputMode.Update(),
                Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** Timers in TimeMode.None, and state variables declared outside init, are refused with Spark's errors. */
    public static class Misuse extends StatefulProcessor<String, Row, String> {
        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            getHandle().getValueState("count", Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            List<String> out = new ArrayList<>();
            try {
                getHandle().registerTimer(1000L);
            } catch (Exception e) {
                out.add(key + ":registerTimer " + describe(e));
            }
            try {
                getHandle().listTimers();
            } catch (Exception e) {
                out.add(key + ":listTimers " + describe(e));
            }
            try {
                getHandle().getValueState("other", Encoders.LONG(), TTLConfig.NONE());
            } catch (Exception e) {
                out.add(key + ":getValueState " + describe(e));
            }
            return iterator(out);
        }
    }

    @Case
    public static void handleMisuseRefused(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, n INT", batch("alice,1"));
        Dataset<String> out = byUser(in).transformWithState(new Misuse(), TimeMode.None(), OutputMode.Update(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** Null list values are refused (ILLEGAL_STATE_STORE_VALUE), as are empty lists; ValueState.update(null) is not. */
    public static class NullValues extends StatefulProcessor<String, Row, String> {
        private transient ValueState<Long> value;
        private transient ListState<Long> values;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            value = getHandle().getValueState("value", Encoders.LONG(), TTLConfig.NONE());
            values = getHandle().getListState("values", Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            List<String> out = new ArrayList<>();
            try {
                value.update(null);
                out.add(key + ":update(null) accepted: exists=" + value.exists() + ", get=" + value.get());
            } catch (Exception e) {
                out.add(key + ":update(null) " + describe(e));
            }
            try {
                values.put(new Long[0]);
            } catch (Exception e) {
                out.add(key + ":put([]) " + describe(e));
            }
            try {
                values.appendValue(null);
            } catch (Exception e) {
                out.add(key + ":appendValue(null) " + describe(e));
            }
            return iterator(out);
        }
    }

    @Case
    public static void nullValuesRefused(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, n INT", batch("alice,1"));
        Dataset<String> out = byUser(in).transformWithState(new NullValues(), TimeMode.None(), OutputMode.Update(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** A value with a TTL: read back in its batch, gone in a later one (the processor waits 2 ms so the next batch is later). */
    public static class ShortLived extends StatefulProcessor<String, Row, String> {
        private transient ValueState<Long> value;
        private transient ListState<Long> list;
        private transient MapState<String, Long> map;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            value = getHandle().getValueState("value", Encoders.LONG(), TTLConfig.apply(Duration.ofMillis(1)));
            list = getHandle().getListState("list", Encoders.LONG(), TTLConfig.apply(Duration.ofMillis(1)));
            map = getHandle().getMapState("map", Encoders.STRING(), Encoders.LONG(), TTLConfig.apply(Duration.ofMillis(1)));
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            String before = key + ":before value=" + value.exists() + ", list=" + list.exists() + ", map=" + map.exists();
            long n = list(rows).size();
            value.update(n);
            list.appendValue(n);
            map.updateValue("n", n);
            String after = " after value=" + value.get() + ", list=" + list(list.get()) + ", map=" + map.getValue("n");
            long end = timers.getCurrentProcessingTimeInMs() + 2;
            while (System.currentTimeMillis() <= end) {
                Thread.onSpinWait();
            }
            return iterator(List.of(before + after));
        }
    }

    @Case
    public static void ttlExpiresValues(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, n INT", batch("alice,1"), batch("alice,2", "alice,3"));
        Dataset<String> out = byUser(in).transformWithState(new ShortLived(), TimeMode.ProcessingTime(), OutputMode.Update(),
                Encoders.STRING());
        runUntilRows(ctx, out, 2);
    }

    /** A TTL in TimeMode.None fails the query when init declares the variable: printed as the root cause. */
    public static class TtlWithoutProcessingTime extends StatefulProcessor<String, Row, String> {
        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            getHandle().getValueState("value", Encoders.LONG(), TTLConfig.apply(Duration.ofMinutes(1)));
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            return iterator(List.of(key));
        }
    }

    @Case
    public static void ttlWithoutProcessingTimeFails(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, n INT", batch("alice,1"));
        Dataset<String> out = byUser(in).transformWithState(new TtlWithoutProcessingTime(), TimeMode.None(), OutputMode.Update(),
                Encoders.STRING());
        runExpectingFailure(ctx, out);
    }

    /** Two variables of one name fail the query. */
    public static class DuplicateName extends StatefulProcessor<String, Row, String> {
        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            getHandle().getValueState("v", Encoders.LONG(), TTLConfig.NONE());
            getHandle().getListState("v", Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            return iterator(List.of(key));
        }
    }

    @Case
    public static void duplicateStateNameFails(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, n INT", batch("alice,1"));
        Dataset<String> out = byUser(in).transformWithState(new DuplicateName(), TimeMode.None(), OutputMode.Update(),
                Encoders.STRING());
        runExpectingFailure(ctx, out);
    }

    /**
     * Runs {@code out} on the default trigger until it has output {@code rows} rows, printing the
     * batches that output rows (without their ids): in processing time Spark runs a batch without
     * data after every batch, so neither an AvailableNow query nor processAllAvailable() ends.
     */
    static void runUntilRows(CaseContext ctx, Dataset<String> out, int rows) throws Exception {
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        StreamingQuery q = out.writeStream()
                .outputMode("update")
                .foreachBatch((VoidFunction2<Dataset<String>, Long>) (ds, id) -> {
                    List<String> batch = new ArrayList<>(ds.collectAsList());
                    if (!batch.isEmpty()) {
                        Collections.sort(batch);
                        batches.add(batch);
                        seen.addAndGet(batch.size());
                    }
                })
                .start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (seen.get() < rows && System.nanoTime() < deadline && !q.awaitTermination(100)) {
            // the query runs on; awaitTermination(100) is the wait
        }
        q.stop();
        for (List<String> batch : batches) {
            ctx.println("a batch with rows:");
            batch.forEach(ctx::println);
        }
    }

    /** Runs {@code out} expecting it to fail; prints the root cause. */
    static void runExpectingFailure(CaseContext ctx, Dataset<String> out) {
        try {
            runStrings(ctx, out, "update");
            ctx.println("no failure");
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            ctx.println("root cause: " + Canonical.error(root));
        }
    }

    /** The batch id getQueryInfo() gives, per key and batch. */
    public static class BatchIds extends StatefulProcessor<String, Row, String> {
        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            return iterator(List.of(key + ":batch " + getHandle().getQueryInfo().getBatchId()));
        }
    }

    @Case
    public static void queryInfoBatchId(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<String> out = byUser(clicks(ctx)).transformWithState(new BatchIds(), TimeMode.None(), OutputMode.Update(),
                Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** An initial state: handleInitialState runs per initial key in the first batch, before the input. */
    public static class CountFromInitial extends StatefulProcessorWithInitialState<String, Row, String, Long> {
        private transient ValueState<Long> count;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            count = getHandle().getValueState("count", Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public void handleInitialState(String key, Long initial, TimerValues timers) {
            count.update(initial);
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            long before = count.exists() ? count.get() : -1L;
            long n = Math.max(before, 0L) + list(rows).size();
            count.update(n);
            return iterator(List.of(key + ":before=" + before + ",count=" + n));
        }
    }

    static KeyValueGroupedDataset<String, Long> initialCounts(CaseContext ctx) {
        StructType schema = new StructType().add("user", DataTypes.StringType).add("count", DataTypes.LongType);
        return rows(ctx, schema, new Object[] {"alice", 10L}, new Object[] {"dave", 5L})
                .groupByKey(BY_USER, Encoders.STRING())
                .mapValues((MapFunction<Row, Long>) r -> r.getLong(1), Encoders.LONG());
    }

    @Case
    public static void initialState(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<String> out = byUser(clicks(ctx)).transformWithState(new CountFromInitial(), TimeMode.None(), OutputMode.Update(),
                initialCounts(ctx), Encoders.STRING(), Encoders.LONG());
        runStrings(ctx, out, "update");
    }

    /** State survives a restart from the checkpoint. */
    @Case
    public static void stateRestoredAfterRestart(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "0.csv", "alice,1", "bob,2");
        ctx.file(in, "1.csv", "alice,3");
        restartRun(ctx, in, cp, "first run");
        ctx.file(in, "2.csv", "alice,4", "bob,5");
        restartRun(ctx, in, cp, "second run");
    }

    private static void restartRun(CaseContext ctx, Path in, String cp, String label) throws Exception {
        ctx.println("-- " + label + " --");
        Dataset<String> out = byUser(ctx.spark().readStream().schema("user STRING, n INT").option("maxFilesPerTrigger", 1)
                .csv(in.toString())).transformWithState(new History(), TimeMode.None(), OutputMode.Update(), Encoders.STRING());
        StreamingQuery q = out.writeStream()
                .outputMode("update")
                .foreachBatch(ctx.<String>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    /** Complete output mode, for the query or the processor. */
    @Case
    public static void completeModeRefused(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<String> out = byUser(clicks(ctx)).transformWithState(new RunningCount(), TimeMode.None(), OutputMode.Update(),
                Encoders.STRING());
        JoinsInput.refused(ctx, out, "complete");
        Dataset<String> complete = byUser(clicks(ctx)).transformWithState(new RunningCount(), TimeMode.None(),
                OutputMode.Complete(), Encoders.STRING());
        JoinsInput.refused(ctx, complete, "complete");
    }

    /** The processor's output mode differs from the query's. */
    @Case
    public static void appendProcessorInUpdateQuery(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<String> out = byUser(clicks(ctx)).transformWithState(new RunningCount(), TimeMode.None(), OutputMode.Append(),
                Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** Continuous processing refuses transformWithState. */
    @Case
    public static void continuousRefused(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Long> rate = ctx.spark().readStream().format("rate").load().select("value").as(Encoders.LONG());
        Dataset<String> out = rate.groupByKey((MapFunction<Long, String>) v -> "k" + (v % 2), Encoders.STRING())
                .transformWithState(new LongCount(), TimeMode.None(), OutputMode.Update(), Encoders.STRING());
        try {
            out.writeStream().outputMode("update").format("console").trigger(Trigger.Continuous("1 second")).start().stop();
            ctx.println("started");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** A count of Longs per key. */
    public static class LongCount extends StatefulProcessor<String, Long, String> {
        private transient ValueState<Long> count;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            count = getHandle().getValueState("count", Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Long> rows, TimerValues timers) {
            long n = (count.exists() ? count.get() : 0L) + list(rows).size();
            count.update(n);
            return iterator(List.of(key + ":" + n));
        }
    }

    /** mapValues before transformWithState: the processor sees the mapped values. */
    @Case
    public static void mapValuesThenTransform(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<String> out = byUser(clicks(ctx)).mapValues((MapFunction<Row, Long>) r -> (long) r.getInt(1), Encoders.LONG())
                .transformWithState(new LongSum(), TimeMode.None(), OutputMode.Update(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** A sum of Longs per key. */
    public static class LongSum extends StatefulProcessor<String, Long, String> {
        private transient ValueState<Long> sum;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            sum = getHandle().getValueState("sum", Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Long> rows, TimerValues timers) {
            long s = sum.exists() ? sum.get() : 0L;
            for (Long v : list(rows)) {
                s += v;
            }
            sum.update(s);
            return iterator(List.of(key + ":" + s));
        }
    }

    /** Two initial states for one key fail the first batch (printed as the root cause). */
    @Case
    public static void initialStateDuplicateKeyFails(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        StructType schema = new StructType().add("user", DataTypes.StringType).add("count", DataTypes.LongType);
        KeyValueGroupedDataset<String, Long> initial = rows(ctx, schema, new Object[] {"alice", 10L}, new Object[] {"alice", 11L})
                .groupByKey(BY_USER, Encoders.STRING())
                .mapValues((MapFunction<Row, Long>) r -> r.getLong(1), Encoders.LONG());
        Dataset<String> out = byUser(clicks(ctx)).transformWithState(new CountFromInitial(), TimeMode.None(), OutputMode.Update(),
                initial, Encoders.STRING(), Encoders.LONG());
        runExpectingFailure(ctx, out);
    }

    /** In event time, rows at or below the previous batch's watermark are dropped before the processor sees them. */
    @Case
    public static void eventTimeDropsLateRows(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, ts TIMESTAMP",
                batch("a," + t("10:00:30")),
                batch("b," + t("10:00:05"), "a," + t("10:00:40")),
                batch("b," + t("10:00:25")))
                .withWatermark("ts", "10 seconds");
        Dataset<String> out = byUser(in).transformWithState(new SessionEnd(), TimeMode.EventTime(), OutputMode.Update(),
                Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** Without the RocksDB provider Spark refuses the query; Tideway runs it (listed in DIVERGENCES). */
    @Case
    public static void withoutRocksDbProvider(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "in", "user STRING, n INT", batch("alice,1"));
        Dataset<String> out = byUser(in).transformWithState(new RunningCount(), TimeMode.None(), OutputMode.Update(),
                Encoders.STRING());
        runExpectingFailure(ctx, out);
    }
    /** On a static Dataset Spark runs the processor once per key over all its rows. */
    @Case
    public static void batchDataset(CaseContext ctx) {
        rocksDb(ctx);
        StructType schema = new StructType().add("user", DataTypes.StringType).add("n", DataTypes.IntegerType);
        Dataset<String> out = byUser(rows(ctx, schema, new Object[] {"alice", 1}, new Object[] {"bob", 2}, new Object[] {"alice", 3}))
                .transformWithState(new RunningCount(), TimeMode.None(), OutputMode.Update(), Encoders.STRING());
        try {
            List<String> result = new ArrayList<>(out.collectAsList());
            Collections.sort(result);
            result.forEach(ctx::println);
        } catch (Exception e) {
            ctx.error(e);
        }
    }
    /** A processor outside transformWithState has no handle. */
    @Case
    public static void handleOutsideQuery(CaseContext ctx) {
        try {
            new RunningCount().getHandle();
            ctx.println("a handle");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** Event-time timers and state survive a restart: a timer set in the first run fires in the second. */
    @Case
    public static void eventTimeTimersAfterRestart(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "0.csv", "a," + t("10:00:00"), "b," + t("10:00:30"));
        eventTimeRun(ctx, in, cp, "first run");
        ctx.file(in, "1.csv", "c," + t("10:01:00"));
        eventTimeRun(ctx, in, cp, "second run");
    }

    private static void eventTimeRun(CaseContext ctx, Path in, String cp, String label) throws Exception {
        ctx.println("-- " + label + " --");
        Dataset<Row> events = ctx.spark().readStream().schema("user STRING, ts TIMESTAMP").option("maxFilesPerTrigger", 1)
                .csv(in.toString()).withWatermark("ts", "10 seconds");
        StreamingQuery q = byUser(events).transformWithState(new SessionEnd(), TimeMode.EventTime(), OutputMode.Update(),
                        Encoders.STRING())
                .writeStream()
                .outputMode("update")
                .foreachBatch(ctx.<String>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }

    /** Event time without a watermark. */
    @Case
    public static void eventTimeWithoutWatermark(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, ts TIMESTAMP", batch("a," + t("10:00:00")), batch("a," + t("10:00:30")));
        Dataset<String> out = byUser(in).transformWithState(new SessionEnd(), TimeMode.EventTime(), OutputMode.Update(),
                Encoders.STRING());
        runExpectingFailure(ctx, out);
    }
    /** A processing-time timer at the batch time itself. */
    public static class TimerAtBatchTime extends StatefulProcessor<String, Row, String> {
        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
        }

        @Override
        public scala.collection.Iterator<String> handleInputRows(String key, scala.collection.Iterator<Row> rows, TimerValues timers) {
            getHandle().registerTimer(timers.getCurrentProcessingTimeInMs());
            return iterator(List.of(key + ":registered"));
        }

        @Override
        public scala.collection.Iterator<String> handleExpiredTimer(String key, TimerValues timers, ExpiredTimerInfo expired) {
            boolean sameBatch = expired.getExpiryTimeInMs() == timers.getCurrentProcessingTimeInMs();
            return iterator(List.of(key + ":fired, in the batch that registered it: " + sameBatch));
        }
    }

    @Case
    public static void processingTimeTimerAtBatchTime(CaseContext ctx) throws Exception {
        rocksDb(ctx);
        Dataset<Row> in = csv(ctx, "in", "user STRING, n INT", batch("alice,1"));
        Dataset<String> out = byUser(in).transformWithState(new TimerAtBatchTime(), TimeMode.ProcessingTime(), OutputMode.Update(),
                Encoders.STRING());
        runUntilRows(ctx, out, 2);
    }
}

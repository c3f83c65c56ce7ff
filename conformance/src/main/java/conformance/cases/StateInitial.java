package conformance.cases;

import conformance.Case;
import conformance.Canonical;
import conformance.CaseContext;
import io.tideway.api.java.function.FlatMapGroupsWithStateFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.KeyValueGroupedDataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.refused;
import static conformance.cases.JoinsInput.rows;
import static conformance.cases.JoinsInput.runStrings;
import static conformance.cases.JoinsInput.t;
import static conformance.cases.StateMapGroups.BY_USER;
import static conformance.cases.StateMapGroups.clicks;

/**
 * {@code [flat]MapGroupsWithState} with an {@code initialState} (a static
 * {@code KeyValueGroupedDataset<K, S>}): the first batch stores each key's initial state and
 * calls the function for every key with data or an initial state (a key with an initial state
 * and no data is called with no values); later batches and restarts do not read it again; a key
 * given twice fails the batch; a streaming initial state is refused. Outputs are strings
 * {@code key:...} (sorted per batch by the harness).
 */
public final class StateInitial {
    private StateInitial() {
    }

    /** Initial counts: alice 10 (also in the stream), dave 5 (never in the stream). */
    static KeyValueGroupedDataset<String, Long> initialCounts(CaseContext ctx, Object[]... extra) {
        StructType schema = new StructType().add("user", DataTypes.StringType).add("count", DataTypes.LongType);
        List<Object[]> all = new ArrayList<>(List.of(new Object[] {"alice", 10L}, new Object[] {"dave", 5L}));
        all.addAll(List.of(extra));
        return rows(ctx, schema, all.toArray(new Object[0][])).groupByKey(BY_USER, Encoders.STRING())
                .mapValues((MapFunction<Row, Long>) r -> r.getLong(1), Encoders.LONG());
    }

    /** A running count that says how many values the call had. */
    static final MapGroupsWithStateFunction<String, Row, Long, String> COUNT = (user, values, state) -> {
        long before = state.exists() ? state.get() : -1L;
        long n = 0;
        while (values.hasNext()) {
            values.next();
            n++;
        }
        long count = Math.max(before, 0L) + n;
        state.update(count);
        return user + ":before=" + before + ",values=" + n + ",count=" + count;
    };

    @Case
    public static void mapGroupsStartsFromInitialState(CaseContext ctx) throws Exception {
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(COUNT, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout(), initialCounts(ctx));
        runStrings(ctx, out, "update");
    }

    /** flatMapGroupsWithState in append mode: a key with only an initial state may output nothing. */
    @Case
    public static void flatMapGroupsAppendWithInitialState(CaseContext ctx) throws Exception {
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            long count = state.exists() ? state.get() : 0L;
            long n = 0;
            while (values.hasNext()) {
                values.next();
                n++;
            }
            state.update(count + n);
            List<String> out = new ArrayList<>();
            if (n > 0) {
                out.add(user + ":" + (count + n));
            } else {
                out.add(user + ":initial only, " + count);
                out.add(user + ":second row");
            }
            return out.iterator();
        };
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout(),
                        initialCounts(ctx));
        runStrings(ctx, out, "append");
    }

    /** The function may remove an initial state in the first batch: the key starts afresh later. */
    @Case
    public static void removeInitialState(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            String seen = user + ":exists=" + state.exists() + (state.exists() ? ",state=" + state.get() : "");
            long n = 0;
            while (values.hasNext()) {
                values.next();
                n++;
            }
            if (state.exists() && state.get() >= 10L) {
                state.remove();
                return seen + ",removed";
            }
            state.update((state.exists() ? state.get() : 0L) + n);
            return seen + ",count=" + state.get();
        };
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout(), initialCounts(ctx));
        runStrings(ctx, out, "update");
    }

    /** The initial state's groups may come from a typed Dataset with the state as the value itself. */
    @Case
    public static void initialStateOfTypedValues(CaseContext ctx) throws Exception {
        Dataset<Long> numbers = ctx.spark().createDataset(List.of(100L, 205L), Encoders.LONG());
        KeyValueGroupedDataset<String, Long> initial = numbers.groupByKey(
                (MapFunction<Long, String>) n -> n == 100L ? "bob" : "erin", Encoders.STRING());
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(COUNT, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout(), initial);
        runStrings(ctx, out, "update");
    }

    /** Two initial states for one key fail the first batch, with Spark's message (printed as the root cause). */
    @Case
    public static void duplicateInitialKeyFails(CaseContext ctx) throws Exception {
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(COUNT, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout(),
                        initialCounts(ctx, new Object[] {"dave", 6L}));
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

    /** A streaming Dataset as the initial state is refused when the query starts (Spark's words). */
    @Case
    public static void streamingInitialStateRefused(CaseContext ctx) throws Exception {
        KeyValueGroupedDataset<String, Long> initial = csv(ctx, "init", "user STRING, count LONG", batch("alice,1"))
                .groupByKey(BY_USER, Encoders.STRING())
                .mapValues((MapFunction<Row, Long>) r -> r.getLong(1), Encoders.LONG());
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(COUNT, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout(), initial);
        refused(ctx, out, "update");
    }

    /**
     * Event-time timeouts with an initial state: each call sets a timeout 10 s after the key's
     * latest event (10:00:05 for the initial-only key, which has none); the initial-only key is
     * called again, timed out, once the watermark passes its timeout.
     */
    @Case
    public static void eventTimeTimeoutOfInitialKey(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "in", "user STRING, ts TIMESTAMP",
                batch("alice," + t("10:00:00")),
                batch("alice," + t("10:00:30")),
                batch("alice," + t("10:01:00")))
                .withWatermark("ts", "10 seconds");
        long initialTimeout = java.sql.Timestamp.valueOf(t("10:00:05")).getTime();
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            if (state.hasTimedOut()) {
                long n = state.get();
                state.remove();
                return user + ":timed out with " + n;
            }
            long count = state.exists() ? state.get() : 0L;
            long timeout = initialTimeout;
            while (values.hasNext()) {
                timeout = Math.max(timeout, values.next().getTimestamp(1).getTime() + 10_000L);
                count++;
            }
            state.update(count);
            state.setTimeoutTimestamp(timeout);
            return user + ":" + count + " until " + Instant.ofEpochMilli(timeout);
        };
        Dataset<String> out = in.groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.EventTimeTimeout(), initialCounts(ctx));
        runStrings(ctx, out, "update");
    }

    /** A restart resumes from the checkpoint's state: the initial state (changed meanwhile) is not read again. */
    @Case
    public static void restartIgnoresInitialState(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "0.csv", "alice,1", "bob,2");
        ctx.file(in, "1.csv", "dave,3");
        restartRun(ctx, in, cp, initialCounts(ctx), "first run");
        ctx.file(in, "2.csv", "alice,4", "dave,5");
        restartRun(ctx, in, cp, initialCounts(ctx, new Object[] {"bob", 1000L}), "second run, bob added to the initial state");
    }

    private static void restartRun(CaseContext ctx, Path in, String cp, KeyValueGroupedDataset<String, Long> initial, String label)
            throws Exception {
        ctx.println("-- " + label + " --");
        Dataset<String> out = ctx.spark().readStream().schema("user STRING, n INT").option("maxFilesPerTrigger", 1)
                .csv(in.toString()).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(COUNT, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout(), initial);
        StreamingQuery q = out.writeStream()
                .outputMode("update")
                .foreachBatch(ctx.<String>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
    }
    /** Static input: the Dataset the batch cases group. */
    static Dataset<Row> staticClicks(CaseContext ctx) {
        StructType schema = new StructType().add("user", DataTypes.StringType).add("n", DataTypes.IntegerType);
        return rows(ctx, schema, new Object[] {"alice", 1}, new Object[] {"bob", 2}, new Object[] {"alice", 3},
                new Object[] {"carol", 4});
    }

    private static void printSorted(CaseContext ctx, Dataset<String> out) {
        List<String> rows = new ArrayList<>(out.collectAsList());
        java.util.Collections.sort(rows);
        rows.forEach(ctx::println);
    }

    /** On a static Dataset: one call per key with data or an initial state, as Spark's batch plan (a cogroup). */
    @Case
    public static void batchMapGroupsWithInitialState(CaseContext ctx) {
        Dataset<String> out = staticClicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(COUNT, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout(), initialCounts(ctx));
        printSorted(ctx, out);
    }

    /** On a static Dataset without an initial state: each key's function sees no state. */
    @Case
    public static void batchMapGroupsWithState(CaseContext ctx) {
        Dataset<String> out = staticClicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(COUNT, Encoders.LONG(), Encoders.STRING());
        printSorted(ctx, out);
    }

    @Case
    public static void batchFlatMapGroupsWithInitialState(CaseContext ctx) {
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            List<String> out = new ArrayList<>();
            out.add(user + ":exists=" + state.exists() + (state.exists() ? ",state=" + state.get() : ""));
            values.forEachRemaining(r -> out.add(user + ":n=" + r.getInt(1)));
            return out.iterator();
        };
        Dataset<String> out = staticClicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Update(), Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout(),
                        initialCounts(ctx));
        printSorted(ctx, out);
    }

    @Case
    public static void batchDuplicateInitialKeyFails(CaseContext ctx) {
        Dataset<String> out = staticClicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(COUNT, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout(),
                        initialCounts(ctx, new Object[] {"dave", 6L}));
        try {
            printSorted(ctx, out);
            ctx.println("no failure");
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            ctx.println("root cause: " + Canonical.error(root));
        }
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.FlatMapGroupsWithStateFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.describe;
import static conformance.cases.JoinsInput.refused;
import static conformance.cases.JoinsInput.runStrings;
import static conformance.cases.JoinsInput.t;
import static conformance.cases.JoinsInput.watermarks;
import static conformance.cases.StateMapGroups.BY_USER;

/**
 * Timeouts of {@code [flat]MapGroupsWithState}. Event-time timeouts need {@code withWatermark}: a
 * key's function sets {@code setTimeoutTimestamp(...)} on each call, and the key is called once
 * more with no values and {@code hasTimedOut()} true in the first batch whose watermark is past
 * that timestamp. Inputs are {@code user STRING, ts TIMESTAMP} with a 10 second watermark; times
 * are printed as instants. Processing-time timeouts depend on the wall clock; the one case here
 * only sets a timeout that cannot expire while the case runs, and the refusals.
 */
public final class StateTimeouts {
    private StateTimeouts() {
    }

    /**
     * batch 0: a@10:00:00 b@10:00:05; batch 1: a@10:00:20; batch 2: c@10:01:00; batch 3: d@10:02:00.
     * Watermarks after each batch: 09:59:55, 10:00:10, 10:00:50, 10:01:50.
     */
    static Dataset<Row> sessions(CaseContext ctx) throws Exception {
        return csv(ctx, "in", "user STRING, ts TIMESTAMP",
                batch("a," + t("10:00:00"), "b," + t("10:00:05")),
                batch("a," + t("10:00:20")),
                batch("c," + t("10:01:00")),
                batch("d," + t("10:02:00")))
                .withWatermark("ts", "10 seconds");
    }

    private static long maxTs(java.util.Iterator<Row> values, long start, long[] count) {
        long max = start;
        while (values.hasNext()) {
            max = Math.max(max, values.next().getTimestamp(1).getTime());
            count[0]++;
        }
        return max;
    }

    /** Counts per user; times out 10 s after the user's latest event, then outputs and removes the state. */
    static final MapGroupsWithStateFunction<String, Row, Long, String> COUNT_UNTIL_IDLE = (user, values, state) -> {
        if (state.hasTimedOut()) {
            long n = state.get();
            state.remove();
            return user + ":timed out with " + n + ", exists=" + state.exists();
        }
        long[] count = {state.exists() ? state.get() : 0L};
        long max = maxTs(values, 0L, count);
        state.update(count[0]);
        state.setTimeoutTimestamp(max + 10_000L);
        return user + ":" + count[0] + " until " + Instant.ofEpochMilli(max + 10_000L);
    };

    @Case
    public static void mapGroupsEventTimeTimeout(CaseContext ctx) throws Exception {
        Dataset<String> out = sessions(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(COUNT_UNTIL_IDLE, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.EventTimeTimeout());
        StreamingQuery q = runStrings(ctx, out, "update");
        watermarks(ctx, q);
    }

    /** Sessionization in append mode: a session is output once, when it times out. */
    @Case
    public static void flatMapGroupsSessionsAppend(CaseContext ctx) throws Exception {
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            if (state.hasTimedOut()) {
                String done = user + ":session of " + state.get();
                state.remove();
                return Collections.singletonList(done).iterator();
            }
            long[] count = {state.exists() ? state.get() : 0L};
            long max = maxTs(values, 0L, count);
            state.update(count[0]);
            state.setTimeoutTimestamp(max + 10_000L);
            return Collections.<String>emptyIterator();
        };
        Dataset<String> out = sessions(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.EventTimeTimeout());
        StreamingQuery q = runStrings(ctx, out, "append");
        watermarks(ctx, q);
    }

    /** The same in update mode, with an output for every call. */
    @Case
    public static void flatMapGroupsEventTimeTimeoutUpdate(CaseContext ctx) throws Exception {
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) ->
                Collections.singletonList(COUNT_UNTIL_IDLE.call(user, values, state)).iterator();
        Dataset<String> out = sessions(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Update(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.EventTimeTimeout());
        runStrings(ctx, out, "update");
    }

    /** getCurrentWatermarkMs() in each call: the watermark the batch runs with. */
    @Case
    public static void currentWatermarkPerBatch(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            state.update(1L);
            return user + ":watermark " + Instant.ofEpochMilli(state.getCurrentWatermarkMs());
        };
        Dataset<String> out = sessions(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout());
        runStrings(ctx, out, "update");
    }

    @Case
    public static void eventTimeTimeoutWithoutWatermarkRefused(CaseContext ctx) throws Exception {
        Dataset<Row> noWatermark = csv(ctx, "in", "user STRING, ts TIMESTAMP", batch("a," + t("10:00:00")));
        Dataset<String> out = noWatermark.groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(COUNT_UNTIL_IDLE, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.EventTimeTimeout());
        refused(ctx, out, "update");
    }

    /** A timeout timestamp behind the current watermark, and one that is not positive, are refused. */
    @Case
    public static void timeoutTimestampBehindWatermarkRefused(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            long[] count = {0L};
            long max = maxTs(values, 0L, count);
            state.update(count[0]);
            StringBuilder sb = new StringBuilder(user);
            for (long ts : new long[] {max - 3_600_000L, 0L}) {
                try {
                    state.setTimeoutTimestamp(ts);
                    sb.append(" | set ").append(Instant.ofEpochMilli(ts));
                } catch (Exception e) {
                    sb.append(" | ").append(describe(e));
                }
            }
            return sb.toString();
        };
        Dataset<String> out = sessions(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.EventTimeTimeout());
        runStrings(ctx, out, "update");
    }

    /** setTimeoutTimestamp(ms, "additional duration") adds the duration. */
    @Case
    public static void timeoutTimestampWithAdditionalDuration(CaseContext ctx) throws Exception {
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            if (state.hasTimedOut()) {
                state.remove();
                return Collections.singletonList(user + ":timed out").iterator();
            }
            long[] count = {0L};
            long max = maxTs(values, 0L, count);
            state.update(count[0]);
            state.setTimeoutTimestamp(max, "1 minute");
            return Collections.singletonList(user + ":seen").iterator();
        };
        Dataset<String> out = sessions(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Update(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.EventTimeTimeout());
        runStrings(ctx, out, "update");
    }

    /** A timeout is only kept if set again in each call: a's second call does not set it, so a never times out. */
    @Case
    public static void timeoutNotSetAgainIsCleared(CaseContext ctx) throws Exception {
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            if (state.hasTimedOut()) {
                state.remove();
                return Collections.singletonList(user + ":timed out").iterator();
            }
            long[] count = {state.exists() ? state.get() : 0L};
            long max = maxTs(values, 0L, count);
            boolean first = !state.exists();
            state.update(count[0]);
            if (first) {
                state.setTimeoutTimestamp(max + 10_000L);
            }
            return Collections.singletonList(user + ":" + count[0] + (first ? " timeout set" : " no timeout")).iterator();
        };
        Dataset<String> out = sessions(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Update(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.EventTimeTimeout());
        runStrings(ctx, out, "update");
    }

    /** A timeout set before remove() in the same call: does the key still time out (with no state)? */
    @Case
    public static void removeAfterSettingTimeout(CaseContext ctx) throws Exception {
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            if (state.hasTimedOut()) {
                return Collections.singletonList(user + ":timed out, exists=" + state.exists()).iterator();
            }
            long[] count = {0L};
            long max = maxTs(values, 0L, count);
            state.update(count[0]);
            state.setTimeoutTimestamp(max + 10_000L);
            state.remove();
            return Collections.singletonList(user + ":removed").iterator();
        };
        Dataset<String> out = sessions(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Update(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.EventTimeTimeout());
        runStrings(ctx, out, "update");
    }

    /**
     * Rows behind the watermark (10:00:50 after batch 0, 10:00:55 after batch 1): given to the
     * function or dropped, with an event-time timeout and without one.
     */
    @Case
    public static void lateRowsWithAndWithoutEventTimeTimeout(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            if (state.hasTimedOut()) {
                state.remove();
                return user + ":timed out";
            }
            List<String> times = new ArrayList<>();
            values.forEachRemaining(r -> times.add(r.getTimestamp(1).toInstant().toString()));
            Collections.sort(times);
            state.update(1L);
            if (state.getCurrentWatermarkMs() > 0) {
                state.setTimeoutTimestamp(state.getCurrentWatermarkMs() + 3_600_000L);
            }
            return user + ":" + times;
        };
        MapGroupsWithStateFunction<String, Row, Long, String> noTimeout = (user, values, state) -> {
            List<String> times = new ArrayList<>();
            values.forEachRemaining(r -> times.add(r.getTimestamp(1).toInstant().toString()));
            Collections.sort(times);
            state.update(1L);
            return user + ":" + times;
        };
        String[][] batches = {
                batch("a," + t("10:01:00")),
                batch("a," + t("10:00:30"), "b," + t("10:00:55"), "b," + t("10:01:05")),
                batch("a," + t("10:00:40"), "b," + t("10:00:50"), "c," + t("10:02:00"))};
        ctx.println("EventTimeTimeout:");
        Dataset<Row> in1 = csv(ctx, "in1", "user STRING, ts TIMESTAMP", batches).withWatermark("ts", "10 seconds");
        runStrings(ctx, in1.groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.EventTimeTimeout()), "update");
        ctx.println("NoTimeout:");
        Dataset<Row> in2 = csv(ctx, "in2", "user STRING, ts TIMESTAMP", batches).withWatermark("ts", "10 seconds");
        runStrings(ctx, in2.groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(noTimeout, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.NoTimeout()), "update");
    }

    /**
     * Runs {@code out} once per batch of {@code batches}, each a new query with
     * {@code Trigger.Once()} on one checkpoint, started after that batch's file was written:
     * deterministic batches for a processing-time timeout query, which runs a no-data batch on
     * every trigger (with Spark 4.0.4, {@code processAllAvailable()} on such a query did not
     * return within a minute).
     */
    private static void runOncePerBatch(CaseContext ctx, Dataset<String> out, java.nio.file.Path in, String[][] batches)
            throws Exception {
        String chk = ctx.path("chk");
        for (int i = 0; i < batches.length; i++) {
            ctx.file(in, i + ".csv", batches[i]);
            StreamingQuery q = out.writeStream()
                    .outputMode("update")
                    .option("checkpointLocation", chk)
                    .trigger(Trigger.Once())
                    .foreachBatch(ctx.<String>batches())
                    .start();
            q.awaitTermination();
        }
    }

    /**
     * ProcessingTimeTimeout with a one-hour duration set on each call: it cannot expire while the
     * case runs, so only the running counts show, carried across restarts of the query.
     */
    @Case
    public static void processingTimeTimeoutNotYetExpired(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            long count = state.exists() ? state.get() : 0L;
            while (values.hasNext()) {
                values.next();
                count++;
            }
            state.update(count);
            state.setTimeoutDuration("1 hour");
            return user + ":" + count + ",timedOut=" + state.hasTimedOut();
        };
        java.nio.file.Path in = ctx.dir("in");
        Dataset<String> out = ctx.spark().readStream().schema("user STRING, n INT").csv(in.toString())
                .groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.ProcessingTimeTimeout());
        runOncePerBatch(ctx, out, in, new String[][] {
                batch("alice,1", "bob,2", "alice,3"), batch("bob,4", "carol,5"), batch("alice,6")});
    }

    /** Setting a non-positive duration, or an event-time timestamp, under ProcessingTimeTimeout. */
    @Case
    public static void processingTimeTimeoutMisuseRefused(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            StringBuilder sb = new StringBuilder(user);
            try {
                state.setTimeoutDuration(0L);
                sb.append(" | set 0");
            } catch (Exception e) {
                sb.append(" | ").append(describe(e));
            }
            try {
                state.setTimeoutDuration("-1 minute");
                sb.append(" | set -1 minute");
            } catch (Exception e) {
                sb.append(" | ").append(describe(e));
            }
            try {
                state.setTimeoutTimestamp(1_000_000L);
                sb.append(" | set timestamp");
            } catch (Exception e) {
                sb.append(" | ").append(describe(e));
            }
            try {
                sb.append(" | watermark ").append(state.getCurrentWatermarkMs());
            } catch (Exception e) {
                sb.append(" | ").append(describe(e));
            }
            state.update(1L);
            return sb.toString();
        };
        java.nio.file.Path in = ctx.dir("in");
        Dataset<String> out = ctx.spark().readStream().schema("user STRING, n INT").csv(in.toString())
                .groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.ProcessingTimeTimeout());
        runOncePerBatch(ctx, out, in, new String[][] {batch("alice,1")});
    }
}

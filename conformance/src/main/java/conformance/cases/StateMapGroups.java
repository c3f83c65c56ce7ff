package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.GroupState;
import io.tideway.sql.streaming.GroupStateTimeout;

import java.io.Serializable;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.columns;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.describe;
import static conformance.cases.JoinsInput.refused;
import static conformance.cases.JoinsInput.run;
import static conformance.cases.JoinsInput.runStrings;

/**
 * The guide's arbitrary stateful operations, {@code groupByKey(...).mapGroupsWithState(...)}
 * without timeouts: one output per key present in a batch, state kept across batches, the
 * {@code GroupState} methods ({@code exists}, {@code get}, {@code update}, {@code remove},
 * {@code hasTimedOut}) and their errors, and the output modes mapGroupsWithState allows
 * (update only). Outputs are strings {@code key:...} (sorted per batch by the harness).
 */
public final class StateMapGroups {
    private StateMapGroups() {
    }

    /** Three batches of {@code user STRING, n INT}. */
    static Dataset<Row> clicks(CaseContext ctx) throws Exception {
        return csv(ctx, "in", "user STRING, n INT",
                batch("alice,1", "bob,2", "alice,3"),
                batch("bob,4", "carol,5"),
                batch("alice,6", "alice,7", "carol,8"));
    }

    static final MapFunction<Row, String> BY_USER = r -> r.getString(0);

    /** A running count per user. */
    static final MapGroupsWithStateFunction<String, Row, Long, String> RUNNING_COUNT = (user, values, state) -> {
        long count = state.exists() ? state.get() : 0L;
        while (values.hasNext()) {
            values.next();
            count++;
        }
        state.update(count);
        return user + ":" + count;
    };

    @Case
    public static void runningCountUpdateMode(CaseContext ctx) throws Exception {
        Dataset<String> counts = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, counts, "update");
    }

    /** The guide: mapGroupsWithState runs only in update output mode. */
    @Case
    public static void appendModeRefused(CaseContext ctx) throws Exception {
        Dataset<String> counts = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(), Encoders.STRING());
        refused(ctx, counts, "append");
    }

    @Case
    public static void completeModeRefused(CaseContext ctx) throws Exception {
        Dataset<String> counts = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(), Encoders.STRING());
        refused(ctx, counts, "complete");
    }

    /** The values iterator holds the key's rows of this batch only; the sum of n is kept in state. */
    @Case
    public static void valuesAreThisBatchsRows(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            long sum = 0;
            int rows = 0;
            while (values.hasNext()) {
                sum += values.next().getInt(1);
                rows++;
            }
            long total = (state.exists() ? state.get() : 0L) + sum;
            state.update(total);
            return user + ":rows=" + rows + ",batchSum=" + sum + ",total=" + total;
        };
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** {@code state.remove()} drops the state: the next batch of that key starts afresh. */
    @Case
    public static void removeRestartsState(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            long count = state.exists() ? state.get() : 0L;
            while (values.hasNext()) {
                values.next();
                count++;
            }
            if (count >= 2) {
                state.remove();
                return user + ":" + count + " removed, exists=" + state.exists();
            }
            state.update(count);
            return user + ":" + count;
        };
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** exists() and hasTimedOut() as the function sees them, before and after update(). */
    @Case
    public static void existsAndHasTimedOut(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            String before = "exists=" + state.exists() + ",timedOut=" + state.hasTimedOut();
            state.update(1L);
            return user + ":" + before + ",after=" + state.exists();
        };
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** get() without a state throws NoSuchElementException (caught in the function, message returned). */
    @Case
    public static void getWithoutStateThrows(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            String got;
            try {
                got = "got " + state.get();
            } catch (Exception e) {
                got = describe(e);
            }
            state.update(7L);
            return user + ":" + got;
        };
        Dataset<String> out = csv(ctx, "in", "user STRING, n INT", batch("alice,1"), batch("alice,2", "bob,3"))
                .groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** update(null) is refused (caught in the function, message returned). */
    @Case
    public static void updateNullRefused(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            try {
                state.update(null);
                return user + ":updated";
            } catch (Exception e) {
                return user + ":" + describe(e);
            }
        };
        Dataset<String> out = csv(ctx, "in", "user STRING, n INT", batch("alice,1"))
                .groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** get() after remove() in the same call throws as if there had never been a state. */
    @Case
    public static void getAfterRemoveThrows(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            state.update(1L);
            state.remove();
            try {
                return user + ":got " + state.get();
            } catch (Exception e) {
                return user + ":" + describe(e);
            }
        };
        Dataset<String> out = csv(ctx, "in", "user STRING, n INT", batch("alice,1"))
                .groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** Without a timeout configured, setting one is refused. */
    @Case
    public static void setTimeoutWithoutTimeoutConfRefused(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            StringBuilder sb = new StringBuilder(user);
            try {
                state.setTimeoutDuration(1000L);
            } catch (Exception e) {
                sb.append(" | ").append(describe(e));
            }
            try {
                state.setTimeoutTimestamp(1000L);
            } catch (Exception e) {
                sb.append(" | ").append(describe(e));
            }
            state.update(1L);
            return sb.toString();
        };
        Dataset<String> out = csv(ctx, "in", "user STRING, n INT", batch("alice,1"))
                .groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** getCurrentWatermarkMs() in a query without a watermark is refused. */
    @Case
    public static void watermarkWithoutWithWatermarkRefused(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            state.update(1L);
            try {
                return user + ":" + state.getCurrentWatermarkMs();
            } catch (Exception e) {
                return user + ":" + describe(e);
            }
        };
        Dataset<String> out = csv(ctx, "in", "user STRING, n INT", batch("alice,1"))
                .groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** A Java bean for the state. */
    public static class Stats implements Serializable {
        private long count;
        private long max;

        public long getCount() {
            return count;
        }

        public void setCount(long count) {
            this.count = count;
        }

        public long getMax() {
            return max;
        }

        public void setMax(long max) {
            this.max = max;
        }
    }

    /** A Java bean for the output: its columns are named after the properties, alphabetically. */
    public static class UserStats implements Serializable {
        private String user;
        private long count;
        private long max;

        public UserStats() {
        }

        UserStats(String user, long count, long max) {
            this.user = user;
            this.count = count;
            this.max = max;
        }

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public long getCount() {
            return count;
        }

        public void setCount(long count) {
            this.count = count;
        }

        public long getMax() {
            return max;
        }

        public void setMax(long max) {
            this.max = max;
        }
    }

    /** Bean state and bean output, printed as rows through toDF(). */
    @Case
    public static void beanStateAndOutput(CaseContext ctx) throws Exception {
        MapGroupsWithStateFunction<String, Row, Stats, UserStats> f = (user, values, state) -> {
            Stats s = state.exists() ? state.get() : new Stats();
            while (values.hasNext()) {
                int n = values.next().getInt(1);
                s.setCount(s.getCount() + 1);
                s.setMax(Math.max(s.getMax(), n));
            }
            state.update(s);
            return new UserStats(user, s.getCount(), s.getMax());
        };
        Dataset<UserStats> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(f, Encoders.bean(Stats.class), Encoders.bean(UserStats.class));
        Dataset<Row> df = out.toDF();
        columns(ctx, df);
        run(ctx, df, "update");
    }

    /** An integer key from a typed Dataset of strings. */
    @Case
    public static void integerKeyFromTypedDataset(CaseContext ctx) throws Exception {
        Dataset<String> words = ctx.spark().readStream().option("maxFilesPerTrigger", 1)
                .text(textInput(ctx).toString()).as(Encoders.STRING());
        MapGroupsWithStateFunction<Integer, String, String, String> f = (len, values, state) -> {
            StringBuilder seen = new StringBuilder(state.exists() ? state.get() : "");
            java.util.List<String> batchWords = new java.util.ArrayList<>();
            values.forEachRemaining(batchWords::add);
            java.util.Collections.sort(batchWords);
            for (String w : batchWords) {
                seen.append(seen.length() == 0 ? "" : ",").append(w);
            }
            state.update(seen.toString());
            return len + ":" + seen;
        };
        Dataset<String> out = words.groupByKey((MapFunction<String, Integer>) String::length, Encoders.INT())
                .mapGroupsWithState(f, Encoders.STRING(), Encoders.STRING());
        columns(ctx, out);
        runStrings(ctx, out, "update");
    }

    private static java.nio.file.Path textInput(CaseContext ctx) throws Exception {
        java.nio.file.Path in = ctx.dir("text");
        ctx.file(in, "0.txt", "ab", "cd", "xyz");
        ctx.file(in, "1.txt", "ef", "uvw", "q");
        return in;
    }

    /** Selecting and filtering the typed output as a DataFrame after mapGroupsWithState. */
    @Case
    public static void dataFrameOpsAfterMapGroupsWithState(CaseContext ctx) throws Exception {
        Dataset<String> counts = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(), Encoders.STRING());
        Dataset<Row> df = counts.toDF("entry").where("entry <> 'bob:1'");
        columns(ctx, df);
        run(ctx, df, "update");
    }

    /** Two mapGroupsWithState in one query are refused. */
    @Case
    public static void twoMapGroupsWithStateRefused(CaseContext ctx) throws Exception {
        Dataset<String> counts = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(), Encoders.STRING());
        MapGroupsWithStateFunction<String, String, Long, String> again = (k, values, state) -> {
            state.update(1L);
            return k;
        };
        Dataset<String> twice = counts.groupByKey((MapFunction<String, String>) s -> s, Encoders.STRING())
                .mapGroupsWithState(again, Encoders.LONG(), Encoders.STRING());
        refused(ctx, twice, "update");
    }

    /** An aggregation after mapGroupsWithState (accepted by Spark 4 in update mode, unlike the 2.x guide). */
    @Case
    public static void aggregationAfterMapGroupsWithState(CaseContext ctx) throws Exception {
        Dataset<String> counts = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(), Encoders.STRING());
        run(ctx, counts.groupBy("value").count(), "update");
    }

    /** mapGroupsWithState on the output of a stream-static join. */
    @Case
    public static void afterStreamStaticJoin(CaseContext ctx) throws Exception {
        Dataset<Row> joined = JoinsInput.events(ctx).join(JoinsInput.names(ctx), "id");
        MapGroupsWithStateFunction<String, Row, Long, String> f = (name, values, state) -> {
            long count = state.exists() ? state.get() : 0L;
            while (values.hasNext()) {
                values.next();
                count++;
            }
            state.update(count);
            return name + ":" + count;
        };
        Dataset<String> out = joined.groupByKey((MapFunction<Row, String>) r -> r.getAs("name"), Encoders.STRING())
                .mapGroupsWithState(f, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, out, "update");
    }

    /** A key's state survives the batches in which the key does not appear. */
    @Case
    public static void stateSurvivesBatchWithoutKey(CaseContext ctx) throws Exception {
        Dataset<String> counts = csv(ctx, "in", "user STRING, n INT",
                batch("alice,1"), batch("bob,1"), batch("bob,2"), batch("alice,2"))
                .groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(), Encoders.STRING());
        runStrings(ctx, counts, "update");
    }

    /** mapGroupsWithState's output column is {@code value} for a String encoder. */
    @Case
    public static void outputSchema(CaseContext ctx) throws Exception {
        Dataset<String> counts = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .mapGroupsWithState(RUNNING_COUNT, Encoders.LONG(), Encoders.STRING());
        ctx.println(counts.schema().treeString());
        ctx.println("streaming: " + counts.isStreaming());
    }
}

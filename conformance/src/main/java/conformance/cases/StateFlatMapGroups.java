package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.FlatMapGroupsWithStateFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static conformance.cases.JoinsInput.refused;
import static conformance.cases.JoinsInput.run;
import static conformance.cases.JoinsInput.runStrings;
import static conformance.cases.StateMapGroups.BY_USER;
import static conformance.cases.StateMapGroups.clicks;

/**
 * {@code flatMapGroupsWithState} without timeouts: any number of outputs per key and batch, the
 * function's output mode (append or update) and the query output modes each allows, and what
 * may follow it (an aggregation after an append-mode function). Input: {@link StateMapGroups#clicks}.
 */
public final class StateFlatMapGroups {
    private StateFlatMapGroups() {
    }

    /** One output per input row, numbered by a running count per user kept in state. */
    static final FlatMapGroupsWithStateFunction<String, Row, Long, String> NUMBER_EACH = (user, values, state) -> {
        long count = state.exists() ? state.get() : 0L;
        List<Integer> ns = new ArrayList<>();
        values.forEachRemaining(r -> ns.add(r.getInt(1)));
        Collections.sort(ns);
        List<String> out = new ArrayList<>();
        for (int n : ns) {
            count++;
            out.add(user + "#" + count + "=" + n);
        }
        state.update(count);
        return out.iterator();
    };

    @Case
    public static void appendFunctionInAppendQuery(CaseContext ctx) throws Exception {
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(NUMBER_EACH, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        runStrings(ctx, out, "append");
    }

    @Case
    public static void updateFunctionInUpdateQuery(CaseContext ctx) throws Exception {
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(NUMBER_EACH, OutputMode.Update(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        runStrings(ctx, out, "update");
    }

    /** Outputs only when a user's count reaches a multiple of two: keys may give no row in a batch. */
    @Case
    public static void zeroOrMoreOutputsPerKey(CaseContext ctx) throws Exception {
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            long count = state.exists() ? state.get() : 0L;
            List<String> out = new ArrayList<>();
            while (values.hasNext()) {
                values.next();
                count++;
                if (count % 2 == 0) {
                    out.add(user + ":" + count);
                }
            }
            state.update(count);
            return out.iterator();
        };
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        runStrings(ctx, out, "append");
    }

    /** A user's state is removed after three rows, with a final output; the next row starts again. */
    @Case
    public static void removeAfterThreeRows(CaseContext ctx) throws Exception {
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            long count = state.exists() ? state.get() : 0L;
            while (values.hasNext()) {
                values.next();
                count++;
            }
            if (count >= 3) {
                state.remove();
                return Collections.singletonList(user + ":done at " + count).iterator();
            }
            state.update(count);
            return Collections.<String>emptyIterator();
        };
        Dataset<String> out = JoinsInput.csv(ctx, "in", "user STRING, n INT",
                        JoinsInput.batch("alice,1", "alice,2"), JoinsInput.batch("alice,3", "bob,1"),
                        JoinsInput.batch("alice,4", "bob,2", "bob,3", "bob,4"))
                .groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        runStrings(ctx, out, "append");
    }

    @Case
    public static void appendFunctionInUpdateQueryRefused(CaseContext ctx) throws Exception {
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(NUMBER_EACH, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        refused(ctx, out, "update");
    }

    @Case
    public static void updateFunctionInAppendQueryRefused(CaseContext ctx) throws Exception {
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(NUMBER_EACH, OutputMode.Update(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        refused(ctx, out, "append");
    }

    @Case
    public static void completeQueryRefused(CaseContext ctx) throws Exception {
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(NUMBER_EACH, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        refused(ctx, out, "complete");
    }

    /** The function's output mode must be append or update. */
    @Case
    public static void completeFunctionModeRefused(CaseContext ctx) throws Exception {
        clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(NUMBER_EACH, OutputMode.Complete(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        ctx.println("accepted");
    }

    /** An aggregation may follow an append-mode flatMapGroupsWithState (here in complete mode). */
    @Case
    public static void aggregationAfterAppendFunction(CaseContext ctx) throws Exception {
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            long count = state.exists() ? state.get() : 0L;
            List<String> out = new ArrayList<>();
            while (values.hasNext()) {
                values.next();
                count++;
                out.add(count % 2 == 0 ? "even" : "odd");
            }
            state.update(count);
            return out.iterator();
        };
        Dataset<String> parity = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        run(ctx, parity.groupBy("value").count(), "complete");
    }

    @Case
    public static void aggregationAfterUpdateFunctionRefused(CaseContext ctx) throws Exception {
        Dataset<String> out = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(NUMBER_EACH, OutputMode.Update(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        refused(ctx, out.groupBy("value").count(), "update");
    }

    /** flatMapGroupsWithState in append mode after a streaming aggregation is refused. */
    @Case
    public static void appendFunctionAfterAggregationRefused(CaseContext ctx) throws Exception {
        Dataset<Row> counts = clicks(ctx).groupBy("user").count();
        FlatMapGroupsWithStateFunction<String, Row, Long, String> f = (user, values, state) -> {
            state.update(1L);
            return Collections.singletonList(user).iterator();
        };
        Dataset<String> out = counts.groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(f, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        refused(ctx, out, "update");
    }

    /** Two append-mode flatMapGroupsWithState in an append query. */
    @Case
    public static void twoAppendFunctionsChained(CaseContext ctx) throws Exception {
        Dataset<String> numbered = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(NUMBER_EACH, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        FlatMapGroupsWithStateFunction<String, String, Long, String> countPerUser = (user, values, state) -> {
            long count = state.exists() ? state.get() : 0L;
            while (values.hasNext()) {
                values.next();
                count++;
            }
            state.update(count);
            return Collections.singletonList(user + " seen " + count).iterator();
        };
        Dataset<String> out = numbered
                .groupByKey((MapFunction<String, String>) s -> s.substring(0, s.indexOf('#')), Encoders.STRING())
                .flatMapGroupsWithState(countPerUser, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        runStrings(ctx, out, "append");
    }

    /** mapGroupsWithState and flatMapGroupsWithState in one query are refused. */
    @Case
    public static void mixingMapAndFlatMapRefused(CaseContext ctx) throws Exception {
        Dataset<String> numbered = clicks(ctx).groupByKey(BY_USER, Encoders.STRING())
                .flatMapGroupsWithState(NUMBER_EACH, OutputMode.Update(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.NoTimeout());
        MapGroupsWithStateFunction<String, String, Long, String> identity = (k, values, state) -> {
            state.update(1L);
            return k;
        };
        Dataset<String> out = numbered.groupByKey((MapFunction<String, String>) s -> s, Encoders.STRING())
                .mapGroupsWithState(identity, Encoders.LONG(), Encoders.STRING());
        refused(ctx, out, "update");
    }
}

package io.tideway.microbatch;

import io.tideway.api.java.function.FlatMapGroupsWithStateFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.GroupState;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide's sessionization with {@code mapGroupsWithState} (event-time timeouts here, so the
 * expected output is exact), a processing-time timeout with {@code flatMapGroupsWithState}, and
 * the start-time rules.
 */
class GroupsWithStateTest {
    private static final BatchLog LOG = new BatchLog();
    private static final long GAP_MS = TimeUnit.MINUTES.toMillis(10);
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("sessions")
            .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    @AfterEach
    void stop() {
        spark.stop();
        LOG.clear();
    }

    /** The state of one session, as in the guide's example. */
    public static class SessionInfo implements Serializable {
        private int numEvents;
        private long startTimestampMs;
        private long endTimestampMs;

        public int getNumEvents() {
            return numEvents;
        }

        public void setNumEvents(int numEvents) {
            this.numEvents = numEvents;
        }

        public long getStartTimestampMs() {
            return startTimestampMs;
        }

        public void setStartTimestampMs(long startTimestampMs) {
            this.startTimestampMs = startTimestampMs;
        }

        public long getEndTimestampMs() {
            return endTimestampMs;
        }

        public void setEndTimestampMs(long endTimestampMs) {
            this.endTimestampMs = endTimestampMs;
        }
    }

    /** What the query emits per session and trigger, as in the guide's example. */
    public static class SessionUpdate implements Serializable {
        private String id;
        private long durationMs;
        private int numEvents;
        private boolean expired;

        public SessionUpdate() {
        }

        SessionUpdate(String id, long durationMs, int numEvents, boolean expired) {
            this.id = id;
            this.durationMs = durationMs;
            this.numEvents = numEvents;
            this.expired = expired;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public long getDurationMs() {
            return durationMs;
        }

        public void setDurationMs(long durationMs) {
            this.durationMs = durationMs;
        }

        public int getNumEvents() {
            return numEvents;
        }

        public void setNumEvents(int numEvents) {
            this.numEvents = numEvents;
        }

        public boolean isExpired() {
            return expired;
        }

        public void setExpired(boolean expired) {
            this.expired = expired;
        }
    }

    private static WindowedAggregationTest.Event at(String hhmm, String user) {
        return new WindowedAggregationTest.Event(hhmm, user);
    }

    /** The guide's sessionization function, with an event-time timeout one gap after the session's last event. */
    private static final MapGroupsWithStateFunction<String, WindowedAggregationTest.Event, SessionInfo, SessionUpdate> SESSIONS =
            (sessionId, events, state) -> {
                if (state.hasTimedOut()) {
                    SessionInfo s = state.get();
                    state.remove();
                    return new SessionUpdate(sessionId, s.getEndTimestampMs() - s.getStartTimestampMs(), s.getNumEvents(), true);
                }
                SessionInfo s = state.getOption().getOrElse(() -> {
                    SessionInfo fresh = new SessionInfo();
                    fresh.setStartTimestampMs(Long.MAX_VALUE);
                    return fresh;
                });
                while (events.hasNext()) {
                    long t = events.next().getTimestamp().getTime();
                    s.setNumEvents(s.getNumEvents() + 1);
                    s.setStartTimestampMs(Math.min(s.getStartTimestampMs(), t));
                    s.setEndTimestampMs(Math.max(s.getEndTimestampMs(), t));
                }
                state.update(s);
                state.setTimeoutTimestamp(s.getEndTimestampMs() + GAP_MS);
                return new SessionUpdate(sessionId, s.getEndTimestampMs() - s.getStartTimestampMs(), s.getNumEvents(), false);
            };

    private Dataset<SessionUpdate> sessions(MemoryStream<WindowedAggregationTest.Event> events) {
        return events.toDS().withWatermark("timestamp", "1 minute")
                .groupByKey((MapFunction<WindowedAggregationTest.Event, String>) WindowedAggregationTest.Event::getWord, Encoders.STRING())
                .mapGroupsWithState(SESSIONS, Encoders.bean(SessionInfo.class), Encoders.bean(SessionUpdate.class),
                        GroupStateTimeout.EventTimeTimeout());
    }

    private static StreamingQuery collect(Dataset<?> ds, String mode, Path checkpoint) throws Exception {
        return ds.toDF().writeStream().outputMode(mode)
                .foreachBatch((batch, id) -> {
                    List<String> rows = new ArrayList<>();
                    for (Row r : batch.collectAsList()) {
                        rows.add(r.toString());
                    }
                    LOG.record(id, rows);
                })
                .option("checkpointLocation", checkpoint.toString()).start();
    }

    private static List<String> sorted(String... rows) {
        List<String> out = new ArrayList<>(List.of(rows));
        out.sort(null);
        return out;
    }

    /** Bean columns are sorted by name: durationMs, expired, id, numEvents. */
    private static String update(String id, int minutes, int events, boolean expired) {
        return "[" + minutes * 60_000L + "," + expired + "," + id + "," + events + "]";
    }

    @Test
    void sessionsCloseWhenTheWatermarkPassesTheirTimeoutAcrossARestart(@TempDir Path dir) throws Exception {
        MemoryStream<WindowedAggregationTest.Event> events = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        StreamingQuery q = collect(sessions(events), "update", dir);
        events.addData(at("12:00", "a"), at("12:05", "a"), at("12:01", "b"));
        q.processAllAvailable();
        assertEquals(sorted(update("a", 5, 2, false), update("b", 0, 1, false)), LOG.newRows());

        // a continues before the watermark reaches its timeout (12:15); the watermark moves to 12:19,
        // past b's timeout (12:11), so a batch without data expires b.
        events.addData(at("12:20", "a"));
        q.processAllAvailable();
        assertEquals(sorted(update("a", 20, 3, false), update("b", 0, 1, true)), LOG.newRows());
        q.stop();

        q = collect(sessions(events), "update", dir);
        events.addData(at("12:40", "c"));
        q.processAllAvailable();
        assertEquals(sorted(update("a", 20, 3, true), update("c", 0, 1, false)), LOG.newRows(),
                "after the restart the watermark reaches 12:39, past a's timeout at 12:30");
        assertEquals("flatMapGroupsWithState", q.lastProgress().stateOperators()[0].operatorName());
        assertEquals(1, q.lastProgress().stateOperators()[0].numRowsTotal(), "only c's session is left");
        q.stop();
    }

    @Test
    void processingTimeTimeoutFiresInALaterTriggerWithoutData(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        FlatMapGroupsWithStateFunction<String, String, Long, String> countUntilQuiet = (word, values, state) -> {
            if (state.hasTimedOut()) {
                long n = state.get();
                state.remove();
                return List.of(word + "=" + n).iterator();
            }
            long n = state.getOption().getOrElse(() -> 0L);
            while (values.hasNext()) {
                values.next();
                n++;
            }
            state.update(n);
            state.setTimeoutDuration(50);
            return List.<String>of().iterator();
        };
        Dataset<String> quiet = words.toDS()
                .groupByKey((MapFunction<String, String>) w -> w, Encoders.STRING())
                .flatMapGroupsWithState(countUntilQuiet, OutputMode.Append(), Encoders.LONG(), Encoders.STRING(),
                        GroupStateTimeout.ProcessingTimeTimeout());
        StreamingQuery q = collect(quiet, "append", dir);
        words.addData("x", "y", "x");
        q.processAllAvailable();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> out = new ArrayList<>();
        while (out.size() < 2 && System.nanoTime() < deadline) {
            out.addAll(LOG.newRows());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        out.sort(null);
        assertEquals(List.of("[x=2]", "[y=1]"), out);
        q.stop();
    }

    @Test
    void groupStateRulesAndOutputModesFollowSpark(@TempDir Path dir) {
        MemoryStream<WindowedAggregationTest.Event> events = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        Dataset<SessionUpdate> sessions = sessions(events);
        AnalysisException append = assertThrows(AnalysisException.class, () -> collect(sessions, "append", dir));
        assertTrue(append.getMessage().startsWith("mapGroupsWithState is not supported with Append output mode on a streaming "
                + "DataFrame/Dataset"), append.getMessage());

        Dataset<SessionUpdate> noWatermark = events.toDS()
                .groupByKey((MapFunction<WindowedAggregationTest.Event, String>) WindowedAggregationTest.Event::getWord, Encoders.STRING())
                .mapGroupsWithState(SESSIONS, Encoders.bean(SessionInfo.class), Encoders.bean(SessionUpdate.class),
                        GroupStateTimeout.EventTimeTimeout());
        AnalysisException watermark = assertThrows(AnalysisException.class, () -> collect(noWatermark, "update", dir));
        assertTrue(watermark.getMessage().startsWith("Watermark must be specified in the query using "
                + "'[Dataset/DataFrame].withWatermark()' for using event-time timeout"), watermark.getMessage());

        MapGroupsWithStateFunction<String, WindowedAggregationTest.Event, Long, String> nullState = (k, v, state) -> {
            state.update(null);
            return k;
        };
        Dataset<String> bad = events.toDS()
                .groupByKey((MapFunction<WindowedAggregationTest.Event, String>) WindowedAggregationTest.Event::getWord, Encoders.STRING())
                .mapGroupsWithState(nullState, Encoders.LONG(), Encoders.STRING());
        StreamingQuery q;
        try {
            q = collect(bad, "update", dir.resolve("bad"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        events.addData(at("12:00", "a"));
        StreamingQueryException failed = assertThrows(StreamingQueryException.class, q::processAllAvailable);
        assertTrue(failed.getMessage().contains("'null' is not a valid state value"), failed.getMessage());
    }

    @Test
    void groupStateTimeoutsAreCheckedWhenSet() {
        GroupState<Long> none = new io.tideway.microbatch.stateful.GroupStateProbe().noTimeout();
        UnsupportedOperationException duration = assertThrows(UnsupportedOperationException.class, () -> none.setTimeoutDuration(10));
        assertEquals("Cannot set timeout duration without enabling processing time timeout in [map|flatMap]GroupsWithState.",
                duration.getMessage());
        assertEquals("State is either not defined or has already been removed",
                assertThrows(java.util.NoSuchElementException.class, none::get).getMessage());
        GroupState<Long> event = new io.tideway.microbatch.stateful.GroupStateProbe().eventTime(1_000L);
        assertEquals("Timeout timestamp (999) cannot be earlier than the current watermark (1000)",
                assertThrows(IllegalArgumentException.class, () -> event.setTimeoutTimestamp(999)).getMessage());
        assertEquals("Timeout timestamp must be positive",
                assertThrows(IllegalArgumentException.class, () -> event.setTimeoutTimestamp(0)).getMessage());
        assertEquals("Provided duration (-1 minute) is negative",
                assertThrows(IllegalArgumentException.class, () -> event.setTimeoutTimestamp(5_000L, "-1 minute")).getMessage());
    }
}

package io.tideway.microbatch;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StateOperatorProgress;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide's windowed word count with a watermark (10-minute windows sliding every 5 minutes,
 * 10-minute delay) in update and append modes, with expected outputs worked out by hand from the
 * window and watermark rules, and a restart in the middle.
 */
class WindowedAggregationTest {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final BatchLog LOG = new BatchLog();
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("windows")
            .config("spark.sql.shuffle.partitions", "3").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
        LOG.clear();
    }

    /** An input row: a word seen at an event time. */
    public static class Event implements Serializable {
        private Timestamp timestamp;
        private String word;

        public Event() {
        }

        Event(String hhmm, String word) {
            this.timestamp = Timestamp.from(Instant.parse("2024-01-01T" + (hhmm.length() == 5 ? hhmm + ":00" : hhmm) + "Z"));
            this.word = word;
        }

        public Timestamp getTimestamp() {
            return timestamp;
        }

        public void setTimestamp(Timestamp timestamp) {
            this.timestamp = timestamp;
        }

        public String getWord() {
            return word;
        }

        public void setWord(String word) {
            this.word = word;
        }
    }

    private static Set<String> describe(List<Row> rows) {
        Set<String> out = new TreeSet<>();
        for (Row r : rows) {
            Row w = r.getStruct(0);
            out.add(HM.format(w.getTimestamp(0).toInstant()).substring(0, 5) + "-" + HM.format(w.getTimestamp(1).toInstant()).substring(0, 5)
                    + " " + r.getString(1) + " " + r.getLong(2));
        }
        return out;
    }

    private Dataset<Row> windowedCounts(MemoryStream<Event> events, String window, String slide) {
        return events.toDS().withWatermark("timestamp", "10 minutes")
                .groupBy(window(col("timestamp"), window, slide), col("word"))
                .count();
    }

    private static StreamingQuery start(Dataset<Row> counts, String mode, Path checkpoint) throws Exception {
        return counts.writeStream().outputMode(mode)
                .foreachBatch((batch, id) -> {
                    List<String> rows = new ArrayList<>(describe(batch.collectAsList()));
                    LOG.record(id, rows);
                })
                .option("checkpointLocation", checkpoint.toString()).start();
    }

    private static StateOperatorProgress stateOf(StreamingQueryProgress p) {
        return p.stateOperators()[0];
    }

    @Test
    void updateModeEmitsChangedWindowsDropsLateRowsAndEvictsBelowTheWatermark(@TempDir Path dir) throws Exception {
        MemoryStream<Event> events = MemoryStream.create(Encoders.bean(Event.class), spark);
        StreamingQuery q = start(windowedCounts(events, "10 minutes", "5 minutes"), "update", dir);

        events.addData(new Event("12:07", "dog"), new Event("12:08", "owl"));
        q.processAllAvailable();
        assertEquals(Set.of("12:00-12:10 dog 1", "12:05-12:15 dog 1", "12:00-12:10 owl 1", "12:05-12:15 owl 1"), LOG.newRowSet());
        assertEquals("1970-01-01T00:00:00.000Z", BatchLog.lastDataBatch(q).eventTime().get("watermark"), "the first batch runs with no watermark");
        assertEquals("2024-01-01T12:07:30.000Z", BatchLog.lastDataBatch(q).eventTime().get("avg"));
        assertEquals("2024-01-01T11:58:00.000Z", q.lastProgress().eventTime().get("watermark"), "then a no-data batch at 12:08 - 10 min");

        events.addData(new Event("12:14", "dog"), new Event("12:09", "cat"));
        q.processAllAvailable();
        assertEquals(Set.of("12:05-12:15 dog 2", "12:10-12:20 dog 1", "12:00-12:10 cat 1", "12:05-12:15 cat 1"), LOG.newRowSet());
        assertEquals("2024-01-01T11:58:00.000Z", BatchLog.lastDataBatch(q).eventTime().get("watermark"));
        q.stop();

        // Restart in the middle: state and watermark (12:04) come back from the checkpoint.
        q = start(windowedCounts(events, "10 minutes", "5 minutes"), "update", dir);
        events.addData(new Event("12:15", "cat"), new Event("12:08", "dog"), new Event("12:13", "owl"), new Event("12:21", "owl"));
        q.processAllAvailable();
        assertEquals(Set.of("12:10-12:20 cat 1", "12:15-12:25 cat 1", "12:00-12:10 dog 2", "12:05-12:15 dog 3",
                "12:05-12:15 owl 2", "12:10-12:20 owl 1", "12:15-12:25 owl 1", "12:20-12:30 owl 1"), LOG.newRowSet());
        assertEquals("2024-01-01T12:04:00.000Z", BatchLog.lastDataBatch(q).eventTime().get("watermark"));

        // Watermark 12:11: both windows of 12:04 end by 12:10, so the row is late twice over.
        events.addData(new Event("12:04", "donkey"), new Event("12:17", "owl"));
        q.processAllAvailable();
        assertEquals(Set.of("12:10-12:20 owl 2", "12:15-12:25 owl 2"), LOG.newRowSet());
        StreamingQueryProgress p = BatchLog.lastDataBatch(q);
        assertEquals("2024-01-01T12:11:00.000Z", p.eventTime().get("watermark"));
        assertEquals("2024-01-01T12:17:00.000Z", p.eventTime().get("max"));
        assertEquals(2, stateOf(p).numRowsDroppedByWatermark(), p.prettyJson());
        StreamingQueryProgress noData = java.util.Arrays.stream(q.recentProgress())
                .filter(x -> x.batchId() == p.batchId() - 1).findFirst().orElseThrow();
        assertEquals(0, noData.numInputRows());
        assertEquals(3, stateOf(noData).numRowsRemoved(),
                "the no-data batch at 12:11 evicts the [12:00, 12:10) windows of dog, owl and cat: " + noData.prettyJson());
        assertEquals(9, stateOf(p).numRowsTotal(), "12 windows less the 3 evicted: " + p.prettyJson());
        q.stop();
    }

    @Test
    void appendModeEmitsEachWindowOnceAfterTheWatermarkPassesItsEnd(@TempDir Path dir) throws Exception {
        MemoryStream<Event> events = MemoryStream.create(Encoders.bean(Event.class), spark);
        StreamingQuery q = start(windowedCounts(events, "5 minutes", "5 minutes"), "append", dir);

        events.addData(new Event("12:02", "a"), new Event("12:03", "a"), new Event("12:07", "b"));
        q.processAllAvailable();
        assertEquals(Set.of(), LOG.newRowSet(), "nothing is final yet");

        events.addData(new Event("12:21", "c"));
        q.processAllAvailable();
        // The watermark moved to 12:11, so a batch without data ran and finalised two windows.
        assertEquals(Set.of("12:00-12:05 a 2", "12:05-12:10 b 1"), LOG.newRowSet());
        assertEquals(List.of("12:00-12:05 a 2", "12:05-12:10 b 1"), LOG.batches().get(3L),
                "batch 3 ran without data because the watermark moved to 12:11: " + LOG.batches());
        q.stop();

        q = start(windowedCounts(events, "5 minutes", "5 minutes"), "append", dir);
        events.addData(new Event("12:09", "x"), new Event("12:11:30", "y"));
        q.processAllAvailable();
        assertEquals(Set.of(), LOG.newRowSet());
        assertEquals(1, stateOf(BatchLog.lastDataBatch(q)).numRowsDroppedByWatermark(), "12:09 falls in [12:05, 12:10), ended by 12:11");

        events.addData(new Event("12:40", "z"));
        q.processAllAvailable();
        assertEquals(Set.of("12:10-12:15 y 1", "12:20-12:25 c 1"), LOG.newRowSet());
        List<String> all = new ArrayList<>();
        LOG.batches().values().forEach(all::addAll);
        assertEquals(List.of("12:00-12:05 a 2", "12:05-12:10 b 1", "12:10-12:15 y 1", "12:20-12:25 c 1"), all,
                "every window exactly once over the restart");
        q.stop();
    }

    /**
     * Spark 4 judges a batch's input late by the watermark the previous batch ran with, and
     * evicts by the batch's own: a row the new watermark already passed is still counted once,
     * then leaves with its window in the same batch. The previous watermark comes back from
     * {@code offsets/N-1} after a restart. No-data batches are off so the watermark moves
     * between two data batches.
     */
    @Test
    void lateRowsAreJudgedByThePreviousBatchWatermarkAcrossARestart(@TempDir Path dir) throws Exception {
        spark.conf().set("spark.sql.streaming.noDataMicroBatches.enabled", "false");
        MemoryStream<Event> events = MemoryStream.create(Encoders.bean(Event.class), spark);
        StreamingQuery q = start(windowedCounts(events, "5 minutes", "5 minutes"), "append", dir);
        events.addData(new Event("12:20", "a"));
        q.processAllAvailable();
        q.stop();

        q = start(windowedCounts(events, "5 minutes", "5 minutes"), "append", dir);
        events.addData(new Event("12:02", "b"), new Event("12:21", "a"));
        q.processAllAvailable();
        StreamingQueryProgress p = BatchLog.lastDataBatch(q);
        assertEquals("2024-01-01T12:10:00.000Z", p.eventTime().get("watermark"));
        assertEquals(Set.of("12:00-12:05 b 1"), LOG.newRowSet(), "not late by batch 0's watermark (0), evicted by 12:10");
        assertEquals(0, stateOf(p).numRowsDroppedByWatermark(), p.prettyJson());
        assertEquals(1, stateOf(p).numRowsTotal(), "the window of b came and went: " + p.prettyJson());

        events.addData(new Event("12:03", "c"));
        q.processAllAvailable();
        p = BatchLog.lastDataBatch(q);
        assertEquals(Set.of(), LOG.newRowSet());
        assertEquals(1, stateOf(p).numRowsDroppedByWatermark(), "late by batch 1's watermark, 12:10: " + p.prettyJson());
        q.stop();
    }

    @Test
    void appendWithoutWatermarkAndWindowOutsideGroupByFailAtStart(@TempDir Path dir) {
        MemoryStream<Event> events = MemoryStream.create(Encoders.bean(Event.class), spark);
        Dataset<Row> noWatermark = events.toDS().groupBy(window(col("timestamp"), "5 minutes"), col("word")).count();
        AnalysisException e = assertThrows(AnalysisException.class, () -> start(noWatermark, "append", dir));
        assertTrue(e.getMessage().startsWith("[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: "
                + "append. This output mode is not supported for streaming aggregations without watermark"), e.getMessage());

        AnalysisException slide = assertThrows(AnalysisException.class,
                () -> events.toDS().groupBy(window(col("timestamp"), "5 minutes", "10 minutes")).count());
        assertTrue(slide.getMessage().contains("The `slide_duration`(600000000L) must be <= the `window_duration`(300000000L)."),
                slide.getMessage());

        AnalysisException type = assertThrows(AnalysisException.class, () -> events.toDS().withWatermark("word", "1 minute"));
        // then ";" and the plan, as Spark's CheckAnalysis appends it
        assertTrue(type.getMessage().startsWith("[EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE] The event time `word` has the invalid type \"STRING\", but "
                + "expected \"TIMESTAMP\". SQLSTATE: 42K09;"), type.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> events.toDS().withWatermark("timestamp", "-1 minute"));
        assertTrue(negative.getMessage().contains("should not be negative"), negative.getMessage());
    }

    @Test
    void windowStartAndEndAreSelectableAndCompleteModeKeepsEveryWindow(@TempDir Path dir) throws Exception {
        MemoryStream<Event> events = MemoryStream.create(Encoders.bean(Event.class), spark);
        Dataset<Row> counts = events.toDS().withWatermark("timestamp", "1 minute")
                .groupBy(window(col("timestamp"), "1 hour", "1 hour", "15 minutes"))
                .count()
                .select(col("window.start"), col("window").getField("end"), col("count"));
        assertEquals("start", counts.columns()[0]);
        StreamingQuery q = counts.writeStream().outputMode("complete").format("memory").queryName("hourly")
                .option("checkpointLocation", dir.toString()).start();
        events.addData(new Event("12:14", "a"), new Event("12:15", "b"), new Event("13:20", "c"));
        q.processAllAvailable();
        events.addData(new Event("12:16", "behind the watermark, but complete mode drops nothing"));
        q.processAllAvailable();
        Set<String> rows = new TreeSet<>();
        for (Row r : spark.table("hourly").collectAsList()) {
            rows.add(HM.format(r.getTimestamp(0).toInstant()).substring(0, 5) + "-" + HM.format(r.getTimestamp(1).toInstant()).substring(0, 5)
                    + " " + r.getLong(2));
        }
        assertEquals(Set.of("11:15-12:15 1", "12:15-13:15 2", "13:15-14:15 1"), rows, "hourly windows starting at :15");
        q.stop();
    }
}

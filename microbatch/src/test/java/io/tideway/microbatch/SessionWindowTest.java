package io.tideway.microbatch;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.session_window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code session_window}: sessions grow and merge across batches, close when the watermark passes their end. */
class SessionWindowTest {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final BatchLog LOG = new BatchLog();
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("sessions")
            .config("spark.sql.shuffle.partitions", "2").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
        LOG.clear();
    }

    private static WindowedAggregationTest.Event at(String hhmm, String user) {
        return new WindowedAggregationTest.Event(hhmm, user);
    }

    private static Dataset<Row> sessions(MemoryStream<WindowedAggregationTest.Event> events) {
        return events.toDS().withWatermark("timestamp", "10 minutes")
                .groupBy(session_window(col("timestamp"), "5 minutes"), col("word"))
                .count();
    }

    private static StreamingQuery start(Dataset<Row> counts, String mode, Path checkpoint) throws Exception {
        return counts.writeStream().outputMode(mode)
                .foreachBatch((batch, id) -> {
                    List<String> rows = new ArrayList<>();
                    for (Row r : batch.collectAsList()) {
                        Row w = r.getStruct(0);
                        rows.add(HM.format(w.getTimestamp(0).toInstant()) + "-" + HM.format(w.getTimestamp(1).toInstant())
                                + " " + r.getString(1) + " " + r.getLong(2));
                    }
                    LOG.record(id, rows);
                })
                .option("checkpointLocation", checkpoint.toString()).start();
    }

    @Test
    void appendModeEmitsEachSessionOnceTheWatermarkPassesItsEnd(@TempDir Path dir) throws Exception {
        MemoryStream<WindowedAggregationTest.Event> events = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        StreamingQuery q = start(sessions(events), "append", dir);
        events.addData(at("12:00", "a"), at("12:03", "a"), at("12:01", "b"));
        q.processAllAvailable();
        assertEquals(List.of(), LOG.newRows(), "sessions are still open");
        q.stop();

        q = start(sessions(events), "append", dir);
        events.addData(at("12:20", "a"));
        q.processAllAvailable();
        assertEquals(List.of("12:00-12:08 a 2", "12:01-12:06 b 1"), LOG.newRows(), "the watermark reached 12:10");
        events.addData(at("12:23", "a"), at("12:40", "c"));
        q.processAllAvailable();
        assertEquals(List.of("12:20-12:28 a 2"), LOG.newRows(), "12:23 extended a's second session; the watermark is 12:30");
        q.stop();
    }

    @Test
    void completeModeShowsSessionsMergingAcrossBatches(@TempDir Path dir) throws Exception {
        MemoryStream<WindowedAggregationTest.Event> events = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        StreamingQuery q = start(sessions(events), "complete", dir);
        events.addData(at("12:00", "a"), at("12:10", "a"));
        q.processAllAvailable();
        assertEquals(List.of("12:00-12:05 a 1", "12:10-12:15 a 1"), LOG.newRows());
        events.addData(at("12:04", "a"));
        q.processAllAvailable();
        assertEquals(List.of("12:00-12:09 a 2", "12:10-12:15 a 1"), LOG.newRows());
        events.addData(at("12:08", "a"));
        q.processAllAvailable();
        assertEquals(List.of("12:00-12:15 a 4"), LOG.newRows(), "12:08 bridges the two sessions");
        q.stop();
    }

    /** An event with its own session gap, for dynamic gaps. */
    public static class GapEvent implements java.io.Serializable {
        private java.sql.Timestamp timestamp;
        private String word;
        private String gap;

        public java.sql.Timestamp getTimestamp() {
            return timestamp;
        }

        public void setTimestamp(java.sql.Timestamp timestamp) {
            this.timestamp = timestamp;
        }

        public String getWord() {
            return word;
        }

        public void setWord(String word) {
            this.word = word;
        }

        public String getGap() {
            return gap;
        }

        public void setGap(String gap) {
            this.gap = gap;
        }
    }

    @Test
    void aDynamicGapIsReadFromEachRow(@TempDir Path dir) throws Exception {
        MemoryStream<WindowedAggregationTest.Event> events = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        Dataset<Row> counts = events.toDS()
                .map((io.tideway.api.java.function.MapFunction<WindowedAggregationTest.Event, GapEvent>) e -> {
                    GapEvent g = new GapEvent();
                    g.setTimestamp(e.getTimestamp());
                    g.setWord(e.getWord());
                    g.setGap(e.getWord().equals("a") ? "10 minutes" : e.getWord().equals("b") ? "1 minute" : "no gap");
                    return g;
                }, Encoders.bean(GapEvent.class))
                .withWatermark("timestamp", "10 minutes")
                .groupBy(session_window(col("timestamp"), col("gap")), col("word"))
                .count();
        StreamingQuery q = start(counts, "complete", dir);
        events.addData(at("12:00", "a"), at("12:08", "a"), at("12:00", "b"), at("12:02", "b"), at("12:00", "c"));
        q.processAllAvailable();
        assertEquals(List.of("12:00-12:01 b 1", "12:00-12:18 a 2", "12:02-12:03 b 1"), LOG.newRows(),
                "a's 10-minute gap joins its rows, b's 1-minute gap does not; c has no valid gap and is dropped");
        q.stop();
    }

    @Test
    void updateModeIsRejectedAsInSpark(@TempDir Path dir) {
        MemoryStream<WindowedAggregationTest.Event> events = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        AnalysisException e = assertThrows(AnalysisException.class, () -> start(sessions(events), "update", dir));
        assertTrue(e.getMessage().startsWith("[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: "
                + "update. This output mode is not supported for session window streaming aggregations"),
                e.getMessage());
    }
}

package io.tideway.microbatch;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Joins of two streams: each new row meets the other side's buffered rows once; with a watermark
 * on an event-time join key, state is evicted and an outer join emits its unmatched rows then.
 */
class StreamStreamJoinTest {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final BatchLog LOG = new BatchLog();
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("joins")
            .config("spark.sql.shuffle.partitions", "2").getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
        LOG.clear();
    }

    private static WindowedAggregationTest.Event at(String hhmm, String ad) {
        return new WindowedAggregationTest.Event(hhmm, ad);
    }

    private static String describe(Row r) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            Object v = r.get(i);
            cells.add(v instanceof java.sql.Timestamp t ? HM.format(t.toInstant()) : String.valueOf(v));
        }
        return String.join(" ", cells);
    }

    private static StreamingQuery start(Dataset<Row> joined, Path checkpoint) throws Exception {
        return joined.writeStream().outputMode("append")
                .foreachBatch((batch, id) -> {
                    List<String> rows = new ArrayList<>();
                    batch.collectAsList().forEach(r -> rows.add(describe(r)));
                    LOG.record(id, rows);
                })
                .option("checkpointLocation", checkpoint.toString()).start();
    }

    @Test
    void innerJoinMatchesEachNewRowWithTheOtherSidesBufferedRowsAcrossARestart(@TempDir Path dir) throws Exception {
        MemoryStream<WindowedAggregationTest.Event> impressions = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        MemoryStream<WindowedAggregationTest.Event> clicks = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        Dataset<Row> imp = impressions.toDF();
        Dataset<Row> clk = clicks.toDF();
        Dataset<Row> joined = imp.join(clk, imp.col("word").equalTo(clk.col("word")));
        StreamingQuery q = start(joined, dir);
        impressions.addData(at("12:00", "a1"), at("12:01", "a2"));
        clicks.addData(at("12:02", "a1"));
        q.processAllAvailable();
        assertEquals(List.of("12:00 a1 12:02 a1"), LOG.newRows(), "a new pair in one batch is joined once");
        q.stop();

        q = start(joined, dir);
        clicks.addData(at("12:03", "a2"), at("12:04", "a1"));
        q.processAllAvailable();
        assertEquals(List.of("12:00 a1 12:04 a1", "12:01 a2 12:03 a2"), LOG.newRows(), "buffered impressions survive the restart");
        impressions.addData(at("12:05", "a1"));
        q.processAllAvailable();
        assertEquals(List.of("12:05 a1 12:02 a1", "12:05 a1 12:04 a1"), LOG.newRows(), "a late impression meets every buffered click");
        assertEquals("symmetricHashJoin", q.lastProgress().stateOperators()[0].operatorName());
        q.stop();
    }

    @Test
    void leftOuterJoinEmitsUnmatchedRowsWhenTheWatermarkEvictsThem(@TempDir Path dir) throws Exception {
        MemoryStream<WindowedAggregationTest.Event> impressions = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        MemoryStream<WindowedAggregationTest.Event> clicks = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        Dataset<Row> imp = impressions.toDF().withWatermark("timestamp", "5 minutes");
        Dataset<Row> clk = clicks.toDF().withWatermark("timestamp", "5 minutes");
        Column sameAdSameMinute = imp.col("word").equalTo(clk.col("word")).and(imp.col("timestamp").equalTo(clk.col("timestamp")));
        StreamingQuery q = start(imp.join(clk, sameAdSameMinute, "left_outer"), dir);
        impressions.addData(at("12:00", "a1"), at("12:00", "a2"));
        clicks.addData(at("12:00", "a1"));
        q.processAllAvailable();
        assertEquals(List.of("12:00 a1 12:00 a1"), LOG.newRows());

        // Both watermarks reach 12:25: the 12:00 keys leave the state; a2 never matched.
        impressions.addData(at("12:30", "a8"));
        clicks.addData(at("12:30", "a9"));
        q.processAllAvailable();
        assertEquals(List.of("12:00 a2 null null"), LOG.newRows());
        StreamingQueryProgress last = q.lastProgress();
        assertTrue(last.stateOperators()[0].numRowsRemoved() >= 3, last.prettyJson());

        impressions.addData(at("12:10", "a1"));
        q.processAllAvailable();
        assertEquals(List.of(), LOG.newRows(), "a row behind the watermark is dropped");
        assertEquals(1, BatchLog.lastDataBatch(q).stateOperators()[0].numRowsDroppedByWatermark());
        q.stop();
    }

    @Test
    void fullOuterJoinEmitsTheUnmatchedRowsOfBothSidesAtEviction(@TempDir Path dir) throws Exception {
        MemoryStream<WindowedAggregationTest.Event> impressions = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        MemoryStream<WindowedAggregationTest.Event> clicks = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        Dataset<Row> imp = impressions.toDF().withWatermark("timestamp", "5 minutes");
        Dataset<Row> clk = clicks.toDF().withWatermark("timestamp", "5 minutes");
        Column sameAdSameMinute = imp.col("word").equalTo(clk.col("word")).and(imp.col("timestamp").equalTo(clk.col("timestamp")));
        StreamingQuery q = start(imp.join(clk, sameAdSameMinute, "full_outer"), dir);
        impressions.addData(at("12:00", "a1"), at("12:00", "a2"));
        clicks.addData(at("12:00", "a1"), at("12:00", "a3"));
        q.processAllAvailable();
        assertEquals(List.of("12:00 a1 12:00 a1"), LOG.newRows());
        q.stop();

        q = start(imp.join(clk, sameAdSameMinute, "full_outer"), dir);
        impressions.addData(at("12:30", "a8"));
        clicks.addData(at("12:30", "a9"));
        q.processAllAvailable();
        assertEquals(List.of("12:00 a2 null null", "null null 12:00 a3"), LOG.newRows(),
                "after the restart the watermark passes 12:00: each side's unmatched row comes out once");
        q.stop();
    }

    /** The guide's ad monetization example: clicks within an hour after their impression. */
    private static Dataset<Row> adsJoin(MemoryStream<WindowedAggregationTest.Event> impressions,
                                        MemoryStream<WindowedAggregationTest.Event> clicks, String type) {
        Dataset<Row> impressionsWithWatermark = impressions.toDF()
                .withColumnRenamed("word", "impressionAdId").withColumnRenamed("timestamp", "impressionTime")
                .withWatermark("impressionTime", "2 hours");
        Dataset<Row> clicksWithWatermark = clicks.toDF()
                .withColumnRenamed("word", "clickAdId").withColumnRenamed("timestamp", "clickTime")
                .withWatermark("clickTime", "3 hours");
        return impressionsWithWatermark.join(clicksWithWatermark, io.tideway.sql.functions.expr(
                "clickAdId = impressionAdId AND clickTime >= impressionTime AND clickTime <= impressionTime + interval 1 hour"), type);
    }

    @Test
    void theGuidesAdImpressionJoinCleansStateByItsTimeRangeAndEmitsUnmatchedImpressions(@TempDir Path dir) throws Exception {
        MemoryStream<WindowedAggregationTest.Event> impressions = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        MemoryStream<WindowedAggregationTest.Event> clicks = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        StreamingQuery q = start(adsJoin(impressions, clicks, "left_outer"), dir);
        impressions.addData(at("10:00", "a1"), at("10:00", "a2"));
        clicks.addData(at("10:30", "a1"));
        q.processAllAvailable();
        assertEquals(List.of("10:00 a1 10:30 a1"), LOG.newRows());
        clicks.addData(at("11:30", "a2"));
        q.processAllAvailable();
        assertEquals(List.of(), LOG.newRows(), "a2's click came 90 minutes after its impression");
        q.stop();

        q = start(adsJoin(impressions, clicks, "left_outer"), dir);
        impressions.addData(at("20:00", "a9"));
        clicks.addData(at("20:10", "a9"));
        q.processAllAvailable();
        // The watermark is min(20:00 - 2 h, 20:10 - 3 h) = 17:10: impressions up to 16:10 and
        // clicks up to 17:10 can no longer match; a2's impression never did.
        assertEquals(List.of("10:00 a2 null null", "20:00 a9 20:10 a9"), LOG.newRows());
        StreamingQueryProgress p = q.lastProgress();
        assertEquals(2, p.stateOperators()[0].numRowsTotal(), "a9's impression and click; Spark counts buffered rows, not their per-key counts: " + p.prettyJson());
        clicks.addData(at("20:30", "a9"));
        q.processAllAvailable();
        assertEquals(List.of("20:00 a9 20:30 a9"), LOG.newRows(), "the buffered impression still matches a later click");
        q.stop();
    }

    @Test
    void leftSemiJoinEmitsEachClickedImpressionOnce(@TempDir Path dir) throws Exception {
        MemoryStream<WindowedAggregationTest.Event> impressions = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        MemoryStream<WindowedAggregationTest.Event> clicks = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark);
        StreamingQuery q = start(adsJoin(impressions, clicks, "left_semi"), dir);
        impressions.addData(at("10:00", "a1"), at("10:00", "a2"));
        clicks.addData(at("10:30", "a1"));
        q.processAllAvailable();
        assertEquals(List.of("10:00 a1"), LOG.newRows(), "the impression alone, as in a semi join");
        clicks.addData(at("10:40", "a1"), at("10:50", "a2"));
        q.processAllAvailable();
        assertEquals(List.of("10:00 a2"), LOG.newRows(), "a1 was emitted already");
        impressions.addData(at("10:45", "a2"));
        q.processAllAvailable();
        assertEquals(List.of("10:45 a2"), LOG.newRows(), "a new impression meets the buffered click at once");
        q.stop();
    }

    @Test
    void outerJoinsWithoutAWatermarkedKeyFailAtStart(@TempDir Path dir) {
        Dataset<Row> imp = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark).toDF();
        Dataset<Row> clk = MemoryStream.create(Encoders.bean(WindowedAggregationTest.Event.class), spark).toDF();
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> start(imp.join(clk, imp.col("word").equalTo(clk.col("word")), "left_outer"), dir));
        assertTrue(e.getMessage().startsWith("Stream-stream LeftOuter join between two streaming DataFrame/Datasets is not "
                + "supported without a watermark in the join keys"), e.getMessage());
    }
}

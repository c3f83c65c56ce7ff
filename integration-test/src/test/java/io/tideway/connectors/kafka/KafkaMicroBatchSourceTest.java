package io.tideway.connectors.kafka;

import io.tideway.checkpoint.CheckpointDir;
import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.DataStreamReader;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.streaming.SourceProgress;
import io.tideway.sql.streaming.StreamingQueryProgress;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The micro-batch Kafka source against a real broker. */
class KafkaMicroBatchSourceTest extends KafkaBrokerTestBase {

    @BeforeEach
    void clear() {
        Collector.ROWS.clear();
    }

    private static List<String> values(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "v" + i).toList();
    }

    private DataStreamReader reader(String... kv) {
        DataStreamReader r = spark.readStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap());
        for (int i = 0; i < kv.length; i += 2) {
            r = r.option(kv[i], kv[i + 1]);
        }
        return r;
    }

    private StreamingQuery toCollector(Dataset<Row> df, Path chk, Trigger trigger) throws Exception {
        StreamingQuery q = df.selectExpr("CAST(value AS STRING)").writeStream().foreach(new Collector<>())
                .option("checkpointLocation", chk.toString()).trigger(trigger).start();
        started.add(q);
        return q;
    }

    private static String latestOffsets(Path chk) {
        CheckpointDir c = CheckpointDir.open(chk);
        return c.offsets().get(c.offsets().latestBatchId().getAsLong()).orElseThrow().offsets().get(0);
    }

    @Test
    void readsEveryRecordWithSparksSchemaAndResumesFromTheCheckpoint(@TempDir Path chk) throws Exception {
        kafka.createTopic("mb", 2);
        kafka.produce("mb", 2, values(0, 20));
        Dataset<Row> df = reader("subscribe", "mb", "startingOffsets", "earliest", "includeHeaders", "true").load();
        assertArrayEquals(new String[] {"key", "value", "topic", "partition", "offset", "timestamp", "timestampType", "headers"},
                df.schema().fieldNames());

        StreamingQuery first = toCollector(df, chk, Trigger.ProcessingTime(0));
        Await.until(() -> Collector.ROWS.size() >= 20, 20_000, "20 records");
        first.processAllAvailable();
        assertEquals("KafkaV2[Subscribe[mb]]", first.lastProgress().sources()[0].description());
        first.stop();
        assertEquals("{\"mb\":{\"0\":10,\"1\":10}}", latestOffsets(chk));
        assertEquals(new TreeSet<>(values(0, 20)), new TreeSet<>(Collector.ROWS));

        kafka.produce("mb", 2, values(20, 30));
        // startingOffsets only applies to a new query: the restart resumes from offsets/N
        StreamingQuery second = toCollector(reader("subscribe", "mb", "startingOffsets", "latest").load(), chk,
                Trigger.ProcessingTime(0));
        Await.until(() -> Collector.ROWS.size() >= 30, 20_000, "records 20..29 after the restart");
        second.processAllAvailable();
        second.stop();
        assertEquals(30, Collector.ROWS.size(), "no record read twice: " + Collector.ROWS);
        assertEquals(new TreeSet<>(values(0, 30)), new TreeSet<>(Collector.ROWS));
        assertEquals("{\"mb\":{\"0\":15,\"1\":15}}", latestOffsets(chk));
        assertTrue(first.exception().isEmpty() && second.exception().isEmpty());
    }

    @Test
    void rowsCarryKeyTopicPartitionOffsetAndTimestamp(@TempDir Path chk) throws Exception {
        kafka.createTopic("cols", 1);
        kafka.produce("cols", 1, values(0, 3));
        Dataset<String> df = reader("assign", "{\"cols\":[0]}", "startingOffsets", "{\"cols\":{\"0\":-2}}")
                .load().map((MapFunction<Row, String>) r -> new String((byte[]) r.get(0)) + "|" + new String((byte[]) r.get(1))
                        + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4) + "|" + r.get(6) + "|" + (r.get(5) != null),
                        Encoders.STRING());
        StreamingQuery q = df.writeStream().foreach(new Collector<>()).option("checkpointLocation", chk.toString())
                .trigger(Trigger.AvailableNow()).start();
        started.add(q);
        q.awaitTermination(30_000);
        assertEquals(List.of("kv0|v0|cols|0|0|0|true", "kv1|v1|cols|0|1|0|true", "kv2|v2|cols|0|2|0|true"),
                Collector.ROWS);
    }

    /** With metricsEnabled, progress carries each batch's latency from the records' timestamps to its commit. */
    @Test
    void latencyFromRecordTimestampsToTheBatchCommit(@TempDir Path chk) throws Exception {
        kafka.createTopic("timed", 1);
        long before = System.currentTimeMillis();
        kafka.produce("timed", 1, values(0, 5));
        spark.conf().set("spark.sql.streaming.metricsEnabled", "true");
        try {
            StreamingQuery q = toCollector(reader("subscribe", "timed", "startingOffsets", "earliest").load(), chk,
                    Trigger.AvailableNow());
            assertTrue(q.awaitTermination(30_000), "AvailableNow ends");
            Map<String, String> m = q.lastProgress().sources()[0].metrics();
            assertTrue(Long.parseLong(m.get("latencyMicros.count")) >= 1, "a sample per read: " + m);
            long max = Long.parseLong(m.get("latencyMicros.max"));
            assertTrue(max >= 0 && max <= (System.currentTimeMillis() - before + 1) * 1_000,
                    "from the record's timestamp, not before it was produced: " + m);
        } finally {
            spark.conf().unset("spark.sql.streaming.metricsEnabled");
        }
    }

    @Test
    void maxOffsetsPerTriggerSplitsTheBacklogIntoBatches(@TempDir Path chk) throws Exception {
        kafka.createTopic("limited", 1);
        kafka.produce("limited", 1, values(0, 50));
        StreamingQuery q = toCollector(reader("subscribe", "limited", "startingOffsets", "earliest",
                "maxOffsetsPerTrigger", "10").load(), chk, Trigger.AvailableNow());
        assertTrue(q.awaitTermination(30_000), "AvailableNow ends");
        assertEquals(50, Collector.ROWS.size());
        CheckpointDir c = CheckpointDir.open(chk);
        assertEquals(4, c.offsets().latestBatchId().getAsLong(), "five batches of ten");
        assertEquals("{\"limited\":{\"0\":10}}", c.offsets().get(0).orElseThrow().offsets().get(0));
    }

    @Test
    void expiredOffsetsFailTheQueryOrAreSkippedPerFailOnDataLoss(@TempDir Path chk) throws Exception {
        kafka.createTopic("expiring", 1);
        kafka.produce("expiring", 1, values(0, 10));
        StreamingQuery first = toCollector(reader("subscribe", "expiring", "startingOffsets", "earliest").load(), chk,
                Trigger.AvailableNow());
        first.awaitTermination(30_000);
        assertEquals(10, Collector.ROWS.size());
        kafka.produce("expiring", 1, values(10, 20));
        kafka.deleteRecords("expiring", 0, 15); // offsets 10..14 expire before the query reads them

        StreamingQuery failing = toCollector(reader("subscribe", "expiring").load(), chk, Trigger.AvailableNow());
        StreamingQueryException e = assertThrows(StreamingQueryException.class, () -> failing.awaitTermination(30_000));
        assertTrue(String.valueOf(failing.exception().get().getMessage()).contains("failOnDataLoss"),
                failing.exception().get().getMessage());
        assertTrue(e.getMessage().contains("expiring-0"), e.getMessage());

        StreamingQuery lenient = toCollector(reader("subscribe", "expiring", "failOnDataLoss", "false").load(), chk,
                Trigger.AvailableNow());
        assertTrue(lenient.awaitTermination(30_000));
        assertTrue(lenient.exception().isEmpty());
        assertEquals(new TreeSet<>(values(15, 20)), new TreeSet<>(Collector.ROWS.subList(10, Collector.ROWS.size())));
    }

    @Test
    void aDeletedTopicIsDataLoss(@TempDir Path chk) throws Exception {
        kafka.createTopic("doomed", 1);
        kafka.produce("doomed", 1, values(0, 5));
        StreamingQuery first = toCollector(reader("subscribe", "doomed", "startingOffsets", "earliest").load(), chk,
                Trigger.AvailableNow());
        first.awaitTermination(30_000);
        kafka.deleteTopic("doomed");
        StreamingQuery failing = toCollector(reader("subscribe", "doomed").load(), chk, Trigger.AvailableNow());
        assertThrows(StreamingQueryException.class, () -> failing.awaitTermination(30_000));
        assertTrue(failing.exception().get().getMessage().contains("[doomed-0] are gone"),
                failing.exception().get().getMessage());
        StreamingQuery lenient = toCollector(reader("subscribe", "doomed", "failOnDataLoss", "false").load(), chk,
                Trigger.AvailableNow());
        assertTrue(lenient.awaitTermination(30_000));
        assertTrue(lenient.exception().isEmpty(), () -> String.valueOf(lenient.exception()));
    }

    /**
     * {@code sources[0].metrics} of each batch: Spark's min/max/avgOffsetsBehindLatest, the latest
     * offsets (35 and 5) minus the batch's end offsets, while {@code maxOffsetsPerTrigger} works
     * through a backlog; all zero for the batch that reaches the end.
     */
    @Test
    void progressReportsHowFarEachBatchIsBehindTheLatestOffsets(@TempDir Path chk) throws Exception {
        kafka.createTopic("behind", 2);
        kafka.produce("behind", 1, values(0, 30)); // all to partition 0
        kafka.produce("behind", 2, values(30, 40)); // 5 more to each
        Map<TopicPartition, Long> latest = Map.of(new TopicPartition("behind", 0), 35L, new TopicPartition("behind", 1), 5L);
        StreamingQuery q = toCollector(reader("subscribe", "behind", "startingOffsets", "earliest",
                "maxOffsetsPerTrigger", "10").load(), chk, Trigger.AvailableNow());
        assertTrue(q.awaitTermination(30_000));
        int batches = 0;
        long maxBehindSeen = 0;
        for (StreamingQueryProgress p : q.recentProgress()) {
            if (p.numInputRows() == 0) {
                continue;
            }
            batches++;
            SourceProgress source = p.sources()[0];
            Map<TopicPartition, Long> end = TopicPartitionOffsets.parse(source.endOffset());
            long[] behind = latest.entrySet().stream().mapToLong(e -> e.getValue() - end.get(e.getKey())).toArray();
            long min = Arrays.stream(behind).min().orElseThrow();
            long max = Arrays.stream(behind).max().orElseThrow();
            maxBehindSeen = Math.max(maxBehindSeen, max);
            assertEquals(Map.of("minOffsetsBehindLatest", Long.toString(min), "maxOffsetsBehindLatest", Long.toString(max),
                    "avgOffsetsBehindLatest", Double.toString((min + max) / 2.0)), source.metrics(), source.endOffset());
        }
        assertTrue(batches >= 4, "forty records, at most ten per batch: " + batches);
        assertTrue(maxBehindSeen >= 20, "the first batches were behind: " + maxBehindSeen);
        assertEquals(Map.of("minOffsetsBehindLatest", "0", "maxOffsetsBehindLatest", "0", "avgOffsetsBehindLatest", "0.0"),
                q.lastProgress().sources()[0].metrics());
    }

    @Test
    void anUnreachableBrokerFailsTheQueryWithinTheTimeout(@TempDir Path chk) throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        StreamingQuery q = toCollector(spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", "127.0.0.1:" + closedPort)
                .option("kafka.default.api.timeout.ms", "1500").option("kafka.request.timeout.ms", "1000")
                .option("fetchOffset.numRetries", "0")
                .option("subscribe", "nowhere").load(), chk, Trigger.ProcessingTime(0));
        assertThrows(StreamingQueryException.class, () -> q.awaitTermination(20_000));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;
        assertTrue(seconds < 15, "failed after " + seconds + " s");
        String message = q.exception().get().getMessage();
        assertTrue(message.contains("Failed to list the partitions of Subscribe[nowhere]"), message);
        assertTrue(message.contains("127.0.0.1:" + closedPort), message);
    }
}

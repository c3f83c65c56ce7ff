package io.tideway.connectors.kafka;

import io.tideway.checkpoint.CheckpointDir;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Continuous mode: Kafka → continuous → Kafka, at-least-once, offsets per partition in Spark's JSON. */
class KafkaContinuousTest extends KafkaBrokerTestBase {

    private static List<String> values(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "v" + i).toList();
    }

    private StreamingQuery start(Path chk) throws Exception {
        StreamingQuery q = spark.readStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap())
                .option("subscribe", "cin").option("startingOffsets", "earliest").load()
                .selectExpr("value")
                .writeStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap()).option("topic", "cout")
                .option("checkpointLocation", chk.toString()).trigger(Trigger.Continuous(100)).start();
        started.add(q);
        return q;
    }

    @Test
    void kafkaToKafkaInContinuousModeResumesFromItsEpochOffsets(@TempDir Path chk) throws Exception {
        kafka.createTopic("cin", 2);
        kafka.createTopic("cout", 1);
        kafka.produce("cin", 2, values(0, 20));
        StreamingQuery first = start(chk);
        Await.until(() -> kafka.consume("cout", "read_committed", 20, Duration.ofMillis(200)).size() >= 20, 30_000,
                "20 rows through the continuous query");
        kafka.produce("cin", 2, values(20, 30));
        Await.until(() -> kafka.consume("cout", "read_committed", 30, Duration.ofMillis(200)).size() >= 30, 30_000,
                "rows produced while the query runs");
        first.stop();
        assertTrue(first.exception().isEmpty(), () -> String.valueOf(first.exception()));
        CheckpointDir c = CheckpointDir.open(chk);
        long epoch = c.commits().latestBatchId().getAsLong();
        assertEquals("{\"cin\":{\"0\":15,\"1\":15}}", c.offsets().get(epoch).orElseThrow().offsets().get(0));

        kafka.produce("cin", 2, values(30, 40));
        StreamingQuery second = start(chk);
        Await.until(() -> new TreeSet<>(kafka.consume("cout", "read_committed", 40, Duration.ofMillis(200)))
                .containsAll(values(0, 40)), 30_000, "rows 30..39 after the restart");
        second.stop();
        List<String> out = kafka.consume("cout", "read_committed", 40, Duration.ofSeconds(5));
        assertEquals(40, out.size(), "a clean stop commits its last epoch, so nothing is read twice: " + out);
    }

    /** Each epoch's progress carries Spark's offsets-behind-latest metrics next to the ring counters. */
    @Test
    void endToEndLatencyIsMeasuredFromEachRecordsTimestamp(@TempDir Path chk) throws Exception {
        kafka.createTopic("old-in", 1);
        kafka.createTopic("old-out", 1);
        kafka.produce("old-in", 1, values(0, 5), System.currentTimeMillis() - 30_000); // produced "30 s ago"
        StreamingQuery q = spark.readStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap())
                .option("subscribe", "old-in").option("startingOffsets", "earliest").load().selectExpr("value")
                .writeStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap()).option("topic", "old-out")
                .option("checkpointLocation", chk.toString()).trigger(Trigger.Continuous(100)).start();
        started.add(q);
        Await.until(() -> java.util.Arrays.stream(q.recentProgress())
                .anyMatch(p -> p.sources()[0].metrics().containsKey("partition0.latencyMicros.max")), 30_000,
                "an epoch with rows");
        long maxMicros = java.util.Arrays.stream(q.recentProgress())
                .map(p -> p.sources()[0].metrics().get("partition0.latencyMicros.max")).filter(java.util.Objects::nonNull)
                .mapToLong(Long::parseLong).max().orElseThrow();
        assertTrue(maxMicros >= 29_000_000L * 15 / 16, "latency from the record's timestamp, not the read: " + maxMicros + " µs");
    }

    @Test
    void epochProgressReportsOffsetsBehindLatest(@TempDir Path chk) throws Exception {
        kafka.createTopic("lag-in", 2);
        kafka.createTopic("lag-out", 1);
        kafka.produce("lag-in", 2, values(0, 20));
        StreamingQuery q = spark.readStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap())
                .option("subscribe", "lag-in").option("startingOffsets", "earliest").load().selectExpr("value")
                .writeStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap()).option("topic", "lag-out")
                .option("checkpointLocation", chk.toString()).trigger(Trigger.Continuous(100)).start();
        started.add(q);
        Await.until(() -> {
            var p = q.lastProgress();
            return p != null && p.sources()[0].endOffset().equals("{\"lag-in\":{\"0\":10,\"1\":10}}");
        }, 30_000, "an epoch that ends after every record");
        Map<String, String> metrics = q.lastProgress().sources()[0].metrics();
        assertEquals("0", metrics.get("minOffsetsBehindLatest"), metrics::toString);
        assertEquals("0", metrics.get("maxOffsetsBehindLatest"), metrics::toString);
        assertEquals("0.0", metrics.get("avgOffsetsBehindLatest"), metrics::toString);
        assertTrue(metrics.containsKey("partition0.rows"), "the executor's ring counters are still there: " + metrics);
    }

    private StreamingQuery startLossy(Path chk, String failOnDataLoss) throws Exception {
        StreamingQuery q = spark.readStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap())
                .option("subscribe", "cgone").option("startingOffsets", "earliest").option("failOnDataLoss", failOnDataLoss)
                .load().selectExpr("value")
                .writeStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap()).option("topic", "cgone-out")
                .option("checkpointLocation", chk.toString()).trigger(Trigger.Continuous(100)).start();
        started.add(q);
        return q;
    }

    /**
     * Records deleted before a continuous reader reaches them: its fetch thread meets an offset
     * below the log start; {@code failOnDataLoss=true} fails the query naming the partition,
     * {@code false} continues at the earliest offset left.
     */
    @Test
    void dataLossInContinuousModeFailsOrSkipsAsConfigured(@TempDir Path chk) throws Exception {
        kafka.createTopic("cgone", 1);
        kafka.createTopic("cgone-out", 1);
        kafka.produce("cgone", 1, values(0, 10));
        StreamingQuery first = startLossy(chk, "true");
        Await.until(() -> kafka.consume("cgone-out", "read_committed", 10, Duration.ofMillis(200)).size() >= 10, 30_000,
                "the first 10 rows");
        first.stop();
        kafka.produce("cgone", 1, values(10, 20));
        kafka.deleteRecords("cgone", 0, 15); // offsets 10..14 go before the restarted query reads them

        StreamingQuery failing = startLossy(chk, "true");
        assertThrows(StreamingQueryException.class, () -> failing.awaitTermination(30_000));
        String message = String.valueOf(failing.exception().get().getMessage());
        assertTrue(message.contains("cgone-0"), message);

        StreamingQuery lenient = startLossy(chk, "false");
        Await.until(() -> new TreeSet<>(kafka.consume("cgone-out", "read_committed", 25, Duration.ofMillis(200)))
                .containsAll(values(15, 20)), 30_000, "rows 15..19 after skipping the deleted ones");
        lenient.stop();
        assertTrue(lenient.exception().isEmpty(), () -> String.valueOf(lenient.exception()));
        List<String> out = kafka.consume("cgone-out", "read_committed", 25, Duration.ofSeconds(2));
        assertTrue(out.stream().noneMatch(values(10, 15)::contains), "deleted rows never appear: " + out);
    }

    /** A continuous query on a closed loopback port fails at start() or soon after, with the cause, not a hang. */
    @Test
    void anUnreachableBrokerFailsAContinuousQuery(@TempDir Path chk) throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Throwable failure;
        try {
            StreamingQuery q = spark.readStream().format("kafka").option("kafka.bootstrap.servers", "127.0.0.1:" + closedPort)
                    .option("kafka.default.api.timeout.ms", "1500").option("kafka.request.timeout.ms", "1000")
                    .option("fetchOffset.numRetries", "0").option("subscribe", "nowhere").load().selectExpr("value")
                    .writeStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap()).option("topic", "lag-out")
                    .option("checkpointLocation", chk.toString()).trigger(Trigger.Continuous(100)).start();
            started.add(q);
            assertThrows(StreamingQueryException.class, () -> q.awaitTermination(30_000));
            failure = q.exception().get();
        } catch (RuntimeException atStart) {
            failure = atStart;
        }
        String message = String.valueOf(failure.getMessage()) + " / " + failure.getCause();
        assertTrue(message.contains("127.0.0.1:" + closedPort), message);
    }
}

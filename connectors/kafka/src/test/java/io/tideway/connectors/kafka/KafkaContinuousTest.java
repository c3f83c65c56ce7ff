package io.tideway.connectors.kafka;

import io.tideway.checkpoint.CheckpointDir;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Continuous mode: Kafka → continuous → Kafka, at-least-once, offsets per partition in Spark's JSON. */
class KafkaContinuousTest {
    private static EmbeddedKafka kafka;
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final List<StreamingQuery> started = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (StreamingQuery q : started) {
            q.stop();
        }
    }

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
}

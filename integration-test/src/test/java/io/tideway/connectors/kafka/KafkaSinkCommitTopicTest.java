package io.tideway.connectors.kafka;

import io.tideway.sql.Encoders;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the exactly-once Kafka sink records its committed batches (its own commit topic by
 * default, the shared topic of earlier versions still read), and whose open transactions its
 * start has to wait for, against a real broker. Other sinks' killed runs are transactional
 * producers left with an open transaction; they are aborted before each test ends.
 */
class KafkaSinkCommitTopicTest extends KafkaBrokerTestBase {
    /** The commit topic every sink shared by default before each sink had its own. */
    private static final String SHARED_TOPIC = "__tideway_sink_commits";
    /** The open transactions in these tests would hold a topic back this long if nothing aborted them. */
    private static final int ZOMBIE_TRANSACTION_TIMEOUT_MS = 120_000;
    /** How long a sink may take to reach its first commit: well below {@link #ZOMBIE_TRANSACTION_TIMEOUT_MS}. */
    private static final long PROMPT_START_MS = 30_000;


    @BeforeAll
    static void createSharedTopic() throws Exception {
        createCompacted(SHARED_TOPIC);
    }

    private static void createCompacted(String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get();
        }
    }

    private static List<String> values(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "v" + i).toList();
    }

    private static int commits(Path chk) {
        File[] files = chk.resolve("commits").toFile().listFiles((d, n) -> n.matches("\\d+"));
        return files == null ? 0 : files.length;
    }

    /**
     * A sink whose JVM died between sending batch {@code batchId}'s commit marker (to each of
     * {@code commitTopics}) and committing: a transactional producer whose transaction is left
     * open. Closing it aborts the transaction, unless something fenced it first.
     */
    private static KafkaProducer<byte[], byte[]> openTransaction(String transactionalId, long batchId, String... commitTopics) {
        KafkaProducer<byte[], byte[]> p = transactionalProducer(transactionalId);
        try {
            p.beginTransaction();
            for (String t : commitTopics) {
                p.send(marker(t, transactionalId, batchId));
            }
            p.flush();
        } catch (RuntimeException e) {
            p.close(Duration.ZERO);
            throw e;
        }
        return p;
    }

    /** What a sink's commit of batch {@code batchId} leaves in {@code commitTopic}: its marker, committed. */
    private static void committedMarker(String commitTopic, String transactionalId, long batchId) {
        try (KafkaProducer<byte[], byte[]> p = transactionalProducer(transactionalId)) {
            p.beginTransaction();
            p.send(marker(commitTopic, transactionalId, batchId));
            p.commitTransaction();
        }
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer(String transactionalId) {
        KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, ZOMBIE_TRANSACTION_TIMEOUT_MS,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        try {
            p.initTransactions();
        } catch (RuntimeException e) {
            p.close(Duration.ZERO);
            throw e;
        }
        return p;
    }

    private static ProducerRecord<byte[], byte[]> marker(String commitTopic, String sinkId, long batchId) {
        return new ProducerRecord<>(commitTopic, 0, sinkId.getBytes(StandardCharsets.UTF_8),
                Long.toString(batchId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts an exactly-once query from {@code input} to {@code topic}. The sink's client timeout
     * is 15 s rather than 60 s (set alone: the sink fits the admin client's request timeout to
     * it), so a sink that waits on someone else's transaction fails with its own timeout message
     * within the test's wait; nothing else is set: the commit topic is the default.
     */
    private StreamingQuery toKafka(MemoryStream<String> input, String topic, Path chk, String... options) throws Exception {
        var w = input.toDS().toDF().writeStream().format("kafka").option("kafka.bootstrap.servers", kafka.bootstrap())
                .option("kafka.default.api.timeout.ms", "15000")
                .option("topic", topic)
                .option("checkpointLocation", chk.toString());
        for (int i = 0; i < options.length; i += 2) {
            w = w.option(options[i], options[i + 1]);
        }
        StreamingQuery q = w.start();
        started.add(q);
        return q;
    }

    private static void awaitCommits(StreamingQuery q, Path chk, int n) throws InterruptedException {
        Await.until(() -> commits(chk) >= n || q.exception().isDefined(), PROMPT_START_MS, n + " committed batches");
        assertTrue(q.exception().isEmpty(), () -> "the query failed: " + q.exception().get());
    }

    /**
     * The reported bug: another query's sink left a transaction open on its commit topic, and a
     * new, unrelated query's sink could not start until that transaction timed out (or failed
     * with its own timeout), because by default every sink read the one shared topic. The other
     * sink may be of a version that wrote to the shared topic or of one with its own topic; the
     * new query must start promptly either way.
     */
    @Test
    void anotherQuerysOpenTransactionDoesNotHoldBackANewQuery(@TempDir Path chk) throws Exception {
        kafka.createTopic("out-unrelated", 1);
        String other = "tideway-" + UUID.randomUUID();
        createCompacted(KafkaSinkOptions.defaultCommitTopic(other));
        try (KafkaProducer<byte[], byte[]> zombie = openTransaction(other, 0, SHARED_TOPIC,
                KafkaSinkOptions.defaultCommitTopic(other))) {
            MemoryStream<String> input = new MemoryStream<>(720, spark, Encoders.STRING(), 1);
            input.addData(values(0, 5));
            StreamingQuery q = toKafka(input, "out-unrelated", chk);
            awaitCommits(q, chk, 1);
            assertEquals(values(0, 5), kafka.consume("out-unrelated", "read_committed", 5, Duration.ofSeconds(10)));
            zombie.abortTransaction();
        }
    }

    /**
     * The same query's previous run was killed after sending batch 1's marker to its own commit
     * topic, before committing. The restart's {@code initTransactions} fences that producer and
     * aborts its transaction before the commit topic is read, so the restart neither waits for
     * the transaction's timeout nor takes the aborted marker for a committed batch 1.
     */
    @Test
    void aRestartAbortsItsKilledRunsOpenMarkerAndStartsPromptly(@TempDir Path chk) throws Exception {
        kafka.createTopic("out-restart", 1);
        MemoryStream<String> input = new MemoryStream<>(721, spark, Encoders.STRING(), 1);
        StreamingQuery first = toKafka(input, "out-restart", chk, "kafka.transactional.id", "restart-sink");
        input.addData(values(0, 5));
        first.processAllAvailable();
        first.stop();
        String own = KafkaSinkOptions.defaultCommitTopic("restart-sink");
        try (Admin admin = kafka.admin()) {
            assertTrue(admin.listTopics().names().get().contains(own), "the sink's own commit topic " + own);
        }
        try (KafkaProducer<byte[], byte[]> killed = openTransaction("restart-sink", 1, own)) {
            input.addData(values(5, 10));
            StreamingQuery restart = toKafka(input, "out-restart", chk, "kafka.transactional.id", "restart-sink");
            awaitCommits(restart, chk, 2);
        }
        List<String> out = kafka.consume("out-restart", "read_committed", 10, Duration.ofSeconds(10));
        assertEquals(values(0, 10), out, "batch 1 written once, after the killed run's marker was aborted");
    }

    /**
     * A query whose batches were recorded in the shared topic (as every sink's were before each
     * had its own, or with {@code commitTopic} set to it) crashed after batch 1's Kafka commit,
     * before {@code commits/1}, and restarts on the default commit topic: it still finds batch 1
     * committed and does not write it again. Twice, as nothing is carried over to its own topic
     * before its first commit there. Meanwhile another sink's transaction is open on the shared
     * topic, after this sink's markers: it does not hold the restarts back.
     */
    @Test
    void aQueryRecordedInTheSharedTopicKeepsItsCommittedBatchesOnTheDefault(@TempDir Path chk) throws Exception {
        kafka.createTopic("out-upgrade", 1);
        MemoryStream<String> input = new MemoryStream<>(722, spark, Encoders.STRING(), 1);
        StreamingQuery before = toKafka(input, "out-upgrade", chk, "commitTopic", SHARED_TOPIC);
        input.addData(values(0, 10));
        before.processAllAvailable();
        input.addData(values(10, 20));
        before.processAllAvailable();
        before.stop();
        assertTrue(before.exception().isEmpty(), () -> String.valueOf(before.exception()));
        Path commit1 = chk.resolve("commits").resolve("1");
        Files.delete(commit1); // the crash

        try (KafkaProducer<byte[], byte[]> zombie = openTransaction("tideway-" + UUID.randomUUID(), 0, SHARED_TOPIC)) {
            StreamingQuery first = toKafka(input, "out-upgrade", chk);
            awaitCommits(first, chk, 2);
            first.stop();
            Files.delete(commit1); // crashed again, before any commit on its own topic

            StreamingQuery second = toKafka(input, "out-upgrade", chk);
            awaitCommits(second, chk, 2);
            input.addData(values(20, 25));
            awaitCommits(second, chk, 3);
            second.stop();
            zombie.abortTransaction();
        }
        List<String> out = kafka.consume("out-upgrade", "read_committed", 25, Duration.ofSeconds(10));
        assertEquals(values(0, 25), out, "each row once");
    }

    /**
     * Sinks given one {@code commitTopic}: a start reads the topic only up to the sink's own last
     * marker, so a transaction another sink opened after that does not hold it back, and a sink
     * with no marker there is not held back at all; one opened before it does, until the sink's
     * timeout, and the error says so. That coupling is why each sink has its own topic by default.
     */
    @Test
    void aSharedCommitTopicHoldsAStartBackOnlyForTransactionsBeforeItsLastMarker() throws Exception {
        String shared = "commits-shared-by-choice";
        createCompacted(shared);
        Map<String, Object> params = KafkaParams.producer(Map.of("bootstrap.servers", kafka.bootstrap()));
        committedMarker(shared, "early", 3);
        try (KafkaProducer<byte[], byte[]> zombie = openTransaction("zombie", 0, shared)) {
            committedMarker(shared, "late", 7);
            assertEquals(3, new SinkCommitLog(shared, null, "early", params, Duration.ofSeconds(20)).lastCommitted());
            assertEquals(-1, new SinkCommitLog(shared, null, "never", params, Duration.ofSeconds(20)).lastCommitted());
            IllegalStateException held = assertThrows(IllegalStateException.class,
                    () -> new SinkCommitLog(shared, null, "late", params, Duration.ofSeconds(2)).lastCommitted());
            assertTrue(held.getMessage().startsWith("Timed out after 2000 ms reading the sink commit topic '" + shared + "'")
                    && held.getMessage().contains("a transaction another producer left open there holds it back"), held.getMessage());
            zombie.abortTransaction();
        }
        assertEquals(7, new SinkCommitLog(shared, null, "late", params, Duration.ofSeconds(20)).lastCommitted());
    }
}

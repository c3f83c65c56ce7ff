package io.tideway.connectors.kafka;

import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.testsupport.ChildJvm;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kafka → Kafka in a child JVM killed with SIGKILL mid-stream, then run again on the same
 * checkpoint: micro-batch delivers every input record exactly once to {@code read_committed}
 * readers (the killed run's open transaction is aborted, its committed batches are not written
 * again); continuous delivers every record at least once.
 */
class KafkaKillJvmTest extends KafkaBrokerTestBase {
    private static final int RECORDS = 20_000;

    private static List<String> values(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "r" + i).toList();
    }

    private static int commits(Path chk) {
        File[] files = chk.resolve("commits").toFile().listFiles((d, n) -> n.matches("\\d+"));
        return files == null ? 0 : files.length;
    }

    private static long lastCommit(Path chk) {
        File[] files = chk.resolve("commits").toFile().listFiles((d, n) -> n.matches("\\d+"));
        long last = -1;
        for (File f : files == null ? new File[0] : files) {
            last = Math.max(last, Long.parseLong(f.getName()));
        }
        return last;
    }

    /** The stacks of the query's trigger loop and batch workers: what a stalled restart waits on. */
    private static String queryThreads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("stream execution thread") || t.getName().startsWith("tideway-worker")) {
                out.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
                for (StackTraceElement e : stack) {
                    out.append("    at ").append(e).append('\n');
                }
            }
        });
        return out.toString();
    }

    private static String causes(Throwable t) {
        StringBuilder out = new StringBuilder(String.valueOf(t));
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            out.append("\n  caused by ").append(c);
        }
        return out.toString();
    }

    private static ChildJvm child(Path dir, String in, String out, Path chk, String mode) throws Exception {
        return ChildJvm.start(dir.resolve("child.log"), KafkaChildQueryMain.class, kafka.bootstrap(), in, out, chk.toString(),
                mode);
    }

    @Test
    void microBatchKilledMidStreamDeliversEveryRecordExactlyOnce(@TempDir Path dir) throws Exception {
        kafka.createTopic("kill-in", 2);
        kafka.createTopic("kill-out", 2);
        kafka.produce("kill-in", 2, values(0, RECORDS));
        Path chk = dir.resolve("chk");
        int batches = RECORDS / KafkaChildQueryMain.MAX_OFFSETS_PER_TRIGGER;
        try (ChildJvm child = child(dir, "kill-in", "kill-out", chk, "microbatch")) {
            Await.until(() -> commits(chk) >= 3 || !child.isAlive(), 60_000, "three committed batches in the child");
            assertTrue(child.isAlive(), () -> "the child died on its own: " + child.log());
            child.kill();
        }
        long killedAfter = lastCommit(chk);
        assertTrue(killedAfter < batches - 1, "killed mid-stream: after batch " + killedAfter + " of " + batches);

        StreamingQuery rest = KafkaChildQueryMain.start(spark, kafka.bootstrap(), "kill-in", "kill-out", chk.toString(),
                Trigger.AvailableNow());
        started.add(rest);
        if (!rest.awaitTermination(60_000)) {
            String where = "status " + rest.status() + ", last progress " + rest.lastProgress() + ", threads:\n" + queryThreads();
            rest.stop(); // returns when the stalled call does: its exception, if any, names what it waited for
            fail("the restart did not drain the topic within 60 s; killed after batch " + killedAfter + ", " + where
                    + "exception after stop: " + (rest.exception().isDefined() ? causes(rest.exception().get()) : "none"));
        }
        assertTrue(rest.exception().isEmpty(), () -> String.valueOf(rest.exception()));

        List<String> out = kafka.consume("kill-out", "read_committed", RECORDS, Duration.ofSeconds(30));
        Map<String, Long> counts = out.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        Set<String> duplicated = new TreeSet<>();
        counts.forEach((v, n) -> {
            if (n > 1) {
                duplicated.add(v);
            }
        });
        assertEquals(Set.of(), duplicated, "no record twice");
        assertEquals(new TreeSet<>(values(0, RECORDS)), new TreeSet<>(out), "no record missing");
        assertEquals(RECORDS, out.size());
    }

    @Test
    void continuousKilledMidStreamDeliversEveryRecordAtLeastOnce(@TempDir Path dir) throws Exception {
        kafka.createTopic("ckill-in", 2);
        kafka.createTopic("ckill-out", 1);
        int prefilled = 5_000;
        kafka.produce("ckill-in", 2, values(0, prefilled));
        Path chk = dir.resolve("chk");
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        Thread producer = new Thread(() -> producePaced("ckill-in", prefilled, RECORDS, 5_000, producerFailure),
                "paced-producer");
        try (ChildJvm child = child(dir, "ckill-in", "ckill-out", chk, "continuous")) {
            Await.until(() -> commits(chk) >= 1 || !child.isAlive(), 60_000, "a committed epoch in the child");
            assertTrue(child.isAlive(), () -> "the child died on its own: " + child.log());
            int before = commits(chk);
            producer.start(); // records keep arriving while the child runs and after it is killed
            Await.until(() -> commits(chk) >= before + 2 || !child.isAlive(), 60_000, "two more epochs in the child");
            assertTrue(child.isAlive(), () -> "the child died on its own: " + child.log());
            child.kill();
        } finally {
            if (producer.getState() != Thread.State.NEW) {
                producer.join(60_000);
            }
        }
        assertNull(producerFailure.get());

        try (CommittedReader reader = new CommittedReader("ckill-out")) {
            reader.drain();
            int beforeRestart = reader.distinct().size();
            assertTrue(beforeRestart < RECORDS, "killed mid-stream: " + beforeRestart + " of " + RECORDS + " were out");
            StreamingQuery rest = KafkaChildQueryMain.start(spark, kafka.bootstrap(), "ckill-in", "ckill-out", chk.toString(),
                    Trigger.Continuous(200));
            started.add(rest);
            Await.until(() -> reader.drain().distinct().size() >= RECORDS || rest.exception().isDefined(), 60_000,
                    "every record after the restart");
            assertTrue(rest.exception().isEmpty(), () -> String.valueOf(rest.exception()));
            assertEquals(new TreeSet<>(values(0, RECORDS)), reader.distinct(), "every record at least once");
        }
    }

    /** Sends {@code r<from>..r<to-1>} at {@code perSecond}, paced against each record's intended time. */
    private static void producePaced(String topic, int from, int to, int perSecond, AtomicReference<Throwable> failure) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            long start = System.nanoTime();
            long period = 1_000_000_000L / perSecond;
            for (int i = from; i < to; i++) {
                long due = start + (i - from) * period;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                p.send(new ProducerRecord<>(topic, i % 2, "k" + i, "r" + i));
            }
            p.flush();
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    /** A {@code read_committed} consumer of every partition of a topic from the beginning, accumulating values. */
    private static final class CommittedReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<String> seen = new ArrayList<>();

        CommittedReader(String topic) {
            Map<String, Object> c = new HashMap<>();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(c);
            List<TopicPartition> tps = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
        }

        /** Polls until a poll returns nothing. */
        CommittedReader drain() {
            while (true) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    return this;
                }
                for (ConsumerRecord<String, String> r : records) {
                    seen.add(r.value());
                }
            }
        }

        Set<String> distinct() {
            return new TreeSet<>(seen);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}

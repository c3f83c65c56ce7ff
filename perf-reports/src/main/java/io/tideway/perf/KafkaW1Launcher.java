package io.tideway.perf;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.testsupport.EmbeddedKafka;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tideway.sql.functions.col;

/**
 * {@code kafka-w1}: a single-node KRaft broker in this JVM (test-support's
 * {@link EmbeddedKafka}, started once per scenario); per run, fresh one-partition topics, paced
 * sends of {@code key = intended nanoTime, value = seq} (decimal text) → continuous query → the
 * {@code kafka} sink → a consumer thread on the output topic. Both producers send with
 * {@code linger.ms=0}: the feed's by its own setting, the sink's by the connector's
 * continuous-mode default.
 * Scenario thread only.
 */
final class KafkaW1Launcher implements ConnectorW1Scenario.Launcher {
    private EmbeddedKafka kafka;
    private int runs;

    @Override
    public String name() {
        return "kafka continuous";
    }

    @Override
    public String description(int rate, String epoch) {
        return "A single-node KRaft Kafka 4.2 broker in the same JVM (loopback, log on the local disk). A feed thread"
                + " sends `key = intended nanoTime, value = seq` (decimal text) to a one-partition topic at " + rate
                + " rows/s, paced by `System.nanoTime()` (`linger.ms=0`, `acks=all`); the query `format(\"kafka\")`"
                + " `→ select(CAST(CAST(value AS STRING) AS LONG) * 2 as v, key) → filter(v >= 0) → select(key,"
                + " CAST(v AS STRING) AS value) →` `format(\"kafka\")` (`deliveryGuarantee=at-least-once`; the"
                + " sink's producer keeps the connector's continuous-mode default `linger.ms=0`) runs with"
                + " `Trigger.Continuous(\"" + epoch + "\")`; a consumer thread (`assign`, `poll(100 ms)`) reads the output topic.";
    }

    @Override
    public ConnectorW1Scenario.Pipeline start(TidewaySession spark, int rate, String epoch, Recorder recorder, Path work)
            throws Exception {
        if (kafka == null) {
            kafka = EmbeddedKafka.start();
        }
        String in = "w1-in-" + (++runs);
        String out = "w1-out-" + runs;
        kafka.createTopic(in, 1);
        kafka.createTopic(out, 1);
        String bootstrap = kafka.bootstrap();
        StreamingQuery query = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                .option("subscribe", in).option("startingOffsets", "earliest").load()
                .select(col("value").cast("string").cast("long").multiply(2).as("v"), col("key"))
                .filter(col("v").geq(0))
                .select(col("key"), col("v").cast("string").as("value"))
                .writeStream().format("kafka").option("kafka.bootstrap.servers", bootstrap).option("topic", out)
                .option("deliveryGuarantee", "at-least-once")
                .option("checkpointLocation", work.resolve("checkpoint").toString())
                .trigger(Trigger.Continuous(epoch)).start();
        LatencyTail tail = new LatencyTail("kafka-w1-tail", recorder, () -> new OutputConsumer(bootstrap, out));
        PacedFeed feed = new PacedFeed("kafka-w1-feed", rate, () -> new Sender(bootstrap, in));
        return new ConnectorW1Scenario.Pipeline() {
            @Override
            public StreamingQuery query() {
                return query;
            }

            @Override
            public Throwable failure() {
                Throwable f = feed.failure() != null ? feed.failure() : tail.failure();
                return f != null ? f : query.exception().getOrElse(() -> null);
            }

            @Override
            public void close() throws Exception {
                feed.close();
                query.stop();
                tail.close();
            }
        };
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Feed thread: one record per row, sent without lingering. */
    private static final class Sender implements PacedFeed.Emitter {
        private final KafkaProducer<String, String> producer;
        private final String topic;

        Sender(String bootstrap, String topic) {
            this.topic = topic;
            this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.LINGER_MS_CONFIG, "0",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }

        @Override
        public void emit(long seq, long intendedNanos) {
            producer.send(new ProducerRecord<>(topic, 0, Long.toString(intendedNanos), Long.toString(seq)));
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Tail thread: a group-less consumer of the output partition from its beginning. */
    private static final class OutputConsumer implements LatencyTail.Poller {
        private final KafkaConsumer<String, String> consumer;

        OutputConsumer(String bootstrap, String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
        }

        @Override
        public int poll(Recorder recorder) {
            int n = 0;
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                recorder.recordValue(Math.max(0, System.nanoTime() - Long.parseLong(r.key())));
                n++;
            }
            return n;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}

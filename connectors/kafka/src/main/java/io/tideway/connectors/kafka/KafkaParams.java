package io.tideway.connectors.kafka;

import io.tideway.engine.spi.Options;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code kafka.*} options handed through to the Kafka clients (prefix stripped), the
 * parameters Spark forbids, with Spark's words, and the settings the connector forces on its
 * consumers and producers. Stateless.
 */
final class KafkaParams {
    static final String PREFIX = "kafka.";
    static final String BOOTSTRAP_SERVERS = PREFIX + ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG;

    private KafkaParams() {
    }

    /** Every {@code kafka.x} option as {@code x}, the value as given. */
    static Map<String, Object> specified(Options options) {
        Map<String, Object> out = new HashMap<>();
        options.asMap().forEach((k, v) -> {
            if (k.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                out.put(k.substring(PREFIX.length()), v);
            }
        });
        return out;
    }

    /** Spark's {@code validateGeneralOptions} checks on Kafka parameters (source side). */
    static void validateForSource(Options options) {
        if (options.contains(PREFIX + ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
            throw new IllegalArgumentException("\nKafka option '" + ConsumerConfig.AUTO_OFFSET_RESET_CONFIG + "' is not supported.\n"
                    + "Instead set the source option 'startingoffsets' to 'earliest' or 'latest'\n"
                    + "to specify where to start. Structured Streaming manages which offsets are consumed\n"
                    + "internally, rather than relying on the kafkaConsumer to do it. This will ensure that no\n"
                    + "data is missed when new topics/partitions are dynamically subscribed. Note that\n"
                    + "'startingoffsets' only applies when a new Streaming query is started, and\n"
                    + "that resuming will always pick up from where the query left off. See the docs for more\n"
                    + "details.\n");
        }
        if (options.contains(PREFIX + ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)) {
            throw new IllegalArgumentException("Kafka option '" + ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG
                    + "' is not supported as keys are deserialized as byte arrays with ByteArrayDeserializer. Use DataFrame"
                    + " operations to explicitly deserialize the keys.");
        }
        if (options.contains(PREFIX + ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)) {
            throw new IllegalArgumentException("Kafka option '" + ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG
                    + "' is not supported as values are deserialized as byte arrays with ByteArrayDeserializer. Use"
                    + " DataFrame operations to explicitly deserialize the values.");
        }
        for (String c : new String[] {ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG}) {
            if (options.contains(PREFIX + c)) {
                throw new IllegalArgumentException("Kafka option '" + c + "' is not supported");
            }
        }
        requireBootstrap(options, "consumer");
    }

    /** Spark's {@code kafkaParamsForProducer} checks (sink side). */
    static void validateForSink(Options options) {
        if (options.contains(PREFIX + ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)) {
            throw new IllegalArgumentException("Kafka option '" + ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG
                    + "' is not supported as keys are serialized with ByteArraySerializer.");
        }
        if (options.contains(PREFIX + ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)) {
            throw new IllegalArgumentException("Kafka option '" + ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG
                    + "' is not supported as value are serialized with ByteArraySerializer.");
        }
        requireBootstrap(options, "producer");
    }

    private static void requireBootstrap(Options options, String client) {
        if (!options.contains(BOOTSTRAP_SERVERS)) {
            throw new IllegalArgumentException("Option '" + BOOTSTRAP_SERVERS + "' must be specified for configuring Kafka " + client);
        }
    }

    /** The planning consumer: no group, never commits, byte arrays. */
    static Map<String, Object> driverConsumer(Map<String, Object> specified) {
        Map<String, Object> p = new HashMap<>(specified);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        p.putIfAbsent(ConsumerConfig.RECEIVE_BUFFER_CONFIG, "65536");
        return p;
    }

    /** A reading consumer: does only what the planner says (assign + seek), reports out-of-range offsets. */
    static Map<String, Object> executorConsumer(Map<String, Object> specified, String groupId) {
        Map<String, Object> p = new HashMap<>(specified);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, groupId + "-executor");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putIfAbsent(ConsumerConfig.RECEIVE_BUFFER_CONFIG, "65536");
        return p;
    }

    static Map<String, Object> producer(Map<String, Object> specified) {
        Map<String, Object> p = new HashMap<>(specified);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /**
     * The producer of a continuous query's sink: as {@link #producer}, with {@code linger.ms=0}
     * unless the user set it. Kafka 4's default of 5 ms holds every row of a trickling stream
     * for 5 ms before it is sent; a continuous query is there for latency, and under load the
     * producer still batches what accumulates while earlier requests are in flight.
     */
    static Map<String, Object> continuousProducer(Map<String, Object> producerParams) {
        Map<String, Object> p = new HashMap<>(producerParams);
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "0");
        return p;
    }

    /** The clients' own {@code default.api.timeout.ms} (60 s unless set): the bound on every planning call. */
    static long apiTimeoutMs(Map<String, Object> specified) {
        Object v = specified.get(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        if (v == null) {
            return 60_000;
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value '" + v + "' for option '" + PREFIX
                    + ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG + "', must be a number");
        }
    }
}

package io.tideway.connectors.kafka;

import io.tideway.engine.spi.Options;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.internals.Topic;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Option parsing and Spark's error texts; no broker needed. */
class KafkaOptionsTest {
    private static Options opts(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new Options(m);
    }

    private static String sourceError(String... kv) {
        return assertThrows(IllegalArgumentException.class, () -> new KafkaSourceProvider().schema(null, opts(kv))).getMessage();
    }

    @Test
    void exactlyOneStrategy() {
        assertEquals("One of the following options must be specified for Kafka source: subscribe, subscribepattern, assign."
                + " See the docs for more details.", sourceError("kafka.bootstrap.servers", "x:1"));
        assertEquals("Only one of the following options can be specified for Kafka source: subscribe, subscribepattern,"
                + " assign. See the docs for more details.",
                sourceError("kafka.bootstrap.servers", "x:1", "subscribe", "t", "subscribePattern", "t.*"));
        assertEquals("No topics to subscribe to as specified value for option 'subscribe' is ' , '",
                sourceError("kafka.bootstrap.servers", "x:1", "subscribe", " , "));
        assertEquals("No topicpartitions to assign as specified value for option 'assign' is 't'",
                sourceError("kafka.bootstrap.servers", "x:1", "assign", "t"));
    }

    @Test
    void forbiddenKafkaParamsUseSparksWords() {
        assertEquals("Kafka option 'key.deserializer' is not supported as keys are deserialized as byte arrays with"
                + " ByteArrayDeserializer. Use DataFrame operations to explicitly deserialize the keys.",
                sourceError("kafka.bootstrap.servers", "x:1", "subscribe", "t", "kafka.key.deserializer", "x"));
        assertEquals("Kafka option 'enable.auto.commit' is not supported",
                sourceError("kafka.bootstrap.servers", "x:1", "subscribe", "t", "kafka.enable.auto.commit", "true"));
        assertEquals("Kafka option 'interceptor.classes' is not supported",
                sourceError("kafka.bootstrap.servers", "x:1", "subscribe", "t", "kafka.interceptor.classes", "x"));
        assertTrue(sourceError("kafka.bootstrap.servers", "x:1", "subscribe", "t", "kafka.auto.offset.reset", "earliest")
                .contains("Kafka option 'auto.offset.reset' is not supported."));
        assertEquals("Option 'kafka.bootstrap.servers' must be specified for configuring Kafka consumer",
                sourceError("subscribe", "t"));
    }

    @Test
    void badValuesNameTheOption() {
        assertTrue(sourceError("kafka.bootstrap.servers", "x:1", "subscribe", "t", "maxOffsetsPerTrigger", "0")
                .contains("'maxOffsetsPerTrigger' must be positive"));
        assertEquals("maybe is not a boolean string.",
                sourceError("kafka.bootstrap.servers", "x:1", "subscribe", "t", "failOnDataLoss", "maybe"));
        assertEquals("minPartitions must be positive",
                sourceError("kafka.bootstrap.servers", "x:1", "subscribe", "t", "minPartitions", "0"));
        assertTrue(sourceError("kafka.bootstrap.servers", "x:1", "subscribe", "t", "startingOffsets", "{oops")
                .startsWith("Expected e.g. {\"topicA\":{\"0\":23,\"1\":-1},\"topicB\":{\"0\":-2}}, got {oops"));
        assertEquals("ending offset not valid in streaming queries",
                sourceError("kafka.bootstrap.servers", "x:1", "subscribe", "t", "endingOffsets", "latest"));
        assertTrue(sourceError("kafka.bootstrap.servers", "x:1", "assign", "{\"t\":[0,1]}", "startingOffsets",
                "{\"t\":{\"0\":5}}").startsWith("If startingOffsets contains specific offsets, you must specify all TopicPartitions."));
    }

    @Test
    void sinkOptions() {
        Options forbidden = opts("kafka.bootstrap.servers", "x:1", "kafka.value.serializer", "x");
        assertEquals("Kafka option 'value.serializer' is not supported as value are serialized with ByteArraySerializer.",
                assertThrows(IllegalArgumentException.class, () -> KafkaSinkOptions.parse(forbidden)).getMessage());
        Options guarantee = opts("kafka.bootstrap.servers", "x:1", "deliveryGuarantee", "twice");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KafkaSinkOptions.parse(guarantee)).getMessage()
                .contains("option 'deliveryGuarantee'"));
    }

    @Test
    void eachSinkHasItsOwnCommitTopicUnlessOneIsGiven() {
        String sinkId = "tideway-0b0e5a6e-93c5-4b8e-9d0c-2f1c1e7a4d10";
        KafkaSinkOptions dflt = KafkaSinkOptions.parse(opts("kafka.bootstrap.servers", "x:1"));
        assertEquals("__tideway_sink_commits-" + sinkId, dflt.commitTopicFor(sinkId));
        assertEquals("__tideway_sink_commits", dflt.legacyCommitTopic(), "read while the sink's own topic has no marker");
        KafkaSinkOptions given = KafkaSinkOptions.parse(opts("kafka.bootstrap.servers", "x:1", "commitTopic", " commits "));
        assertEquals("commits", given.commitTopicFor(sinkId));
        assertNull(given.legacyCommitTopic());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KafkaSinkOptions.parse(
                opts("kafka.bootstrap.servers", "x:1", "commitTopic", " "))).getMessage().contains("option 'commitTopic'"));
    }

    /** Any {@code kafka.transactional.id} gives a legal topic name of its own: Kafka's own checks. */
    @Test
    void defaultCommitTopicsAreLegalAndDistinctForAnyTransactionalId() {
        List<String> ids = List.of("my_app", "my.app", "my app/\u00e9", "x".repeat(226), "x".repeat(227), "x".repeat(300),
                "x".repeat(301), "");
        List<String> topics = ids.stream().map(KafkaSinkOptions::defaultCommitTopic).toList();
        assertEquals("__tideway_sink_commits-my_app", topics.get(0));
        assertEquals("__tideway_sink_commits-" + "x".repeat(226), topics.get(3), "249 characters: kept verbatim");
        for (int i = 0; i < topics.size(); i++) {
            String t = topics.get(i);
            Topic.validate(t);
            assertTrue(t.startsWith("__tideway_sink_commits-"), t);
            for (int j = 0; j < i; j++) {
                assertFalse(Topic.hasCollision(t, topics.get(j)), ids.get(i) + " and " + ids.get(j) + ": " + t);
            }
        }
    }

    @Test
    void continuousSinkSendsWithoutLingerUnlessTheUserSetsIt() {
        Map<String, Object> dflt = KafkaParams.continuousProducer(
                KafkaSinkOptions.parse(opts("kafka.bootstrap.servers", "x:1")).producerParams());
        assertEquals("0", dflt.get("linger.ms"));
        Map<String, Object> user = KafkaParams.continuousProducer(
                KafkaSinkOptions.parse(opts("kafka.bootstrap.servers", "x:1", "kafka.linger.ms", "20")).producerParams());
        assertEquals("20", user.get("linger.ms"));
        assertTrue(!KafkaSinkOptions.parse(opts("kafka.bootstrap.servers", "x:1")).producerParams().containsKey("linger.ms"),
                "micro-batch keeps Kafka's own default");
    }

    @Test
    void offsetsJsonRoundTripsInSparksFormat() {
        String json = "{\"a\":{\"0\":42,\"1\":7},\"b\":{\"0\":-2}}";
        assertEquals(json, KafkaSourceOffset.parse(json).json());
        Map<TopicPartition, Long> unordered = new LinkedHashMap<>();
        unordered.put(new TopicPartition("b", 0), 1L);
        unordered.put(new TopicPartition("a", 10), 2L);
        unordered.put(new TopicPartition("a", 9), 3L);
        assertEquals("{\"a\":{\"9\":3,\"10\":2},\"b\":{\"0\":1}}", new KafkaSourceOffset(unordered).json());
    }

    @Test
    void rateLimitProratesAndMinPartitionsSplits() {
        TopicPartition a = new TopicPartition("t", 0);
        TopicPartition b = new TopicPartition("t", 1);
        Map<TopicPartition, Long> from = Map.of(a, 0L, b, 0L);
        Map<TopicPartition, Long> until = new LinkedHashMap<>();
        until.put(a, 90L);
        until.put(b, 10L);
        Map<TopicPartition, Long> limited = OffsetRanges.rateLimit(10, from, until);
        assertEquals(9L, limited.get(a));
        assertEquals(1L, limited.get(b));
        List<KafkaInputPartition> split = OffsetRanges.split(List.of(new KafkaInputPartition(0, a, 0, 100)), 4);
        assertEquals(4, split.size());
        assertEquals(100, split.stream().mapToLong(KafkaInputPartition::size).sum());
    }

    @Test
    void aShortApiTimeoutGivenAloneBringsTheAdminRequestTimeoutDownWithIt() {
        Map<String, Object> shortApi = SinkCommitLog.adminParams(Map.of("bootstrap.servers", "b:9092",
                "default.api.timeout.ms", "10000", "key.serializer", "x", "transactional.id", "t"));
        assertEquals("10000", shortApi.get("request.timeout.ms"));
        assertFalse(shortApi.containsKey("key.serializer"));
        assertFalse(shortApi.containsKey("transactional.id"));
        // the user's own request timeout is theirs to keep; a long API timeout needs nothing
        assertEquals("5000", SinkCommitLog.adminParams(Map.of("default.api.timeout.ms", "10000",
                "request.timeout.ms", "5000")).get("request.timeout.ms"));
        assertNull(SinkCommitLog.adminParams(Map.of("default.api.timeout.ms", "60000")).get("request.timeout.ms"));
        assertNull(SinkCommitLog.adminParams(Map.of()).get("request.timeout.ms"));
    }
}

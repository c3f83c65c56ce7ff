package io.tideway.connectors.kafka;

import io.tideway.engine.spi.Options;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The Kafka sink's options, validated once when the query starts. Immutable.
 *
 * @param topic             the {@code topic} option (overrides a {@code topic} column), or null
 * @param exactlyOnce       {@code deliveryGuarantee}: {@code exactly-once} (default) or {@code at-least-once}
 * @param commitTopic       {@code commitTopic}: where committed batch ids are recorded (exactly-once only), or null
 *                          for the sink's own topic, {@link #defaultCommitTopic}. A sink reads its commit topic with
 *                          {@code read_committed} when it starts, so another producer's transaction left open there
 *                          (a killed sink's stays open for its {@code transaction.timeout.ms}) holds that start back:
 *                          sinks given one topic couple their starts, sinks on their own topics do not
 * @param transactionalId   {@code kafka.transactional.id}, or null to derive it from the query id
 */
record KafkaSinkOptions(String topic, Map<String, Object> producerParams, boolean exactlyOnce, String commitTopic,
                        String transactionalId) {
    /**
     * The commit topic all sinks shared by default before each had its own; a sink on the
     * default that finds no marker in its own topic still reads this one, so a query whose
     * batches were recorded here does not commit them again.
     */
    static final String SHARED_COMMIT_TOPIC = "__tideway_sink_commits";
    /** Kafka's limit on a topic name. */
    private static final int MAX_TOPIC_LENGTH = 249;
    /** Bytes of the sink id's SHA-256 that end a default topic name the id could not be copied into verbatim. */
    private static final int HASH_BYTES = 8;

    static KafkaSinkOptions parse(Options o) {
        KafkaParams.validateForSink(o);
        String guarantee = o.getOrDefault("deliveryGuarantee", "exactly-once").trim().toLowerCase(Locale.ROOT);
        boolean exactlyOnce = switch (guarantee) {
            case "exactly-once" -> true;
            case "at-least-once" -> false;
            default -> throw new IllegalArgumentException("Invalid value '" + guarantee + "' for option 'deliveryGuarantee',"
                    + " must be 'exactly-once' or 'at-least-once'");
        };
        String commitTopic = o.get("commitTopic").map(String::trim).orElse(null);
        if (commitTopic != null && commitTopic.isEmpty()) {
            throw new IllegalArgumentException("Invalid value '' for option 'commitTopic', must be a topic name");
        }
        Map<String, Object> params = KafkaParams.producer(KafkaParams.specified(o));
        Object txId = params.remove("transactional.id");
        return new KafkaSinkOptions(o.get("topic").map(String::trim).orElse(null), params, exactlyOnce, commitTopic,
                txId == null ? null : txId.toString());
    }

    /** The commit topic of the sink whose markers are keyed {@code sinkId}: the option, or the sink's own topic. */
    String commitTopicFor(String sinkId) {
        return commitTopic != null ? commitTopic : defaultCommitTopic(sinkId);
    }

    /** {@link #SHARED_COMMIT_TOPIC} when the sink is on its default topic, else null: the topic to fall back on. */
    String legacyCommitTopic() {
        return commitTopic == null ? SHARED_COMMIT_TOPIC : null;
    }

    /**
     * {@code __tideway_sink_commits-<sinkId>}: a topic of the sink's own, which no other query's
     * producer writes to. Characters a topic name cannot hold become {@code _}, and so does
     * {@code .} (Kafka refuses a topic whose name differs from an existing one only by {@code .}
     * against {@code _}); when that changed the id, or the name would be longer than Kafka's 249
     * characters, the id is cut to fit and {@code -} and 16 hex digits of its SHA-256 are
     * appended, so distinct ids keep distinct topics.
     */
    static String defaultCommitTopic(String sinkId) {
        String prefix = SHARED_COMMIT_TOPIC + "-";
        String legal = sinkId.replaceAll("[^A-Za-z0-9_-]", "_");
        if (legal.equals(sinkId) && prefix.length() + legal.length() <= MAX_TOPIC_LENGTH) {
            return prefix + legal;
        }
        String hash = "-" + HexFormat.of().formatHex(sha256(sinkId), 0, HASH_BYTES);
        int room = MAX_TOPIC_LENGTH - prefix.length() - hash.length();
        return prefix + legal.substring(0, Math.min(legal.length(), room)) + hash;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

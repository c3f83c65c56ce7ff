package io.tideway.connectors.kafka;

import io.tideway.engine.spi.Options;

import java.util.Locale;
import java.util.Map;

/**
 * The Kafka sink's options, validated once when the query starts. Immutable.
 *
 * @param topic             the {@code topic} option (overrides a {@code topic} column), or null
 * @param exactlyOnce       {@code deliveryGuarantee}: {@code exactly-once} (default) or {@code at-least-once}
 * @param commitTopic       {@code commitTopic}: where committed batch ids are recorded (exactly-once only)
 * @param transactionalId   {@code kafka.transactional.id}, or null to derive it from the query id
 */
record KafkaSinkOptions(String topic, Map<String, Object> producerParams, boolean exactlyOnce, String commitTopic,
                        String transactionalId) {
    static final String DEFAULT_COMMIT_TOPIC = "__tideway_sink_commits";

    static KafkaSinkOptions parse(Options o) {
        KafkaParams.validateForSink(o);
        String guarantee = o.getOrDefault("deliveryGuarantee", "exactly-once").trim().toLowerCase(Locale.ROOT);
        boolean exactlyOnce = switch (guarantee) {
            case "exactly-once" -> true;
            case "at-least-once" -> false;
            default -> throw new IllegalArgumentException("Invalid value '" + guarantee + "' for option 'deliveryGuarantee',"
                    + " must be 'exactly-once' or 'at-least-once'");
        };
        String commitTopic = o.getOrDefault("commitTopic", DEFAULT_COMMIT_TOPIC).trim();
        if (commitTopic.isEmpty()) {
            throw new IllegalArgumentException("Invalid value '' for option 'commitTopic', must be a topic name");
        }
        Map<String, Object> params = KafkaParams.producer(KafkaParams.specified(o));
        Object txId = params.remove("transactional.id");
        return new KafkaSinkOptions(o.get("topic").map(String::trim).orElse(null), params, exactlyOnce, commitTopic,
                txId == null ? null : txId.toString());
    }
}

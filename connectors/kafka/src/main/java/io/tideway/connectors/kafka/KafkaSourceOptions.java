package io.tideway.connectors.kafka;

import io.tideway.engine.spi.Options;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Kafka source's options, parsed and validated once (at {@code load()}), with Spark's names,
 * defaults and error texts. Immutable.
 *
 * @param maxOffsetsPerTrigger   0 = no limit
 * @param minPartitions          0 = one input partition per topic-partition
 * @param pollTimeoutMs          how long a reader waits for an offset the planner said exists
 * @param fetchOffsetNumRetries  retries of a failed offset lookup on the planning consumer
 */
record KafkaSourceOptions(SubscriptionStrategy strategy, Map<String, Object> kafkaParams, StartingOffsets startingOffsets,
                          boolean failOnDataLoss, long maxOffsetsPerTrigger, int minPartitions, String groupIdPrefix,
                          boolean includeHeaders, long pollTimeoutMs, int fetchOffsetNumRetries,
                          long fetchOffsetRetryIntervalMs) {
    static final String ASSIGN = "assign";
    static final String SUBSCRIBE = "subscribe";
    static final String SUBSCRIBE_PATTERN = "subscribePattern";
    /** Spark's order in its messages ({@code Set(subscribe, subscribepattern, assign)}). */
    private static final List<String> STRATEGY_KEYS = List.of("subscribe", "subscribepattern", "assign");

    static KafkaSourceOptions parse(Options o) {
        for (String k : new String[] {"endingOffsets", "endingOffsetsByTimestamp"}) {
            if (o.contains(k)) {
                throw new IllegalArgumentException(k.equals("endingOffsets") ? "ending offset not valid in streaming queries"
                        : "ending timestamp not valid in streaming queries");
            }
        }
        for (String k : new String[] {"startingTimestamp", "startingOffsetsByTimestamp", "minOffsetsPerTrigger",
                "maxTriggerDelay", "maxRecordsPerPartition"}) {
            if (o.contains(k)) {
                throw new IllegalArgumentException("The Kafka source option '" + k + "' is not supported by Tideway yet");
            }
        }
        SubscriptionStrategy strategy = strategy(o);
        KafkaParams.validateForSource(o);
        long minPartitions = o.getLong("minPartitions", 0);
        if (o.contains("minPartitions") && minPartitions <= 0) {
            throw new IllegalArgumentException("minPartitions must be positive");
        }
        if (minPartitions > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Invalid value '" + minPartitions + "' for option 'minPartitions', must be at most "
                    + Integer.MAX_VALUE);
        }
        long maxOffsets = o.contains("maxOffsetsPerTrigger") ? o.getPositiveLong("maxOffsetsPerTrigger", 1) : 0;
        long pollTimeoutMs = o.getPositiveLong("kafkaConsumer.pollTimeoutMs", 120_000);
        long retries = o.getNonNegativeLong("fetchOffset.numRetries", 3);
        long retryMs = o.getNonNegativeLong("fetchOffset.retryIntervalMs", 10);
        StartingOffsets starting = StartingOffsets.parse(o.get("startingOffsets").orElse(null), new StartingOffsets.Latest());
        if (starting instanceof StartingOffsets.Specific s && strategy instanceof SubscriptionStrategy.Assign a
                && !s.offsets().keySet().equals(new java.util.HashSet<>(a.assigned()))) {
            throw new IllegalArgumentException("If startingOffsets contains specific offsets, you must specify all"
                    + " TopicPartitions.\nUse -1 for latest, -2 for earliest.\nSpecified: " + s.offsets().keySet()
                    + " Assigned: " + a.assigned());
        }
        return new KafkaSourceOptions(strategy, KafkaParams.specified(o), starting, o.getBoolean("failOnDataLoss", true),
                maxOffsets, (int) minPartitions, o.getOrDefault("groupIdPrefix", "spark-kafka-source"),
                o.getBoolean("includeHeaders", false), pollTimeoutMs, (int) Math.min(retries, Integer.MAX_VALUE), retryMs);
    }

    private static SubscriptionStrategy strategy(Options o) {
        List<String> given = STRATEGY_KEYS.stream().filter(o::contains).toList();
        if (given.isEmpty()) {
            throw new IllegalArgumentException("One of the following options must be specified for Kafka source: "
                    + String.join(", ", STRATEGY_KEYS) + ". See the docs for more details.");
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException("Only one of the following options can be specified for Kafka source: "
                    + String.join(", ", STRATEGY_KEYS) + ". See the docs for more details.");
        }
        String value = o.get(given.get(0)).orElseThrow();
        return switch (given.get(0)) {
            case "assign" -> {
                if (!value.trim().startsWith("{")) {
                    throw new IllegalArgumentException("No topicpartitions to assign as specified value for option 'assign' is '"
                            + value + "'");
                }
                yield new SubscriptionStrategy.Assign(TopicPartitionOffsets.parsePartitions(value.trim()));
            }
            case "subscribe" -> {
                List<String> topics = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                if (topics.isEmpty()) {
                    throw new IllegalArgumentException("No topics to subscribe to as specified value for option 'subscribe' is '"
                            + value + "'");
                }
                yield new SubscriptionStrategy.Subscribe(topics);
            }
            default -> {
                if (value.trim().isEmpty()) {
                    throw new IllegalArgumentException("Pattern to subscribe is empty as specified value for option"
                            + " 'subscribePattern' is '" + value + "'");
                }
                try {
                    java.util.regex.Pattern.compile(value.trim());
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException("Invalid value '" + value + "' for option 'subscribePattern': "
                            + e.getDescription(), e);
                }
                yield new SubscriptionStrategy.SubscribePattern(value.trim());
            }
        };
    }

    /** Spark's {@code KafkaV2[Subscribe[topic]]}. */
    String description() {
        return "KafkaV2[" + strategy.description() + "]";
    }
}

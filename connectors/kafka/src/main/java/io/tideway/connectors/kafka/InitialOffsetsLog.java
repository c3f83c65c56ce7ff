package io.tideway.connectors.kafka;

import io.tideway.engine.spi.SourceLog;

import java.util.function.Supplier;

/**
 * A new query's resolved starting offsets, kept in {@code sources/<i>/0} as Spark's
 * {@code KafkaSourceInitialOffsetWriter} does, so that a query restarted before its first batch
 * committed starts from the same place ({@code latest} is not re-evaluated). Query thread only.
 */
final class InitialOffsetsLog {
    private InitialOffsetsLog() {
    }

    /** @param log the source's own log, or null (a batch read keeps none) */
    static KafkaSourceOffset loadOrCreate(SourceLog log, Supplier<KafkaSourceOffset> resolve) {
        if (log == null) {
            return resolve.get();
        }
        var logged = log.get(0);
        if (logged.isPresent()) {
            return parse(logged.get(), log);
        }
        KafkaSourceOffset fresh = resolve.get();
        if (log.add(0, fresh.json())) {
            return fresh;
        }
        return parse(log.get(0).orElseThrow(), log);
    }

    private static KafkaSourceOffset parse(String json, SourceLog log) {
        try {
            return KafkaSourceOffset.parse(json.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Failed to read the Kafka source's initial offsets from " + log.file(0)
                    + ": " + e.getMessage(), e);
        }
    }
}

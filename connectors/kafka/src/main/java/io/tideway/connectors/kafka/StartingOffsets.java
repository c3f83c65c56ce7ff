package io.tideway.connectors.kafka;

import org.apache.kafka.common.TopicPartition;

import java.util.Locale;
import java.util.Map;

/**
 * Where a new query starts (Spark's {@code startingOffsets}): {@code earliest}, {@code latest}, or
 * per partition in JSON with {@code -2} = earliest and {@code -1} = latest. Ignored on restart:
 * the checkpoint wins. Immutable.
 */
sealed interface StartingOffsets {
    long LATEST = -1;
    long EARLIEST = -2;

    record Earliest() implements StartingOffsets {
    }

    record Latest() implements StartingOffsets {
    }

    record Specific(Map<TopicPartition, Long> offsets) implements StartingOffsets {
    }

    static StartingOffsets parse(String value, StartingOffsets dflt) {
        if (value == null) {
            return dflt;
        }
        String v = value.trim();
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "earliest" -> new Earliest();
            case "latest" -> new Latest();
            default -> new Specific(TopicPartitionOffsets.parse(v));
        };
    }
}

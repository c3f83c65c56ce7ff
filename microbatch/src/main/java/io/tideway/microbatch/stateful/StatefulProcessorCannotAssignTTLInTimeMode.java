package io.tideway.microbatch.stateful;

import io.tideway.SparkUnsupportedOperationException;

import java.util.Map;

/**
 * Spark's {@code STATEFUL_PROCESSOR_INCORRECT_TIME_MODE_TO_ASSIGN_TTL}, under the class name
 * Spark throws it as: a TTL outside processing time. Immutable.
 */
public final class StatefulProcessorCannotAssignTTLInTimeMode extends SparkUnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    StatefulProcessorCannotAssignTTLInTimeMode(String stateName, String timeMode) {
        super("STATEFUL_PROCESSOR_INCORRECT_TIME_MODE_TO_ASSIGN_TTL", Map.of("stateName", stateName, "timeMode", timeMode));
    }
}

package io.tideway.microbatch.stateful;

import io.tideway.SparkRuntimeException;

import java.util.Map;

/**
 * Spark's {@code STATEFUL_PROCESSOR_DUPLICATE_STATE_VARIABLE_DEFINED}, under the class name Spark
 * throws it as: a processor declared two state variables of one name. Immutable.
 */
public final class StateStoreDuplicateStateVariableDefined extends SparkRuntimeException {
    private static final long serialVersionUID = 1L;

    StateStoreDuplicateStateVariableDefined(String stateName) {
        super("STATEFUL_PROCESSOR_DUPLICATE_STATE_VARIABLE_DEFINED", Map.of("stateVarName", stateName));
    }
}

package io.tideway.engine.plan;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.StructType;

/**
 * {@code groupByKey(keyFunc).mapGroupsWithState(func, ...)} or {@code flatMapGroupsWithState}:
 * rows are grouped by the key the key function gives, and {@code func} runs once per key with
 * data (and once per timed-out key) with the key's {@code GroupState}.
 *
 * Type parameters, as the user's function has them: key {@code K}, values {@code V} (the child's objects), state {@code S}, output {@code U}.
 */
public final class FlatMapGroupsWithState extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final Object keyFunction;
    private final Object function;
    private final ObjectEncoder<?> keyEncoder;
    private final ObjectEncoder<?> valueEncoder;
    private final ObjectEncoder<?> stateEncoder;
    private final ObjectEncoder<?> outputEncoder;
    private final GroupStateTimeout timeout;
    private final boolean isMapGroups;
    private final OutputMode functionOutputMode;
    /** The states the first batch starts from, or null. */
    private final InitialGroupState initialState;

    public FlatMapGroupsWithState(Object keyFunction, Object function, ObjectEncoder<?> keyEncoder, ObjectEncoder<?> valueEncoder,
                                  ObjectEncoder<?> stateEncoder, ObjectEncoder<?> outputEncoder, GroupStateTimeout timeout,
                                  boolean isMapGroups, OutputMode functionOutputMode, InitialGroupState initialState,
                                  LogicalPlan child) {
        super(child);
        this.initialState = initialState;
        this.keyFunction = keyFunction;
        this.function = function;
        this.keyEncoder = keyEncoder;
        this.valueEncoder = valueEncoder;
        this.stateEncoder = stateEncoder;
        this.outputEncoder = outputEncoder;
        this.timeout = timeout;
        this.isMapGroups = isMapGroups;
        this.functionOutputMode = functionOutputMode;
    }

    /** A {@code MapFunction<V, K>}. */
    public Object keyFunction() {
        return keyFunction;
    }

    /** A {@code MapGroupsWithStateFunction} or {@code FlatMapGroupsWithStateFunction}. */
    public Object function() {
        return function;
    }

    public ObjectEncoder<?> keyEncoder() {
        return keyEncoder;
    }

    public ObjectEncoder<?> valueEncoder() {
        return valueEncoder;
    }

    public ObjectEncoder<?> stateEncoder() {
        return stateEncoder;
    }

    public ObjectEncoder<?> outputEncoder() {
        return outputEncoder;
    }

    public GroupStateTimeout timeout() {
        return timeout;
    }

    public boolean isMapGroups() {
        return isMapGroups;
    }

    /** Update for mapGroupsWithState; the mode given to flatMapGroupsWithState. */
    public OutputMode functionOutputMode() {
        return functionOutputMode;
    }

    /** The states the first batch loads before calling the function (Spark's {@code initialState}), or null. */
    public InitialGroupState initialState() {
        return initialState;
    }

    /** Spark's name in messages: {@code mapGroupsWithState} or {@code flatMapGroupsWithState}. */
    public String operationName() {
        return isMapGroups ? "mapGroupsWithState" : "flatMapGroupsWithState";
    }

    @Override
    public StructType schema() {
        return outputEncoder.schema();
    }

    @Override
    public String nodeName() {
        return "FlatMapGroupsWithState";
    }

    @Override
    protected String argString() {
        return operationName() + ", " + timeout + ", " + functionOutputMode;
    }

    @Override
    public FlatMapGroupsWithState withNewChild(LogicalPlan child) {
        return new FlatMapGroupsWithState(keyFunction, function, keyEncoder, valueEncoder, stateEncoder, outputEncoder,
                timeout, isMapGroups, functionOutputMode, initialState, child);
    }
}

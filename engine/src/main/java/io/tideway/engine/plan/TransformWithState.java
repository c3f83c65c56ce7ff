package io.tideway.engine.plan;

import io.tideway.api.java.function.MapFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.StatefulProcessor;
import io.tideway.sql.streaming.TimeMode;
import io.tideway.sql.types.StructType;

/**
 * {@code groupByKey(keyFunc).transformWithState(processor, timeMode, outputMode, ...)}: rows are
 * grouped by the key the key function gives, and the processor runs once per key with data (and
 * once per expired timer) against the key's state variables. Immutable.
 *
 * @param keyFunction   the child's object to its key ({@code MapFunction<V, K>})
 * @param valueFunction what {@code mapValues} made of the child's objects, or null
 * @param initialState  the states the first batch hands {@code handleInitialState}, or null
 */
public final class TransformWithState extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final MapFunction<Object, Object> keyFunction;
    private final MapFunction<Object, Object> valueFunction;
    private final StatefulProcessor<?, ?, ?> processor;
    private final ObjectEncoder<?> keyEncoder;
    private final ObjectEncoder<?> valueEncoder;
    private final ObjectEncoder<?> outputEncoder;
    private final TimeMode timeMode;
    private final OutputMode outputMode;
    private final InitialGroupState initialState;
    /** Reads and writes the initial state's objects; null without an initial state. */
    private final ObjectEncoder<?> initialStateEncoder;

    public TransformWithState(MapFunction<Object, Object> keyFunction, MapFunction<Object, Object> valueFunction,
                              StatefulProcessor<?, ?, ?> processor, ObjectEncoder<?> keyEncoder, ObjectEncoder<?> valueEncoder,
                              ObjectEncoder<?> outputEncoder, TimeMode timeMode, OutputMode outputMode,
                              InitialGroupState initialState, ObjectEncoder<?> initialStateEncoder, LogicalPlan child) {
        super(child);
        this.initialStateEncoder = initialStateEncoder;
        this.keyFunction = keyFunction;
        this.valueFunction = valueFunction;
        this.processor = processor;
        this.keyEncoder = keyEncoder;
        this.valueEncoder = valueEncoder;
        this.outputEncoder = outputEncoder;
        this.timeMode = timeMode;
        this.outputMode = outputMode;
        this.initialState = initialState;
    }

    public MapFunction<Object, Object> keyFunction() {
        return keyFunction;
    }

    /** What the processor's input objects are made of the child's objects, or null for the objects themselves. */
    public MapFunction<Object, Object> valueFunction() {
        return valueFunction;
    }

    /** The user's processor; each state partition runs a copy of its own. */
    public StatefulProcessor<?, ?, ?> processor() {
        return processor;
    }

    public ObjectEncoder<?> keyEncoder() {
        return keyEncoder;
    }

    /** Reads the child's rows as objects. */
    public ObjectEncoder<?> valueEncoder() {
        return valueEncoder;
    }

    public ObjectEncoder<?> outputEncoder() {
        return outputEncoder;
    }

    public TimeMode timeMode() {
        return timeMode;
    }

    /** The output mode given to transformWithState (append or update). */
    public OutputMode outputMode() {
        return outputMode;
    }

    public InitialGroupState initialState() {
        return initialState;
    }

    public ObjectEncoder<?> initialStateEncoder() {
        return initialStateEncoder;
    }

    @Override
    public StructType schema() {
        return outputEncoder.schema();
    }

    @Override
    public String nodeName() {
        return "TransformWithState";
    }

    @Override
    protected String argString() {
        return timeMode + ", " + outputMode;
    }

    @Override
    public TransformWithState withNewChild(LogicalPlan child) {
        return new TransformWithState(keyFunction, valueFunction, processor, keyEncoder, valueEncoder, outputEncoder, timeMode,
                outputMode, initialState, initialStateEncoder, child);
    }
}

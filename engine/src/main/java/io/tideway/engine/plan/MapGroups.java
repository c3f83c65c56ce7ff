package io.tideway.engine.plan;

import io.tideway.api.java.function.MapFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.sql.types.StructType;

import java.io.Serializable;
import java.util.Iterator;

/**
 * User code over whole groups of a static Dataset ({@code groupByKey(...).mapGroups},
 * {@code flatMapGroups}, {@code reduceGroups}): each input object is keyed by {@code key}, its
 * value taken by {@code value} (identity unless {@code mapValues} was called), and
 * {@code groups} runs once per key over all of the key's values. Blocking: over a static child
 * computed by {@code StaticPlanMaterializer} before the rest of the plan runs; over a stream, by
 * the micro-batch executor over each batch's rows. Immutable.
 */
public final class MapGroups extends UnaryNode {
    private static final long serialVersionUID = 1L;

    /** What runs per group: every output object for one key's values. */
    @FunctionalInterface
    public interface GroupFunction extends Serializable {
        Iterator<?> call(Object key, Iterator<Object> values) throws Exception;
    }

    private final MapFunction<Object, Object> key;
    private final MapFunction<Object, Object> value;
    private final GroupFunction groups;
    private final ObjectEncoder<?> input;
    private final ObjectEncoder<?> keyEncoder;
    private final ObjectEncoder<?> output;

    public MapGroups(MapFunction<Object, Object> key, MapFunction<Object, Object> value, GroupFunction groups,
                     ObjectEncoder<?> input, ObjectEncoder<?> keyEncoder, ObjectEncoder<?> output, LogicalPlan child) {
        super(child);
        this.key = key;
        this.value = value;
        this.groups = groups;
        this.input = input;
        this.keyEncoder = keyEncoder;
        this.output = output;
    }

    public MapFunction<Object, Object> key() {
        return key;
    }

    public MapFunction<Object, Object> value() {
        return value;
    }

    public GroupFunction groups() {
        return groups;
    }

    public ObjectEncoder<?> input() {
        return input;
    }

    public ObjectEncoder<?> keyEncoder() {
        return keyEncoder;
    }

    public ObjectEncoder<?> output() {
        return output;
    }


    @Override
    public StructType schema() {
        return output.schema();
    }

    @Override
    public String nodeName() {
        return "MapGroups";
    }

    @Override
    protected String argString() {
        return groups.getClass().getSimpleName();
    }

    @Override
    public MapGroups withNewChild(LogicalPlan child) {
        return new MapGroups(key, value, groups, input, keyEncoder, output, child);
    }
}

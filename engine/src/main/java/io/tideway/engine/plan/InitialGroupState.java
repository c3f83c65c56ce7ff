package io.tideway.engine.plan;

import io.tideway.api.java.function.MapFunction;
import io.tideway.engine.encoders.ObjectEncoder;

import java.io.Serializable;

/**
 * The {@code initialState} a {@code [flat]MapGroupsWithState} or {@code transformWithState} was
 * given: a {@code KeyValueGroupedDataset<K, S>} over a static plan, each of whose objects gives a
 * key ({@code keyFunction}) and that key's initial state ({@code valueFunction}, or the object
 * itself when null). It is no child of the operator: Spark's {@code initialState} is a second
 * child, but it is read once, in the first batch, never streamed. Immutable.
 *
 * @param plan          the objects' rows
 * @param inputEncoder  reads {@code plan}'s rows as objects
 * @param keyFunction   an object's key
 * @param valueFunction an object's state, or null for the object itself
 */
public record InitialGroupState(LogicalPlan plan, ObjectEncoder<?> inputEncoder, MapFunction<Object, Object> keyFunction,
                                MapFunction<Object, Object> valueFunction) implements Serializable {
}

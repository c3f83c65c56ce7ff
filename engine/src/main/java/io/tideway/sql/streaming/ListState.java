package io.tideway.sql.streaming;

import java.io.Serializable;

/**
 * A list of values per grouping key, kept across batches by {@code transformWithState}, as
 * Spark's {@code ListState}. {@code put} and {@code appendList} take an array ({@code S[]}),
 * typed {@code Object} as Spark's {@code Array[S]} is seen from Java.
 */
public interface ListState<S> extends Serializable {
    boolean exists();

    /** The values, in the order they were added (an empty iterator when there are none). */
    scala.collection.Iterator<S> get();

    /** Replaces the values with those of {@code newState}, an array. */
    void put(Object newState);

    void appendValue(S newState);

    /** Adds the values of {@code newState}, an array. */
    void appendList(Object newState);

    void clear();
}

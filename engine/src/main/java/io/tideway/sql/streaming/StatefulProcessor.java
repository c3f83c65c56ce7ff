package io.tideway.sql.streaming;

import java.io.Serializable;

/**
 * The user's logic of {@code KeyValueGroupedDataset.transformWithState}, as Spark's
 * {@code StatefulProcessor}: {@link #init} declares the state variables through
 * {@link #getHandle()}; {@link #handleInputRows} runs once per grouping key with data in a
 * batch, {@link #handleExpiredTimer} once per timer that expired; {@link #close} at the end of
 * each task. Each state partition works on its own copy of the processor (a serialized copy, as
 * Spark's tasks do), so fields set in {@code init} are the partition's.
 *
 * @param <K> the grouping key
 * @param <I> the input objects
 * @param <O> the output objects
 */
public abstract class StatefulProcessor<K, I, O> implements Serializable {
    private static final long serialVersionUID = 1L;
    private transient StatefulProcessorHandle handle;

    public abstract void init(OutputMode outputMode, TimeMode timeMode);

    public abstract scala.collection.Iterator<O> handleInputRows(K key, scala.collection.Iterator<I> inputRows,
                                                                 TimerValues timerValues);

    /** By default no output. */
    public scala.collection.Iterator<O> handleExpiredTimer(K key, TimerValues timerValues, ExpiredTimerInfo expiredTimerInfo) {
        return scala.collection.Iterator$.MODULE$.empty();
    }

    public void close() {
    }

    public final void setHandle(StatefulProcessorHandle handle) {
        this.handle = handle;
    }

    /** The handle; Spark's error when there is none. */
    public final StatefulProcessorHandle getHandle() {
        if (handle == null) {
            throw new io.tideway.SparkRuntimeException("STATE_STORE_HANDLE_NOT_INITIALIZED", java.util.Map.of());
        }
        return handle;
    }
}

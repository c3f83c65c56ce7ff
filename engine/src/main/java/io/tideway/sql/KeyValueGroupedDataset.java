package io.tideway.sql;

import io.tideway.api.java.function.FlatMapGroupsWithStateFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.plan.FlatMapGroupsWithState;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;

/**
 * The result of {@code groupByKey}, mirroring Spark's {@code KeyValueGroupedDataset}: the
 * arbitrary-state operations over groups of a streaming Dataset. Immutable.
 */
public final class KeyValueGroupedDataset<K, V> {
    private final TidewaySession session;
    private final LogicalPlan child;
    private final MapFunction<V, K> keyFunction;
    private final Encoder<K> keyEncoder;
    private final Encoder<V> valueEncoder;

    KeyValueGroupedDataset(TidewaySession session, LogicalPlan child, MapFunction<V, K> keyFunction, Encoder<K> keyEncoder,
                           Encoder<V> valueEncoder) {
        this.session = session;
        this.child = child;
        this.keyFunction = keyFunction;
        this.keyEncoder = keyEncoder;
        this.valueEncoder = valueEncoder;
    }

    public <S, U> Dataset<U> mapGroupsWithState(MapGroupsWithStateFunction<K, V, S, U> func, Encoder<S> stateEncoder,
                                                Encoder<U> outputEncoder) {
        return mapGroupsWithState(func, stateEncoder, outputEncoder, GroupStateTimeout.NoTimeout());
    }

    /** One output per group per trigger; the query must use update output mode. */
    public <S, U> Dataset<U> mapGroupsWithState(MapGroupsWithStateFunction<K, V, S, U> func, Encoder<S> stateEncoder,
                                                Encoder<U> outputEncoder, GroupStateTimeout timeout) {
        return plan(func, stateEncoder, outputEncoder, timeout, true, OutputMode.Update());
    }

    /** Any number of outputs per group per trigger; {@code outputMode} (append or update) must match the query's. */
    public <S, U> Dataset<U> flatMapGroupsWithState(FlatMapGroupsWithStateFunction<K, V, S, U> func, OutputMode outputMode,
                                                    Encoder<S> stateEncoder, Encoder<U> outputEncoder, GroupStateTimeout timeout) {
        if (outputMode != OutputMode.Append() && outputMode != OutputMode.Update()) {
            throw new IllegalArgumentException("The output mode of function should be append or update");
        }
        return plan(func, stateEncoder, outputEncoder, timeout, false, outputMode);
    }

    private <S, U> Dataset<U> plan(Object func, Encoder<S> stateEncoder, Encoder<U> outputEncoder, GroupStateTimeout timeout,
                                   boolean isMapGroups, OutputMode mode) {
        if (func == null) {
            throw new IllegalArgumentException("function cannot be null");
        }
        FlatMapGroupsWithState node = new FlatMapGroupsWithState(keyFunction, func, ObjectEncoder.of(keyEncoder),
                ObjectEncoder.of(valueEncoder), ObjectEncoder.of(stateEncoder), ObjectEncoder.of(outputEncoder),
                timeout == null ? GroupStateTimeout.NoTimeout() : timeout, isMapGroups, mode, child);
        return new Dataset<>(session, node, outputEncoder);
    }
}

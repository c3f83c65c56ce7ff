package io.tideway.sql;

import io.tideway.api.java.function.FlatMapGroupsFunction;
import io.tideway.api.java.function.FlatMapGroupsWithStateFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.api.java.function.ReduceFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.encoders.PrimitiveEncoder;
import io.tideway.engine.encoders.TupleEncoder;
import io.tideway.engine.plan.AggregatePlanner;
import io.tideway.engine.plan.FlatMapGroupsWithState;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.MapGroups;
import io.tideway.engine.plan.TypedOperator;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;
import scala.Tuple2;

import java.util.Iterator;
import java.util.List;

/**
 * The result of {@code groupByKey}, mirroring Spark's {@code KeyValueGroupedDataset}: the objects
 * of a Dataset grouped by the key a function gives each, for the arbitrary-state operations of a
 * stream, the group functions ({@code mapGroups}, {@code flatMapGroups}: over a static Dataset's
 * groups, or each micro-batch's), {@code reduceGroups}, and {@code count()}/{@code keys()}.
 * Immutable.
 *
 * @param <K> the key's type
 * @param <V> the values' type: the input's objects, or what {@link #mapValues} made of them
 */
public final class KeyValueGroupedDataset<K, V> {
    private final TidewaySession session;
    /** The input objects' rows, shaped for {@link #inputEncoder}. */
    private final LogicalPlan child;
    private final MapFunction<Object, Object> keyFunction;
    /** What {@link #mapValues} made of an input object; null while the values are the input objects. */
    private final MapFunction<Object, Object> valueFunction;
    private final ObjectEncoder<?> inputEncoder;
    private final Encoder<K> keyEncoder;
    private final Encoder<V> valueEncoder;

    @SuppressWarnings("unchecked")
    <T> KeyValueGroupedDataset(TidewaySession session, LogicalPlan child, MapFunction<T, K> keyFunction, Encoder<K> keyEncoder,
                               Encoder<T> inputEncoder) {
        this(session, child, (MapFunction<Object, Object>) keyFunction, null, ObjectEncoder.of(inputEncoder), keyEncoder,
                (Encoder<V>) inputEncoder);
    }

    private KeyValueGroupedDataset(TidewaySession session, LogicalPlan child, MapFunction<Object, Object> keyFunction,
                                   MapFunction<Object, Object> valueFunction, ObjectEncoder<?> inputEncoder, Encoder<K> keyEncoder,
                                   Encoder<V> valueEncoder) {
        this.session = session;
        this.child = child;
        this.keyFunction = keyFunction;
        this.valueFunction = valueFunction;
        this.inputEncoder = inputEncoder;
        this.keyEncoder = keyEncoder;
        this.valueEncoder = valueEncoder;
    }

    /** The same groups with each value replaced by {@code func}'s result. */
    @SuppressWarnings("unchecked")
    public <W> KeyValueGroupedDataset<K, W> mapValues(MapFunction<V, W> func, Encoder<W> encoder) {
        MapFunction<Object, Object> before = valueFunction;
        MapFunction<Object, Object> f = (MapFunction<Object, Object>) (MapFunction<?, ?>) func;
        MapFunction<Object, Object> composed = before == null ? f : o -> f.call(before.call(o));
        return new KeyValueGroupedDataset<>(session, child, keyFunction, composed, inputEncoder, keyEncoder, encoder);
    }

    /**
     * The distinct keys (Spark's column names: {@code value} for a primitive key, a bean's
     * properties): an aggregation over the key's columns, as Spark's, so a stream needs the
     * complete or update output mode.
     */
    public Dataset<K> keys() {
        Dataset<K> keys = keyed();
        List<Column> columns = new java.util.ArrayList<>();
        for (String c : keys.columns()) {
            columns.add(keys.col(c));
        }
        return new Dataset<>(session, AggregatePlanner.aggregate(columns, List.of(), keys.logicalPlan()), keyEncoder);
    }

    /**
     * The number of values per key: columns {@code key} and {@code count(1)}, read as
     * {@code scala.Tuple2}s as in Spark. Streams support it as any aggregation.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Dataset<Tuple2<K, Object>> count() {
        if (!(ObjectEncoder.of(keyEncoder) instanceof PrimitiveEncoder)) {
            throw new UnsupportedOperationException("groupByKey(...).count() with a " + keyEncoder.clsTag().getName()
                    + " key: only keys of one column (a primitive, string, date or timestamp) are supported yet");
        }
        Dataset<Row> counts = keyed().toDF().groupBy(functions.col("value").as("key")).agg(functions.count(functions.lit(1)));
        Encoder<Tuple2<K, Object>> out = (Encoder) new TupleEncoder<>(List.of(keyEncoder, Encoders.LONG()));
        return new Dataset<>(session, counts.logicalPlan(), out);
    }

    /** One {@code func} result per key, over all of the key's values (on a stream: of each micro-batch, as in Spark). */
    public <U> Dataset<U> mapGroups(MapGroupsFunction<K, V, U> func, Encoder<U> encoder) {
        return groups((k, it) -> List.of(func.call(k, it)).iterator(), encoder);
    }

    /** Any number of {@code func} results per key, over all of the key's values (on a stream: of each micro-batch). */
    public <U> Dataset<U> flatMapGroups(FlatMapGroupsFunction<K, V, U> func, Encoder<U> encoder) {
        return groups(func::call, encoder);
    }

    /**
     * Each key with its values reduced by {@code func}, as {@code scala.Tuple2}s {@code (key, reduced)}.
     * On a stream the reduction is state kept across batches, and each batch gives the keys it
     * changed, in the update output mode (Spark runs it as a streaming aggregation; Tideway as
     * the state of a {@code flatMapGroupsWithState}, so Complete mode is not available).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Dataset<Tuple2<K, V>> reduceGroups(ReduceFunction<V> func) {
        Encoder<Tuple2<K, V>> out = (Encoder) new TupleEncoder<>(List.of(keyEncoder, valueEncoder));
        if (child.isStreaming()) {
            FlatMapGroupsWithStateFunction<K, Object, V, Tuple2<K, V>> f = (k, it, state) -> {
                Iterator<V> values = valueFunction == null ? (Iterator<V>) (Iterator<?>) it : values(it);
                V acc = state.exists() ? state.get() : values.next();
                while (values.hasNext()) {
                    acc = func.call(acc, values.next());
                }
                state.update(acc);
                return List.of(new Tuple2<>(k, acc)).iterator();
            };
            return plan(f, valueEncoder, out, GroupStateTimeout.NoTimeout(), false, OutputMode.Update());
        }
        return groups((k, it) -> {
            V acc = it.next();
            while (it.hasNext()) {
                acc = func.call(acc, it.next());
            }
            return List.of(new Tuple2<>(k, acc)).iterator();
        }, out);
    }

    /** The per-group function the typed operations above share. */
    private interface Groups<K, V, U> {
        Iterator<U> call(K key, Iterator<V> values) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private <U> Dataset<U> groups(Groups<K, V, U> func, Encoder<U> encoder) {
        MapGroups.GroupFunction groups = (k, it) -> func.call((K) k, (Iterator<V>) (Iterator<?>) it);
        MapGroups node = new MapGroups(keyFunction, valueFunction, groups, inputEncoder, ObjectEncoder.of(keyEncoder),
                ObjectEncoder.of(encoder), child);
        return new Dataset<>(session, node, encoder);
    }

    /** The keys, one per input object, as a Dataset of the key encoder's columns. */
    private Dataset<K> keyed() {
        return new Dataset<>(session, new TypedOperator(TypedOperator.Kind.MAP, keyFunction, inputEncoder,
                ObjectEncoder.of(keyEncoder), child), keyEncoder);
    }

    /**
     * As
     * {@link #mapGroupsWithState(MapGroupsWithStateFunction, Encoder, Encoder, GroupStateTimeout)}
     * without a timeout ({@link GroupStateTimeout#NoTimeout()}).
     */
    public <S, U> Dataset<U> mapGroupsWithState(MapGroupsWithStateFunction<K, V, S, U> func, Encoder<S> stateEncoder,
                                                Encoder<U> outputEncoder) {
        return mapGroupsWithState(func, stateEncoder, outputEncoder, GroupStateTimeout.NoTimeout());
    }

    /** One output per group per trigger; the query must use update output mode. */
    public <S, U> Dataset<U> mapGroupsWithState(MapGroupsWithStateFunction<K, V, S, U> func, Encoder<S> stateEncoder,
                                                Encoder<U> outputEncoder, GroupStateTimeout timeout) {
        if (func == null) {
            throw new IllegalArgumentException("function cannot be null");
        }
        Object f = valueFunction == null ? func
                : (MapGroupsWithStateFunction<K, Object, S, U>) (k, it, state) -> func.call(k, values(it), state);
        return plan(f, stateEncoder, outputEncoder, timeout, true, OutputMode.Update());
    }

    /** Any number of outputs per group per trigger; {@code outputMode} (append or update) must match the query's. */
    public <S, U> Dataset<U> flatMapGroupsWithState(FlatMapGroupsWithStateFunction<K, V, S, U> func, OutputMode outputMode,
                                                    Encoder<S> stateEncoder, Encoder<U> outputEncoder, GroupStateTimeout timeout) {
        if (outputMode != OutputMode.Append() && outputMode != OutputMode.Update()) {
            throw new IllegalArgumentException("The output mode of function should be append or update");
        }
        if (func == null) {
            throw new IllegalArgumentException("function cannot be null");
        }
        Object f = valueFunction == null ? func
                : (FlatMapGroupsWithStateFunction<K, Object, S, U>) (k, it, state) -> func.call(k, values(it), state);
        return plan(f, stateEncoder, outputEncoder, timeout, false, outputMode);
    }

    /** The group's values as the user functions see them: the input objects through {@link #mapValues}'s function. */
    @SuppressWarnings("unchecked")
    private Iterator<V> values(Iterator<Object> inputs) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inputs.hasNext();
            }

            @Override
            public V next() {
                try {
                    return (V) valueFunction.call(inputs.next());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new io.tideway.engine.exec.UserFunctionException(e);
                }
            }
        };
    }

    private <S, U> Dataset<U> plan(Object func, Encoder<S> stateEncoder, Encoder<U> outputEncoder, GroupStateTimeout timeout,
                                   boolean isMapGroups, OutputMode mode) {
        FlatMapGroupsWithState node = new FlatMapGroupsWithState(keyFunction, func, ObjectEncoder.of(keyEncoder),
                inputEncoder, ObjectEncoder.of(stateEncoder), ObjectEncoder.of(outputEncoder),
                timeout == null ? GroupStateTimeout.NoTimeout() : timeout, isMapGroups, mode, child);
        return new Dataset<>(session, node, outputEncoder);
    }
}

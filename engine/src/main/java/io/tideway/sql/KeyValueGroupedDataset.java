package io.tideway.sql;

import io.tideway.api.java.function.CoGroupFunction;
import io.tideway.api.java.function.FlatMapGroupsFunction;
import io.tideway.api.java.function.FlatMapGroupsWithStateFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.api.java.function.ReduceFunction;
import io.tideway.engine.encoders.ConvertedKeyEncoder;
import io.tideway.engine.encoders.KeyedValueEncoder;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.encoders.SortedGroupEncoder;
import io.tideway.engine.encoders.TupleEncoder;
import io.tideway.engine.plan.AggregatePlanner;
import io.tideway.engine.plan.FlatMapGroupsWithState;
import io.tideway.engine.plan.InitialGroupState;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.MapGroups;
import io.tideway.engine.plan.TypedColumns;
import io.tideway.engine.plan.TransformWithState;
import io.tideway.engine.plan.TypedOperator;
import io.tideway.engine.plan.UnsupportedOperationChecker;
import io.tideway.engine.sql.SqlValueOrdering;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.StatefulProcessor;
import io.tideway.sql.streaming.StatefulProcessorWithInitialState;
import io.tideway.sql.streaming.TimeMode;
import io.tideway.sql.types.StructType;
import io.tideway.sql.streaming.OutputMode;
import scala.Tuple2;
import scala.Tuple3;
import scala.Tuple4;
import scala.Tuple5;
import scala.Tuple6;
import scala.Tuple7;
import scala.Tuple8;
import scala.Tuple9;

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
     * The number of values per key: columns {@code key} (a bean's or tuple's key as a struct) and
     * {@code count(1)}, read as {@code scala.Tuple2}s as in Spark. Streams support it as any aggregation.
     */
    public Dataset<Tuple2<K, Object>> count() {
        return aggTyped(functions.count(functions.lit(1)).as(Encoders.LONG()));
    }

    // ---- typed aggregations: agg(TypedColumn...) ----

    /** Each key with the result of {@code col1} over its values, as Spark's {@code agg}: columns {@code key} and the column's name. */
    public <U1> Dataset<Tuple2<K, U1>> agg(TypedColumn<V, U1> col1) {
        return aggTyped(col1);
    }

    /**
     * Each key with the results of two typed columns over its values, as {@code scala.Tuple3}s; see
     * {@link #agg(TypedColumn)}.
     */
    public <U1, U2> Dataset<Tuple3<K, U1, U2>> agg(TypedColumn<V, U1> col1, TypedColumn<V, U2> col2) {
        return aggTyped(col1, col2);
    }

    /**
     * Each key with the results of three typed columns over its values, as {@code scala.Tuple4}s.
     */
    public <U1, U2, U3> Dataset<Tuple4<K, U1, U2, U3>> agg(TypedColumn<V, U1> col1, TypedColumn<V, U2> col2,
                                                           TypedColumn<V, U3> col3) {
        return aggTyped(col1, col2, col3);
    }

    /**
     * Each key with the results of four typed columns over its values, as {@code scala.Tuple5}s.
     */
    public <U1, U2, U3, U4> Dataset<Tuple5<K, U1, U2, U3, U4>> agg(TypedColumn<V, U1> col1, TypedColumn<V, U2> col2,
                                                                   TypedColumn<V, U3> col3, TypedColumn<V, U4> col4) {
        return aggTyped(col1, col2, col3, col4);
    }

    /**
     * Each key with the results of five typed columns over its values, as {@code scala.Tuple6}s.
     */
    public <U1, U2, U3, U4, U5> Dataset<Tuple6<K, U1, U2, U3, U4, U5>> agg(
            TypedColumn<V, U1> col1, TypedColumn<V, U2> col2, TypedColumn<V, U3> col3, TypedColumn<V, U4> col4,
            TypedColumn<V, U5> col5) {
        return aggTyped(col1, col2, col3, col4, col5);
    }

    /** Each key with the results of six typed columns over its values, as {@code scala.Tuple7}s. */
    public <U1, U2, U3, U4, U5, U6> Dataset<Tuple7<K, U1, U2, U3, U4, U5, U6>> agg(
            TypedColumn<V, U1> col1, TypedColumn<V, U2> col2, TypedColumn<V, U3> col3, TypedColumn<V, U4> col4,
            TypedColumn<V, U5> col5, TypedColumn<V, U6> col6) {
        return aggTyped(col1, col2, col3, col4, col5, col6);
    }

    /**
     * Each key with the results of seven typed columns over its values, as {@code scala.Tuple8}s.
     */
    public <U1, U2, U3, U4, U5, U6, U7> Dataset<Tuple8<K, U1, U2, U3, U4, U5, U6, U7>> agg(
            TypedColumn<V, U1> col1, TypedColumn<V, U2> col2, TypedColumn<V, U3> col3, TypedColumn<V, U4> col4,
            TypedColumn<V, U5> col5, TypedColumn<V, U6> col6, TypedColumn<V, U7> col7) {
        return aggTyped(col1, col2, col3, col4, col5, col6, col7);
    }

    /**
     * Each key with the results of eight typed columns over its values, as {@code scala.Tuple9}s.
     */
    public <U1, U2, U3, U4, U5, U6, U7, U8> Dataset<Tuple9<K, U1, U2, U3, U4, U5, U6, U7, U8>> agg(
            TypedColumn<V, U1> col1, TypedColumn<V, U2> col2, TypedColumn<V, U3> col3, TypedColumn<V, U4> col4,
            TypedColumn<V, U5> col5, TypedColumn<V, U6> col6, TypedColumn<V, U7> col7, TypedColumn<V, U8> col8) {
        return aggTyped(col1, col2, col3, col4, col5, col6, col7, col8);
    }

    /**
     * An aggregation grouped by the key over rows of each value's columns and its key
     * ({@link KeyedValueEncoder}), read as tuples of the key and each column's encoder. On a stream
     * it is a streaming aggregation, so the typed columns' buffers are state kept across batches.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> Dataset<R> aggTyped(TypedColumn<?, ?>... columns) {
        Dataset<Row> keyed = Dataset.ofRows(session, keyedValues(new KeyedValueEncoder<>(keyEncoder, valueEncoder)));
        List<Column> aggs = TypedColumns.boundTo(valueEncoder, columns);
        Dataset<Row> out = keyed.groupBy(functions.col(KeyedValueEncoder.KEY).as("key"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        Encoder<R> tuples = (Encoder) new TupleEncoder<>(TypedColumns.encoders(keyEncoder, columns));
        return new Dataset<>(session, out.logicalPlan(), tuples);
    }

    // ---- end of typed aggregations ----

    // ---- keyAs, sorted groups and cogroup ----

    /**
     * The same groups with each key read as {@code encoder}'s type, as Spark's {@code keyAs}: the
     * key's columns re-read by the new encoder (numbers widen, an int key becomes a long) and
     * kept as they were in results ({@link ConvertedKeyEncoder}).
     */
    public <L> KeyValueGroupedDataset<L, V> keyAs(Encoder<L> encoder) {
        ConvertedKeyEncoder<K, L> keys = new ConvertedKeyEncoder<>(ObjectEncoder.of(keyEncoder), ObjectEncoder.of(encoder));
        MapFunction<Object, Object> before = keyFunction;
        @SuppressWarnings("unchecked")
        MapFunction<Object, Object> rekeyed = o -> keys.convert((K) before.call(o));
        return new KeyValueGroupedDataset<>(session, child, rekeyed, valueFunction, inputEncoder, keys, valueEncoder);
    }

    /**
     * {@link #flatMapGroups} with each group's values in the order of {@code sortExprs} (over the
     * values' columns), as Spark's {@code flatMapSortedGroups}: each value carries its sort keys
     * ({@link SortedGroupEncoder}) and each group is sorted before {@code f} sees it, so a stream
     * sorts each micro-batch's groups as Spark does.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <U> Dataset<U> flatMapSortedGroups(Column[] sortExprs, FlatMapGroupsFunction<K, V, U> f, Encoder<U> encoder) {
        SortedValues sorted = sortedValues(sortExprs);
        MapFunction<Object, Object> key = t -> ((Tuple3<?, ?, ?>) t)._1();
        MapGroups.GroupFunction groups = (k, it) -> {
            List<Tuple3<K, V, Row>> values = new java.util.ArrayList<>();
            it.forEachRemaining(t -> values.add((Tuple3<K, V, Row>) t));
            return f.call((K) k, sorted.sort(values, Tuple3::_3, Tuple3::_2));
        };
        return new Dataset<>(session, new MapGroups(key, null, groups, sorted.encoder(), ObjectEncoder.of(keyEncoder),
                ObjectEncoder.of(encoder), sorted.plan()), encoder);
    }

    /**
     * The values with their key and the values of {@code sortExprs} (over the values' columns):
     * rows read by {@code encoder} as (key, value, sort keys), and how to order them by the keys.
     */
    private record SortedValues(LogicalPlan plan, ObjectEncoder<Tuple3<Object, Object, Row>> encoder, StructType sortKeys,
                                java.util.Comparator<Row> order) {
        /** {@code items}' values in the order of their sort keys ({@code keysOf}); a stable sort, as Spark's. */
        <I, W> Iterator<W> sort(List<I> items, java.util.function.Function<I, Row> keysOf, java.util.function.Function<I, W> valueOf) {
            items.sort((a, b) -> order.compare(keysOf.apply(a), keysOf.apply(b)));
            return items.stream().map(valueOf).iterator();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SortedValues sortedValues(Column[] sortExprs) {
        KeyedValueEncoder<K, V> pairs = new KeyedValueEncoder<>(keyEncoder, valueEncoder);
        Dataset<Row> keyed = Dataset.ofRows(session, keyedValues(pairs));
        List<Column> columns = new java.util.ArrayList<>();
        for (String c : keyed.columns()) {
            columns.add(keyed.col(c));
        }
        List<io.tideway.engine.plan.Sort.Order> orders = new java.util.ArrayList<>();
        for (int i = 0; i < sortExprs.length; i++) {
            io.tideway.engine.expr.SortOrder o = sortExprs[i].expr() instanceof io.tideway.engine.expr.SortOrder so ? so
                    : io.tideway.engine.expr.SortOrder.of(sortExprs[i].expr(), false);
            columns.add(new Column(o.child()).as("__sortKey" + i));
            orders.add(new io.tideway.engine.plan.Sort.Order(i, o.descending(), o.nullsFirst()));
        }
        Dataset<Row> withKeys = keyed.select(columns.toArray(new Column[0]));
        StructType all = withKeys.schema();
        StructType sortKeys = new StructType(java.util.Arrays.copyOfRange(all.fields(), all.length() - sortExprs.length, all.length()));
        return new SortedValues(withKeys.logicalPlan(), (ObjectEncoder) new SortedGroupEncoder<>(pairs, sortKeys), sortKeys,
                SqlValueOrdering.byOrders(orders));
    }

    /**
     * {@code f} once per key of either grouped Dataset, over the key's values on each side (an
     * empty iterator on a side without the key), as Spark's {@code cogroup}. Both sides become
     * rows of one shape, (side, key, left value, right value), grouped by key. Static Datasets
     * only, as in Spark.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <U, R> Dataset<R> cogroup(KeyValueGroupedDataset<K, U> other, CoGroupFunction<K, V, U, R> f, Encoder<R> encoder) {
        if (child.isStreaming() || other.child.isStreaming()) {
            throw UnsupportedOperationChecker.fail("CoGrouping with a streaming DataFrame/Dataset is not supported", child);
        }
        Encoder<Tuple4<Integer, K, V, U>> sided = (Encoder) new TupleEncoder<>(List.of(Encoders.INT(), keyEncoder, valueEncoder,
                other.valueEncoder));
        LogicalPlan left = sidedRows(this, sided, true);
        LogicalPlan right = sidedRows(other, sided, false);
        if (left.sharesNodeWith(right)) {
            right = right.freshCopy();
        }
        MapFunction<Object, Object> key = t -> ((Tuple4<?, ?, ?, ?>) t)._2();
        MapGroups.GroupFunction groups = (k, it) -> {
            List<V> lefts = new java.util.ArrayList<>();
            List<U> rights = new java.util.ArrayList<>();
            while (it.hasNext()) {
                Tuple4<Integer, K, V, U> t = (Tuple4<Integer, K, V, U>) it.next();
                if (t._1() == 0) {
                    lefts.add(t._3());
                } else {
                    rights.add(t._4());
                }
            }
            return f.call((K) k, lefts.iterator(), rights.iterator());
        };
        return new Dataset<>(session, new MapGroups(key, null, groups, ObjectEncoder.of(sided), ObjectEncoder.of(keyEncoder),
                ObjectEncoder.of(encoder), new io.tideway.engine.plan.Union(List.of(left, right))), encoder);
    }

    /**
     * {@link #cogroup} with each key's values sorted on each side, by {@code thisSortExprs} over this
     * side's value columns and {@code otherSortExprs} over the other's, as Spark 4.0's
     * {@code cogroupSorted}. Each side's rows carry their sort keys (a {@link SortedGroupEncoder}
     * row) into the groups, which sort them before {@code f} sees them.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <U, R> Dataset<R> cogroupSorted(KeyValueGroupedDataset<K, U> other, Column[] thisSortExprs, Column[] otherSortExprs,
                                           CoGroupFunction<K, V, U, R> f, Encoder<R> encoder) {
        if (child.isStreaming() || other.child.isStreaming()) {
            throw UnsupportedOperationChecker.fail("CoGrouping with a streaming DataFrame/Dataset is not supported", child);
        }
        SortedValues leftSorted = sortedValues(thisSortExprs);
        SortedValues rightSorted = other.sortedValues(otherSortExprs);
        // (side, key, left value, right value, left sort keys, right sort keys)
        Encoder<Tuple6<Integer, K, V, U, Row, Row>> sided = (Encoder) new TupleEncoder<>(List.of(Encoders.INT(), keyEncoder,
                valueEncoder, other.valueEncoder, new RowEncoder(leftSorted.sortKeys()), new RowEncoder(rightSorted.sortKeys())));
        MapFunction<Object, Object> toLeft = t -> {
            Tuple3<?, ?, ?> kv = (Tuple3<?, ?, ?>) t;
            return new Tuple6<>(0, kv._1(), kv._2(), null, kv._3(), null);
        };
        MapFunction<Object, Object> toRight = t -> {
            Tuple3<?, ?, ?> kv = (Tuple3<?, ?, ?>) t;
            return new Tuple6<>(1, kv._1(), null, kv._2(), null, kv._3());
        };
        LogicalPlan left = new TypedOperator(TypedOperator.Kind.MAP, toLeft, leftSorted.encoder(), ObjectEncoder.of(sided),
                leftSorted.plan());
        LogicalPlan right = new TypedOperator(TypedOperator.Kind.MAP, toRight, rightSorted.encoder(), ObjectEncoder.of(sided),
                rightSorted.plan());
        if (left.sharesNodeWith(right)) {
            right = right.freshCopy();
        }
        MapFunction<Object, Object> key = t -> ((Tuple6<?, ?, ?, ?, ?, ?>) t)._2();
        MapGroups.GroupFunction groups = (k, it) -> {
            List<Tuple6<Integer, K, V, U, Row, Row>> lefts = new java.util.ArrayList<>();
            List<Tuple6<Integer, K, V, U, Row, Row>> rights = new java.util.ArrayList<>();
            while (it.hasNext()) {
                Tuple6<Integer, K, V, U, Row, Row> t = (Tuple6<Integer, K, V, U, Row, Row>) it.next();
                (t._1() == 0 ? lefts : rights).add(t);
            }
            return f.call((K) k, leftSorted.sort(lefts, Tuple6::_5, Tuple6::_3), rightSorted.sort(rights, Tuple6::_6, Tuple6::_4));
        };
        return new Dataset<>(session, new MapGroups(key, null, groups, ObjectEncoder.of(sided), ObjectEncoder.of(keyEncoder),
                ObjectEncoder.of(encoder), new io.tideway.engine.plan.Union(List.of(left, right))), encoder);
    }

    /** As {@link #cogroupSorted(KeyValueGroupedDataset, Column[], Column[], CoGroupFunction, Encoder)}, Spark's Scala form. */
    public <U, R> Dataset<R> cogroupSorted(KeyValueGroupedDataset<K, U> other, scala.collection.immutable.Seq<Column> thisSortExprs,
                                           scala.collection.immutable.Seq<Column> otherSortExprs,
                                           scala.Function3<K, scala.collection.Iterator<V>, scala.collection.Iterator<U>,
                                                   scala.collection.IterableOnce<R>> f, Encoder<R> encoder) {
        CoGroupFunction<K, V, U, R> javaF = (k, l, r) -> scala.jdk.javaapi.CollectionConverters.asJava(
                f.apply(k, scala.jdk.javaapi.CollectionConverters.asScala(l), scala.jdk.javaapi.CollectionConverters.asScala(r)).iterator());
        return cogroupSorted(other, scala.jdk.javaapi.CollectionConverters.asJava(thisSortExprs).toArray(new Column[0]),
                scala.jdk.javaapi.CollectionConverters.asJava(otherSortExprs).toArray(new Column[0]), javaF, encoder);
    }

    /** One side of a {@link #cogroup}: each input object as (side, key, value on its side, null on the other). */
    private static <K, V, U> LogicalPlan sidedRows(KeyValueGroupedDataset<K, ?> side, Encoder<Tuple4<Integer, K, V, U>> sided,
                                                  boolean isLeft) {
        MapFunction<Object, Object> values = side.valueFunction;
        MapFunction<Object, Object> keys = side.keyFunction;
        MapFunction<Object, Object> row = o -> {
            Object v = values == null ? o : values.call(o);
            return isLeft ? new Tuple4<>(0, keys.call(o), v, null) : new Tuple4<>(1, keys.call(o), null, v);
        };
        return new TypedOperator(TypedOperator.Kind.MAP, row, side.inputEncoder, ObjectEncoder.of(sided), side.child);
    }

    /** The input objects as rows of their value's columns and their key ({@link KeyedValueEncoder}). */
    private LogicalPlan keyedValues(KeyedValueEncoder<K, V> pairs) {
        MapFunction<Object, Tuple2<Object, Object>> pair = o -> new Tuple2<>(keyFunction.call(o),
                valueFunction == null ? o : valueFunction.call(o));
        return new TypedOperator(TypedOperator.Kind.MAP, pair, inputEncoder, pairs, child);
    }

    // ---- end of keyAs, sorted groups and cogroup ----

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
            return plan(f, valueEncoder, out, GroupStateTimeout.NoTimeout(), false, OutputMode.Update(), null);
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
        return plan(f, stateEncoder, outputEncoder, timeout, true, OutputMode.Update(), null);
    }

    /**
     * {@link #mapGroupsWithState(MapGroupsWithStateFunction, Encoder, Encoder, GroupStateTimeout)}
     * starting from {@code initialState}'s states (one per key; its values are the states): the
     * first batch stores them before calling {@code func}, and calls {@code func} for every key
     * with an initial state, with or without data, as Spark does. A static Dataset only.
     */
    public <S, U> Dataset<U> mapGroupsWithState(MapGroupsWithStateFunction<K, V, S, U> func, Encoder<S> stateEncoder,
                                                Encoder<U> outputEncoder, GroupStateTimeout timeout,
                                                KeyValueGroupedDataset<K, S> initialState) {
        if (func == null) {
            throw new IllegalArgumentException("function cannot be null");
        }
        Object f = valueFunction == null ? func
                : (MapGroupsWithStateFunction<K, Object, S, U>) (k, it, state) -> func.call(k, values(it), state);
        return plan(f, stateEncoder, outputEncoder, timeout, true, OutputMode.Update(), initialState.asInitialState());
    }

    /** Any number of outputs per group per trigger; {@code outputMode} (append or update) must match the query's. */
    public <S, U> Dataset<U> flatMapGroupsWithState(FlatMapGroupsWithStateFunction<K, V, S, U> func, OutputMode outputMode,
                                                    Encoder<S> stateEncoder, Encoder<U> outputEncoder, GroupStateTimeout timeout) {
        return flatMapGroupsWithState(func, outputMode, stateEncoder, outputEncoder, timeout, (InitialGroupState) null);
    }

    /**
     * {@link #flatMapGroupsWithState(FlatMapGroupsWithStateFunction, OutputMode, Encoder, Encoder, GroupStateTimeout)}
     * starting from {@code initialState}'s states, as
     * {@link #mapGroupsWithState(MapGroupsWithStateFunction, Encoder, Encoder, GroupStateTimeout, KeyValueGroupedDataset)}.
     */
    public <S, U> Dataset<U> flatMapGroupsWithState(FlatMapGroupsWithStateFunction<K, V, S, U> func, OutputMode outputMode,
                                                    Encoder<S> stateEncoder, Encoder<U> outputEncoder, GroupStateTimeout timeout,
                                                    KeyValueGroupedDataset<K, S> initialState) {
        return flatMapGroupsWithState(func, outputMode, stateEncoder, outputEncoder, timeout, initialState.asInitialState());
    }

    private <S, U> Dataset<U> flatMapGroupsWithState(FlatMapGroupsWithStateFunction<K, V, S, U> func, OutputMode outputMode,
                                                     Encoder<S> stateEncoder, Encoder<U> outputEncoder, GroupStateTimeout timeout,
                                                     InitialGroupState initialState) {
        if (outputMode != OutputMode.Append() && outputMode != OutputMode.Update()) {
            throw new IllegalArgumentException("The output mode of function should be append or update");
        }
        if (func == null) {
            throw new IllegalArgumentException("function cannot be null");
        }
        Object f = valueFunction == null ? func
                : (FlatMapGroupsWithStateFunction<K, Object, S, U>) (k, it, state) -> func.call(k, values(it), state);
        return plan(f, stateEncoder, outputEncoder, timeout, false, outputMode, initialState);
    }

    // ---- transformWithState ----

    /**
     * Runs {@code statefulProcessor} over each key's values of every micro-batch, with state
     * variables and timers kept across batches, as Spark 4's {@code transformWithState}. Streams
     * in micro-batch mode; {@code outputMode} is append or update.
     */
    public <U> Dataset<U> transformWithState(StatefulProcessor<K, V, U> statefulProcessor, TimeMode timeMode,
                                             OutputMode outputMode, Encoder<U> outputEncoder) {
        return transformWithState(statefulProcessor, timeMode, outputMode, outputEncoder, null, null);
    }

    /**
     * {@link #transformWithState(StatefulProcessor, TimeMode, OutputMode, Encoder)} in event time:
     * timers fire on the watermark. Spark also marks the output's {@code eventTimeColumnName} as
     * its event-time column; Tideway does not yet (listed in DIVERGENCES).
     */
    public <U> Dataset<U> transformWithState(StatefulProcessor<K, V, U> statefulProcessor, String eventTimeColumnName,
                                             OutputMode outputMode, Encoder<U> outputEncoder) {
        return transformWithState(statefulProcessor, TimeMode.EventTime(), outputMode, outputEncoder, null, null);
    }

    /**
     * {@link #transformWithState(StatefulProcessor, TimeMode, OutputMode, Encoder)} starting from
     * {@code initialState}: in the first batch {@code handleInitialState} runs once per key of it,
     * before any input.
     */
    public <U, S> Dataset<U> transformWithState(StatefulProcessorWithInitialState<K, V, U, S> statefulProcessor,
                                                TimeMode timeMode, OutputMode outputMode, KeyValueGroupedDataset<K, S> initialState,
                                                Encoder<U> outputEncoder, Encoder<S> initialStateEncoder) {
        return transformWithState(statefulProcessor, timeMode, outputMode, outputEncoder, initialState.asInitialState(),
                initialStateEncoder);
    }

    /** The initial-state form of {@link #transformWithState(StatefulProcessor, String, OutputMode, Encoder)}. */
    public <U, S> Dataset<U> transformWithState(StatefulProcessorWithInitialState<K, V, U, S> statefulProcessor,
                                                String eventTimeColumnName, OutputMode outputMode,
                                                KeyValueGroupedDataset<K, S> initialState, Encoder<U> outputEncoder,
                                                Encoder<S> initialStateEncoder) {
        return transformWithState(statefulProcessor, TimeMode.EventTime(), outputMode, outputEncoder, initialState.asInitialState(),
                initialStateEncoder);
    }

    /*
     * Spark's Java-visible forms of its Scala methods with an implicit encoder: the trailing
     * encoders are the implicit evidence, which a Java caller passes again; the explicit ones win.
     */

    /** {@link #transformWithState(StatefulProcessor, TimeMode, OutputMode, Encoder)}; {@code evidence} is unused. */
    public <U> Dataset<U> transformWithState(StatefulProcessor<K, V, U> statefulProcessor, TimeMode timeMode,
                                             OutputMode outputMode, Encoder<U> outputEncoder, Encoder<U> evidence) {
        return transformWithState(statefulProcessor, timeMode, outputMode, outputEncoder);
    }

    /** {@link #transformWithState(StatefulProcessor, String, OutputMode, Encoder)}; {@code evidence} is unused. */
    public <U> Dataset<U> transformWithState(StatefulProcessor<K, V, U> statefulProcessor, String eventTimeColumnName,
                                             OutputMode outputMode, Encoder<U> outputEncoder, Encoder<U> evidence) {
        return transformWithState(statefulProcessor, eventTimeColumnName, outputMode, outputEncoder);
    }

    /** The initial-state form with a {@link TimeMode}; the last two encoders are unused. */
    public <U, S> Dataset<U> transformWithState(StatefulProcessorWithInitialState<K, V, U, S> statefulProcessor,
                                                TimeMode timeMode, OutputMode outputMode, KeyValueGroupedDataset<K, S> initialState,
                                                Encoder<U> outputEncoder, Encoder<S> initialStateEncoder,
                                                Encoder<U> outputEvidence, Encoder<S> initialStateEvidence) {
        return transformWithState(statefulProcessor, timeMode, outputMode, initialState, outputEncoder, initialStateEncoder);
    }

    /** The initial-state form in event time, in Spark's argument order; the last two encoders are unused. */
    public <U, S> Dataset<U> transformWithState(StatefulProcessorWithInitialState<K, V, U, S> statefulProcessor,
                                                OutputMode outputMode, KeyValueGroupedDataset<K, S> initialState,
                                                String eventTimeColumnName, Encoder<U> outputEncoder,
                                                Encoder<S> initialStateEncoder, Encoder<U> outputEvidence,
                                                Encoder<S> initialStateEvidence) {
        return transformWithState(statefulProcessor, eventTimeColumnName, outputMode, initialState, outputEncoder,
                initialStateEncoder);
    }

    private <U> Dataset<U> transformWithState(StatefulProcessor<K, V, U> processor, TimeMode timeMode, OutputMode outputMode,
                                              Encoder<U> outputEncoder, InitialGroupState initialState,
                                              Encoder<?> initialStateEncoder) {
        TransformWithState node = new TransformWithState(keyFunction, valueFunction, processor, ObjectEncoder.of(keyEncoder),
                inputEncoder, ObjectEncoder.of(outputEncoder), timeMode, outputMode, initialState,
                initialStateEncoder == null ? null : ObjectEncoder.of(initialStateEncoder), child);
        return new Dataset<>(session, node, outputEncoder);
    }

    // ---- end of transformWithState ----

    /** These groups as the initial state of another grouping's stateful operation: each value is its key's state. */
    InitialGroupState asInitialState() {
        return new InitialGroupState(child, inputEncoder, keyFunction, valueFunction);
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
                                   boolean isMapGroups, OutputMode mode, InitialGroupState initialState) {
        FlatMapGroupsWithState node = new FlatMapGroupsWithState(keyFunction, func, ObjectEncoder.of(keyEncoder),
                inputEncoder, ObjectEncoder.of(stateEncoder), ObjectEncoder.of(outputEncoder),
                timeout == null ? GroupStateTimeout.NoTimeout() : timeout, isMapGroups, mode, initialState, child);
        return new Dataset<>(session, node, outputEncoder);
    }
}

package io.tideway.microbatch.stateful;

import io.tideway.microbatch.stateful.TransformStateLayout.Element;
import io.tideway.sql.streaming.MapState;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link MapState} kept as one record of (user key, value) elements per grouping key, in
 * insertion order; user keys are equal when their encoded rows are. Task thread only.
 */
final class StoredMapState<K, V> extends StoredVariable implements MapState<K, V> {
    private static final long serialVersionUID = 1L;
    private final Codec keys;
    private final Codec values;

    StoredMapState(ProcessorHandle handle, String stateName, Codec keys, Codec values, long ttlMs) {
        super(handle, stateName, TransformStateLayout.MAP, ttlMs);
        this.keys = keys;
        this.values = values;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getValue(K key) {
        requireNonNull(key);
        Element e = find(read(), keys.encode(key));
        return e == null ? null : (V) values.decode(e.value());
    }

    @Override
    public boolean containsKey(K key) {
        requireNonNull(key);
        return find(read(), keys.encode(key)) != null;
    }

    @Override
    public void updateValue(K key, V value) {
        requireNonNull(key);
        requireNonNull(value);
        byte[] k = keys.encode(key);
        List<Element> all = read();
        Element updated = new Element(expiry(), k, values.encode(value));
        Element old = find(all, k);
        if (old == null) {
            all.add(updated);
        } else {
            all.set(all.indexOf(old), updated);
        }
        write(all);
    }

    @Override
    @SuppressWarnings("unchecked")
    public scala.collection.Iterator<Tuple2<K, V>> iterator() {
        List<Tuple2<K, V>> out = new ArrayList<>();
        for (Element e : read()) {
            out.add(new Tuple2<>((K) keys.decode(e.key()), (V) values.decode(e.value())));
        }
        return CollectionConverters.asScala(out.iterator());
    }

    @Override
    @SuppressWarnings("unchecked")
    public scala.collection.Iterator<K> keys() {
        List<K> out = new ArrayList<>();
        for (Element e : read()) {
            out.add((K) keys.decode(e.key()));
        }
        return CollectionConverters.asScala(out.iterator());
    }

    @Override
    @SuppressWarnings("unchecked")
    public scala.collection.Iterator<V> values() {
        List<V> out = new ArrayList<>();
        for (Element e : read()) {
            out.add((V) values.decode(e.value()));
        }
        return CollectionConverters.asScala(out.iterator());
    }

    @Override
    public void removeKey(K key) {
        requireNonNull(key);
        List<Element> all = read();
        Element old = find(all, keys.encode(key));
        if (old != null) {
            all.remove(old);
            write(all);
        }
    }

    @Override
    public void clear() {
        write(List.of());
    }

    private static Element find(List<Element> all, byte[] key) {
        for (Element e : all) {
            if (Arrays.equals(e.key(), key)) {
                return e;
            }
        }
        return null;
    }
}

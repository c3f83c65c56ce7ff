package io.tideway.microbatch.stateful;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.microbatch.stateful.TransformStateLayout.Element;
import io.tideway.sql.streaming.ListState;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link ListState} kept as one record of elements per grouping key, in insertion order. Task thread only. */
final class StoredListState<S> extends StoredVariable implements ListState<S> {
    private static final long serialVersionUID = 1L;
    private final Codec codec;

    StoredListState(ProcessorHandle handle, String stateName, Codec codec, long ttlMs) {
        super(handle, stateName, TransformStateLayout.LIST, ttlMs);
        this.codec = codec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public scala.collection.Iterator<S> get() {
        List<S> values = new ArrayList<>();
        for (Element e : read()) {
            values.add((S) codec.decode(e.value()));
        }
        return CollectionConverters.asScala(values.iterator());
    }

    @Override
    public void put(Object newState) {
        write(elements(newState));
    }

    @Override
    public void appendValue(S newState) {
        requireNonNull(newState);
        List<Element> all = read();
        all.add(new Element(expiry(), null, codec.encode(newState)));
        write(all);
    }

    @Override
    public void appendList(Object newState) {
        List<Element> all = read();
        all.addAll(elements(newState));
        write(all);
    }

    @Override
    public void clear() {
        write(List.of());
    }

    /** An array's values as elements; Spark refuses a null or empty array, or a null value. */
    private List<Element> elements(Object array) {
        requireNonNull(array);
        Object[] values = (Object[]) array;
        if (values.length == 0) {
            throw new SparkIllegalArgumentException("ILLEGAL_STATE_STORE_VALUE.EMPTY_LIST_VALUE", Map.of("stateName", stateName));
        }
        List<Element> out = new ArrayList<>(values.length);
        long expiry = expiry();
        for (Object v : values) {
            requireNonNull(v);
            out.add(new Element(expiry, null, codec.encode(v)));
        }
        return out;
    }
}

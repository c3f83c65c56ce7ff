package io.tideway.microbatch.stateful;

import io.tideway.microbatch.stateful.TransformStateLayout.Element;
import io.tideway.sql.streaming.ValueState;

import java.util.List;

/** A {@link ValueState} kept as one element per grouping key. Task thread only. */
final class StoredValueState<S> extends StoredVariable implements ValueState<S> {
    private static final long serialVersionUID = 1L;
    private final Codec codec;

    StoredValueState(ProcessorHandle handle, String stateName, Codec codec, long ttlMs) {
        super(handle, stateName, TransformStateLayout.VALUE, ttlMs);
        this.codec = codec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public S get() {
        List<Element> e = read();
        return e.isEmpty() ? null : (S) codec.decode(e.get(0).value());
    }

    /** Spark accepts null, after which the value does not exist. */
    @Override
    public void update(S newState) {
        write(newState == null ? List.of() : List.of(new Element(expiry(), null, codec.encode(newState))));
    }

    @Override
    public void clear() {
        write(List.of());
    }
}

package io.tideway.microbatch.stateful;

import io.tideway.engine.state.StateStore;
import io.tideway.microbatch.stateful.TransformStateLayout.Element;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Scans a {@code transformWithState} partition's records ({@link TransformStateLayout}): the
 * timers that expired, and the TTL sweep that drops expired values. Stateless.
 */
final class ExpiredTimers {
    private ExpiredTimers() {
    }

    /** A timer of the grouping key {@code key} (its encoded row). */
    record Timer(long expiryMs, byte[] key) {
    }

    /** The timers at or below {@code thresholdMs} (Spark's {@code TimerStateImpl}), earliest first, then by key bytes. */
    static List<Timer> below(StateStore store, long thresholdMs) {
        List<Timer> out = new ArrayList<>();
        if (thresholdMs == Long.MIN_VALUE) {
            return out;
        }
        LongArrayList handles = store.allHandles();
        for (int i = 0; i < handles.size(); i++) {
            long h = handles.getLong(i);
            DirectBuffer b = store.buffer(h);
            int keyOffset = store.keyOffset(h);
            if (TransformStateLayout.kind(b, keyOffset) != TransformStateLayout.TIMERS) {
                continue;
            }
            int from = TransformStateLayout.groupingKeyOffset(b, keyOffset);
            byte[] key = new byte[keyOffset + store.keyLength(h) - from];
            b.getBytes(from, key);
            int at = store.payloadOffset(h);
            for (int t = 0; t < store.payloadLength(h); t += 8) {
                long expiry = b.getLong(at + t);
                if (expiry <= thresholdMs) {
                    out.add(new Timer(expiry, key));
                }
            }
        }
        out.sort(Comparator.comparingLong(Timer::expiryMs).thenComparing(Timer::key, Arrays::compareUnsigned));
        return out;
    }

    /** Drops every expired value of the partition (Spark's {@code doTtlCleanup}); a record left empty is removed. */
    static void sweepTtl(StateStore store, ProcessorHandle handle) {
        LongArrayList handles = new LongArrayList();
        handles.addAll(store.allHandles());
        for (int i = 0; i < handles.size(); i++) {
            long h = handles.getLong(i);
            DirectBuffer b = store.buffer(h);
            int keyOffset = store.keyOffset(h);
            byte kind = TransformStateLayout.kind(b, keyOffset);
            if (kind == TransformStateLayout.TIMERS) {
                continue;
            }
            List<Element> all = TransformStateLayout.readElements(b, store.payloadOffset(h), store.payloadLength(h),
                    kind == TransformStateLayout.MAP);
            if (all.removeIf(e -> handle.isExpired(e.expiryMs()))) {
                int from = TransformStateLayout.groupingKeyOffset(b, keyOffset);
                byte[] key = new byte[keyOffset + store.keyLength(h) - from];
                b.getBytes(from, key);
                handle.setKey(key);
                handle.write(kind, TransformStateLayout.name(TransformStateLayout.name(b, keyOffset)), all);
            }
        }
    }
}

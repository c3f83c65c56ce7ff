package io.tideway.microbatch.stateful;

import io.tideway.engine.exec.KeyBuilder;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.Deduplicate;
import io.tideway.engine.plan.UnaryNode;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Streaming {@code dropDuplicates}: rows are shuffled by key; the first row of a key not in the
 * partition's state passes and its key is stored with a time (8 bytes). Without a watermark the
 * state keeps every key forever. With a watermark, late rows are dropped (by the input's
 * watermarked column, among the keys or not); with that column among the keys, a key leaves the
 * state when the watermark reaches its event time. Within watermark
 * ({@code dropDuplicatesWithinWatermark}), the stored time is the first row's event time plus the
 * delay, and the key leaves the state (and may be seen again) when the watermark reaches it.
 */
public final class DeduplicationStage implements StatefulStage {
    private final Deduplicate node;
    private final EvalContext ctx;
    private final List<Expression> keys = new ArrayList<>();
    /** Ordinal of the event-time column whose value the state keeps to evict the key by, or -1. */
    private final int eventTimeOrdinal;
    /**
     * Ordinal of the input's watermarked column, or -1. Spark drops late rows by it even when the
     * keys do not hold it (then keys stay forever, but the late filter and no-data batches remain).
     */
    private final int lateOrdinal;
    /** Added to the event time to make the stored expiry: the delay within watermark, else 0. */
    private final long expiryOffsetMicros;

    public DeduplicationStage(Deduplicate node, EvalContext ctx) {
        this.node = node;
        this.ctx = ctx;
        StructType in = node.child().schema();
        int timeAmongKeys = -1;
        for (int k : node.keyOrdinals()) {
            StructField f = in.apply(k);
            keys.add(new BoundReference(k, f.dataType(), f.nullable(), f.name(), f.metadata()));
            if (timeAmongKeys < 0 && f.metadata().contains(io.tideway.engine.plan.EventTimeWatermark.DELAY_KEY)) {
                timeAmongKeys = k;
            }
        }
        this.lateOrdinal = EventTimeColumn.find(in);
        if (node.withinWatermark()) {
            this.eventTimeOrdinal = lateOrdinal;
            this.expiryOffsetMicros = eventTimeOrdinal < 0 ? 0 : EventTimeColumn.delayMs(in, eventTimeOrdinal) * 1000L;
        } else {
            this.eventTimeOrdinal = timeAmongKeys;
            this.expiryOffsetMicros = 0;
        }
    }

    @Override
    public UnaryNode node() {
        return node;
    }

    @Override
    public String operatorName() {
        return node.withinWatermark() ? "dedupeWithinWatermark" : "dedupe";
    }

    @Override
    public boolean wantsBatchWithoutData(long nowMs, long watermarkMs, long lastBatchWatermarkMs) {
        return lateOrdinal >= 0 && watermarkMs > lastBatchWatermarkMs;
    }

    @Override
    public MapSide mapSide(Shuffle shuffle, io.tideway.engine.plan.LogicalPlan input) {
        return new KeyShuffle(shuffle);
    }

    /** Drops late rows and sends the rest to the partition of their key. */
    private final class KeyShuffle extends RowTimedSide {
        private final KeyBuilder key = new KeyBuilder(keys, ctx);

        KeyShuffle(Shuffle shuffle) {
            super(ctx, node.child().schema(), lateOrdinal, shuffle);
        }

        @Override
        void shuffle(DirectBuffer buffer, int offset, int length) {
            key.build(in);
            out.add(key.hash(), buffer, offset, length);
        }
    }

    @Override
    public long reduce(StateStore store, List<RowArena> input, Operator above, OutputMode mode, long watermarkMs) {
        KeyBuilder key = new KeyBuilder(keys, ctx);
        RowReader in = new RowReader(node.child().schema().length());
        EventTimeColumn eventTime = eventTimeOrdinal < 0 ? null : EventTimeColumn.at(node.child().schema(), eventTimeOrdinal);
        UnsafeBuffer expiry = new UnsafeBuffer(new byte[8]);
        for (RowArena a : input) {
            a.forEach((b, o, l) -> {
                in.wrap(b, o, l);
                key.build(in);
                if (store.find(key.buffer(), 0, key.length()) != StateStore.NO_HANDLE) {
                    return;
                }
                long time = eventTime == null ? 0 : eventTime.micros(in);
                expiry.putLong(0, time == EventTimeColumn.NULL_TIME ? time : time + expiryOffsetMicros);
                store.upsert(key.buffer(), 0, key.length(), expiry, 0, 8);
                above.accept(b, o, l);
            });
        }
        if (eventTime != null) {
            evict(store, watermarkMs);
        }
        return 0;
    }

    private static void evict(StateStore store, long watermarkMs) {
        LongArrayList handles = store.allHandles();
        for (int i = 0; i < handles.size(); i++) {
            long h = handles.getLong(i);
            if (EventTimeColumn.isLate(store.buffer(h).getLong(store.payloadOffset(h)), watermarkMs)) {
                store.remove(h);
            }
        }
    }
}

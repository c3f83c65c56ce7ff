package io.tideway.microbatch.stateful;

import io.tideway.engine.exec.Operator;
import io.tideway.engine.plan.Limit;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.row.RowArena;
import io.tideway.sql.streaming.OutputMode;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

/**
 * {@code limit(n)} on a stream in Append mode (Spark's {@code StreamingGlobalLimitExec}): every
 * row goes to state partition 0, which passes rows, in the order the reader tasks produced them,
 * while the number passed over the query's whole life is below {@code n}, and keeps that number
 * in its state under one key, so a restarted query goes on counting. The local limit below it
 * is not a separate step: the global one cuts at {@code n} anyway.
 *
 * <p>Threading: immutable; each side keeps its state in locals.
 */
public final class LimitStage implements StatefulStage {
    /** The state's one key: eight zero bytes. */
    private static final int KEY_LENGTH = 8;
    private final Limit node;

    LimitStage(Limit globalLimit) {
        this.node = globalLimit;
    }

    /** Whether {@code plan} is a streaming limit this stage runs: the global one, in Append mode. */
    static boolean runs(LogicalPlan plan, OutputMode mode) {
        return plan instanceof Limit l && l.isGlobal() && l.isStreaming() && mode == OutputMode.Append();
    }

    @Override
    public Limit node() {
        return node;
    }

    /** Below the local limit: the chain feeding the shuffle ends at its child. */
    @Override
    public LogicalPlan inputOf(LogicalPlan leaf) {
        LogicalPlan child = node.child();
        return child instanceof Limit local && !local.isGlobal() ? local.child() : child;
    }

    @Override
    public String operatorName() {
        return "globalLimit";
    }

    @Override
    public boolean wantsBatchWithoutData(long nowMs, long watermarkMs, long lastBatchWatermarkMs) {
        return false;
    }

    @Override
    public MapSide mapSide(Shuffle shuffle, LogicalPlan input) {
        return new MapSide() {
            @Override
            public void accept(DirectBuffer buffer, int offset, int length) {
                shuffle.add(0, buffer, offset, length); // one partition holds the count
            }

            @Override
            public void finish() {
            }

            @Override
            public long droppedByWatermark() {
                return 0;
            }
        };
    }

    @Override
    public long reduce(StateStore store, List<RowArena> input, Operator above, OutputMode mode, long watermarkMs) {
        UnsafeBuffer key = new UnsafeBuffer(new byte[KEY_LENGTH]);
        long h = store.find(key, 0, KEY_LENGTH);
        long[] passed = {h == StateStore.NO_HANDLE ? 0 : store.buffer(h).getLong(store.payloadOffset(h))};
        long before = passed[0];
        for (RowArena a : input) {
            a.forEach((b, o, l) -> {
                if (passed[0] < node.limit()) {
                    passed[0]++;
                    above.accept(b, o, l);
                }
            });
        }
        if (passed[0] != before) {
            UnsafeBuffer count = new UnsafeBuffer(new byte[8]);
            count.putLong(0, passed[0]);
            store.put(key, 0, KEY_LENGTH, count, 0, 8);
        }
        return 0;
    }
}

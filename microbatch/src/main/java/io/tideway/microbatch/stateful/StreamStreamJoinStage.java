package io.tideway.microbatch.stateful;

import io.tideway.engine.exec.ChainBuilder;
import io.tideway.engine.exec.JoinedRowWriter;
import io.tideway.engine.exec.KeyBuilder;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.EventTimeWatermark;
import io.tideway.engine.plan.Join;
import io.tideway.engine.plan.JoinStateBounds;
import io.tideway.engine.plan.JoinType;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

import static io.tideway.microbatch.stateful.JoinStateLayout.*;

/**
 * A join of two streams (Spark's {@code StreamingSymmetricHashJoinExec}): both sides' rows are
 * shuffled by join key and buffered in the partition's state store, each new row is joined with
 * the other side's buffered rows, and rows leave the state when the watermark passes the
 * event-time column among the join keys (all rows of a key at once, since the time is part of
 * the key). Then the preserved side of an outer join emits the rows that never matched, padded
 * with nulls. Without such a column an inner join keeps every row (unbounded state, as Spark
 * warns); start() rejects outer joins without one.
 *
 * <p>State keys: {@code [side][0][join key]} → number of rows of that key, and
 * {@code [side][1][join key][index]} → {@code [matched flag][row]}.
 */
public final class StreamStreamJoinStage implements StatefulStage {
    private final Join join;
    private final EvalContext ctx;
    /** Index of the join key the watermark bounds, or -1. */
    private final int watermarkKey;
    private final boolean watermarkKeyIsWindow;
    /** Time-range conditions after which a buffered row can no longer match. */
    private final JoinStateBounds bounds;

    public StreamStreamJoinStage(Join join, EvalContext ctx) {
        this.join = join;
        this.ctx = ctx;
        this.bounds = JoinStateBounds.of(join);
        this.watermarkKey = watermarkKeyIndex(join);
        this.watermarkKeyIsWindow = watermarkKey >= 0 && join.leftKeys().get(watermarkKey).dataType() instanceof StructType;
    }

    /** The join key that is an event-time column (or window) with a watermark on either side, or -1. */
    public static int watermarkKeyIndex(Join join) {
        for (int k = 0; k < join.leftKeys().size(); k++) {
            if (hasDelay(join.leftKeys().get(k)) || hasDelay(join.rightKeys().get(k))) {
                return k;
            }
        }
        return -1;
    }

    private static boolean hasDelay(Expression e) {
        return e instanceof BoundReference r && r.metadata().contains(EventTimeWatermark.DELAY_KEY);
    }

    @Override
    public LogicalPlan node() {
        return join;
    }

    @Override
    public LogicalPlan inputOf(LogicalPlan leaf) {
        return ChainBuilder.contains(join.left(), leaf) ? join.left() : join.right();
    }

    @Override
    public String operatorName() {
        return "symmetricHashJoin";
    }

    /** Spark counts each buffered row once ({@code keyWithIndexToValue}), not the per-key counts beside them. */
    @Override
    public long numRowsTotal(StateStore store) {
        long rows = 0;
        LongArrayList handles = store.allHandles();
        for (int i = 0; i < handles.size(); i++) {
            long h = handles.getLong(i);
            if (store.buffer(h).getByte(store.keyOffset(h) + KIND) == ROW) {
                rows++;
            }
        }
        return rows;
    }

    @Override
    public boolean wantsBatchWithoutData(long nowMs, long watermarkMs, long lastBatchWatermarkMs) {
        return (watermarkKey >= 0 || bounds.bindsLeft() || bounds.bindsRight()) && watermarkMs > lastBatchWatermarkMs;
    }

    @Override
    public MapSide mapSide(Shuffle shuffle, LogicalPlan input) {
        return new KeyShuffle(shuffle, input == join.left() ? LEFT : RIGHT);
    }

    /** Sends (side, key, row) to the key's partition, dropping rows whose key time the watermark passed. */
    private final class KeyShuffle extends LateRowDroppingSide {
        private final byte side;
        private final KeyBuilder key;
        private final RowReader in;
        private final RowReader keyRow;
        private final EventTimeColumn keyTime;
        private final GrowableBuffer memory = new GrowableBuffer(256);
        private final RowWriter tagged = new RowWriter(TAG_FIELDS);
        private final Shuffle shuffle;

        KeyShuffle(Shuffle shuffle, byte side) {
            super(ctx);
            this.shuffle = shuffle;
            this.side = side;
            List<Expression> keys = side == LEFT ? join.leftKeys() : join.rightKeys();
            this.key = new KeyBuilder(keys, ctx);
            this.in = new RowReader((side == LEFT ? join.left() : join.right()).schema().length());
            this.keyRow = new RowReader(keys.size());
            this.keyTime = watermarkKey < 0 ? null : new EventTimeColumn(watermarkKey, watermarkKeyIsWindow);
        }

        /** A join's rows are late by their key's event time (the watermark is on a join key). */
        @Override
        long eventTimeMicros(DirectBuffer buffer, int offset, int length) {
            key.build(in.wrap(buffer, offset, length));
            return keyTime == null ? EventTimeColumn.NULL_TIME : keyTime.micros(keyRow.wrap(key.buffer(), 0, key.length()));
        }

        @Override
        void shuffle(DirectBuffer buffer, int offset, int length) {
            tagged.wrap(memory.buffer(), 0, memory);
            tagged.putLong(TAG_SIDE, side);
            tagged.putBytes(TAG_KEY, key.buffer(), 0, key.length());
            tagged.putBytes(TAG_ROW, buffer, offset, length);
            shuffle.add(key.hash(), memory.buffer(), 0, tagged.finish());
        }
    }

    @Override
    public long reduce(StateStore store, List<RowArena> input, Operator above, OutputMode mode, long watermarkMs) {
        Probe probe = new Probe(store, above);
        // Left rows first against the right rows buffered before this batch, then right rows
        // against every left row including this batch's: each new pair is joined exactly once.
        for (byte side : new byte[] {LEFT, RIGHT}) {
            for (RowArena a : input) {
                a.forEach((b, o, l) -> probe.accept(side, b, o, l));
            }
        }
        if (watermarkKey >= 0) {
            probe.evict(watermarkMs);
        }
        if (bounds.bindsLeft() || bounds.bindsRight()) {
            probe.evictByRange(watermarkMs);
        }
        return 0;
    }

    /** Joins new rows with the other side's state and buffers them; one per reduce task. */
    private final class Probe {
        private final StateStore store;
        private final Operator above;
        private final int leftWidth = join.left().schema().length();
        private final int rightWidth = join.right().schema().length();
        private final Evaluator residual;
        private final boolean semi = join.joinType() == JoinType.LEFT_SEMI;
        private final RowReader tagged = new RowReader(TAG_FIELDS);
        private final RowReader keyRow = new RowReader(join.leftKeys().size());
        private final RowReader leftRow = new RowReader(leftWidth);
        private final RowReader rightRow = new RowReader(rightWidth);
        private final RowReader joinedReader = new RowReader(leftWidth + rightWidth);
        private final JoinedRowWriter joined = new JoinedRowWriter(join.left().schema(), join.right().schema());
        private final UnsafeBuffer stateKey = new UnsafeBuffer(new byte[256]);
        private final UnsafeBuffer value = new UnsafeBuffer(new byte[256]);

        Probe(StateStore store, Operator above) {
            this.store = store;
            this.above = above;
            this.residual = join.residual() == null ? null : join.residual().evaluator(ctx);
        }

        void accept(byte wanted, DirectBuffer b, int o, int l) {
            tagged.wrap(b, o, l);
            byte side = (byte) tagged.getLong(TAG_SIDE);
            if (side != wanted) {
                return;
            }
            int keyOffset = tagged.varOffset(TAG_KEY);
            int keyLength = tagged.varLength(TAG_KEY);
            int rowOffset = tagged.varOffset(TAG_ROW);
            int rowLength = tagged.varLength(TAG_ROW);
            RowReader row = side == LEFT ? leftRow.wrap(b, rowOffset, rowLength) : rightRow.wrap(b, rowOffset, rowLength);
            boolean matched = false;
            if (!keyHasNull(b, keyOffset, keyLength)) {
                byte other = side == LEFT ? RIGHT : LEFT;
                long count = count(other, b, keyOffset, keyLength);
                for (int i = 0; i < count; i++) {
                    long h = store.find(rowKey(other, b, keyOffset, keyLength, i), 0, rowKeyLength(keyLength));
                    int at = store.payloadOffset(h);
                    RowReader buffered = other == LEFT ? leftRow : rightRow;
                    buffered.wrap(store.buffer(h), at + ROW_BYTES, store.payloadLength(h) - ROW_BYTES);
                    int len = side == LEFT ? writeJoined(row, buffered) : writeJoined(buffered, row);
                    if (residual != null) {
                        residual.eval(joinedReader.wrap(joined.buffer(), 0, len));
                        if (residual.isNull || residual.l == 0) {
                            continue;
                        }
                    }
                    boolean firstMatchOfBuffered = store.buffer(h).getLong(at + MATCHED) == 0L;
                    if (firstMatchOfBuffered) {
                        // the buffered row found its first match: stamp it so the delta records the flag
                        long stamped = store.upsert(stateKey, 0, rowKeyLength(keyLength), value, 0, 0);
                        store.buffer(stamped).putLong(store.payloadOffset(stamped) + MATCHED, 1L);
                    }
                    if (semi) {
                        if (side == LEFT) {
                            matched = true;
                            break; // the new left row is emitted once, below
                        }
                        if (firstMatchOfBuffered) {
                            emitLeftRow(buffered); // a buffered left row's first match: emitted once
                        }
                        continue;
                    }
                    matched = true;
                    above.accept(joined.buffer(), 0, len);
                }
                if (semi && side == LEFT && matched) {
                    emitLeftRow(row);
                    return; // matched: it can never be emitted again, so nothing to keep
                }
            } else if (preserves(side)) {
                emitUnmatched(side, row);
                return; // a null key never matches: nothing to buffer
            } else {
                return;
            }
            append(side, b, keyOffset, keyLength, b, rowOffset, rowLength, matched);
        }

        private boolean preserves(byte side) {
            JoinType t = join.joinType();
            return side == LEFT ? t == JoinType.LEFT_OUTER || t == JoinType.FULL_OUTER
                    : t == JoinType.RIGHT_OUTER || t == JoinType.FULL_OUTER;
        }

        private boolean keyHasNull(DirectBuffer b, int keyOffset, int keyLength) {
            RowReader k = keyRow.wrap(b, keyOffset, keyLength);
            for (int i = 0; i < join.leftKeys().size(); i++) {
                if (k.isNullAt(i)) {
                    return true;
                }
            }
            return false;
        }

        private UnsafeBuffer rowKey(byte side, DirectBuffer key, int keyOffset, int keyLength, int index) {
            ensure(stateKey, rowKeyLength(keyLength));
            stateKey.putByte(SIDE, side);
            stateKey.putByte(KIND, ROW);
            stateKey.putBytes(JOIN_KEY, key, keyOffset, keyLength);
            stateKey.putInt(indexAt(keyLength), index);
            return stateKey;
        }

        private long count(byte side, DirectBuffer key, int keyOffset, int keyLength) {
            ensure(stateKey, countKeyLength(keyLength));
            stateKey.putByte(SIDE, side);
            stateKey.putByte(KIND, COUNT);
            stateKey.putBytes(JOIN_KEY, key, keyOffset, keyLength);
            long h = store.find(stateKey, 0, countKeyLength(keyLength));
            return h == StateStore.NO_HANDLE ? 0 : store.buffer(h).getLong(store.payloadOffset(h) + COUNT_VALUE);
        }

        private void append(byte side, DirectBuffer key, int keyOffset, int keyLength, DirectBuffer row, int rowOffset,
                            int rowLength, boolean matched) {
            long n = count(side, key, keyOffset, keyLength);
            ensure(value, COUNT_LENGTH);
            value.putLong(COUNT_VALUE, n + 1);
            store.put(stateKey, 0, countKeyLength(keyLength), value, 0, COUNT_LENGTH);
            ensure(value, ROW_BYTES + rowLength);
            value.putLong(MATCHED, matched ? 1L : 0L);
            value.putBytes(ROW_BYTES, row, rowOffset, rowLength);
            store.put(rowKey(side, key, keyOffset, keyLength, (int) n), 0, rowKeyLength(keyLength), value, 0,
                    ROW_BYTES + rowLength);
        }

        /** Removes every buffered key whose event time the watermark passed; outer joins emit the unmatched rows. */
        void evict(long watermarkMs) {
            EventTimeColumn time = new EventTimeColumn(watermarkKey, watermarkKeyIsWindow);
            LongArrayList handles = store.allHandles();
            for (int i = 0; i < handles.size(); i++) {
                long h = handles.getLong(i);
                DirectBuffer page = store.buffer(h);
                int ko = store.keyOffset(h);
                int kl = store.keyLength(h);
                boolean isRow = page.getByte(ko + KIND) == ROW;
                int joinKeyLength = joinKeyLength(kl, isRow);
                if (!EventTimeColumn.isLate(time.micros(keyRow.wrap(page, ko + JOIN_KEY, joinKeyLength)), watermarkMs)) {
                    continue;
                }
                byte side = page.getByte(ko + SIDE);
                if (isRow && preserves(side) && page.getLong(store.payloadOffset(h) + MATCHED) == 0L) {
                    RowReader row = side == LEFT ? leftRow : rightRow;
                    emitUnmatched(side, row.wrap(page, store.payloadOffset(h) + ROW_BYTES, store.payloadLength(h) - ROW_BYTES));
                }
                store.remove(h);
            }
        }

        /**
         * Removes buffered rows the time-range conditions say can no longer match (outer joins
         * emit the unmatched ones), then closes the holes in each key's row indexes by moving its
         * last rows down, so that a key's rows stay at indexes 0..count-1.
         */
        void evictByRange(long watermarkMs) {
            java.util.Map<java.nio.ByteBuffer, java.util.TreeSet<Integer>> expired = new java.util.LinkedHashMap<>();
            LongArrayList handles = store.allHandles();
            for (int i = 0; i < handles.size(); i++) {
                long h = handles.getLong(i);
                DirectBuffer page = store.buffer(h);
                int ko = store.keyOffset(h);
                int kl = store.keyLength(h);
                if (page.getByte(ko + KIND) != ROW) {
                    continue;
                }
                byte side = page.getByte(ko + SIDE);
                int ordinal = side == LEFT ? bounds.leftTimeOrdinal : bounds.rightTimeOrdinal;
                if (ordinal < 0) {
                    continue;
                }
                RowReader row = (side == LEFT ? leftRow : rightRow).wrap(page, store.payloadOffset(h) + ROW_BYTES,
                        store.payloadLength(h) - ROW_BYTES);
                long offset = side == LEFT ? bounds.leftOffsetMicros : bounds.rightOffsetMicros;
                if (row.isNullAt(ordinal) || row.getLong(ordinal) > watermarkMs * 1000L + offset) {
                    continue;
                }
                if (preserves(side) && page.getLong(store.payloadOffset(h) + MATCHED) == 0L) {
                    emitUnmatched(side, row);
                }
                int joinKeyLength = joinKeyLength(kl, true);
                byte[] sideAndKey = new byte[countKeyLength(joinKeyLength)]; // side, kind, join key: the key's identity
                page.getBytes(ko, sideAndKey);
                expired.computeIfAbsent(java.nio.ByteBuffer.wrap(sideAndKey), k -> new java.util.TreeSet<>())
                        .add(page.getInt(ko + indexAt(joinKeyLength)));
            }
            for (var e : expired.entrySet()) {
                byte[] sideAndKey = e.getKey().array();
                byte side = sideAndKey[SIDE];
                UnsafeBuffer key = new UnsafeBuffer(sideAndKey);
                int keyLength = joinKeyLength(sideAndKey.length, false);
                long n = count(side, key, JOIN_KEY, keyLength);
                for (int index : e.getValue().descendingSet()) {
                    long last = n - 1;
                    long gone = store.find(rowKey(side, key, JOIN_KEY, keyLength, index), 0, rowKeyLength(keyLength));
                    if (index < last) {
                        long moving = store.find(rowKey(side, key, JOIN_KEY, keyLength, (int) last), 0, rowKeyLength(keyLength));
                        ensure(value, store.payloadLength(moving));
                        store.buffer(moving).getBytes(store.payloadOffset(moving), value, 0, store.payloadLength(moving));
                        int length = store.payloadLength(moving);
                        store.remove(moving);
                        store.put(rowKey(side, key, JOIN_KEY, keyLength, index), 0, rowKeyLength(keyLength), value, 0, length);
                    } else {
                        store.remove(gone);
                    }
                    n--;
                }
                count(side, key, JOIN_KEY, keyLength); // leaves the count key in stateKey
                long h = store.find(stateKey, 0, countKeyLength(keyLength));
                if (n == 0) {
                    store.remove(h);
                } else {
                    ensure(value, COUNT_LENGTH);
                    value.putLong(COUNT_VALUE, n);
                    store.put(stateKey, 0, countKeyLength(keyLength), value, 0, COUNT_LENGTH);
                }
            }
        }

        /** A left semi join's output: the left row alone. */
        private void emitLeftRow(RowReader left) {
            above.accept(left.buffer(), left.offset(), left.length());
        }

        private void emitUnmatched(byte side, RowReader row) {
            int len = side == LEFT ? writeJoined(row, null) : writeJoined(null, row);
            above.accept(joined.buffer(), 0, len);
        }

        private int writeJoined(RowReader left, RowReader right) {
            return joined.write(left, right);
        }
    }

    private static void ensure(UnsafeBuffer buffer, int capacity) {
        if (buffer.capacity() < capacity) {
            buffer.wrap(new byte[Math.max(capacity, buffer.capacity() * 2)]);
        }
    }

}

package io.tideway.microbatch.stateful;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.exec.HashAggregator;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.plan.SessionWindowExpand;
import io.tideway.engine.plan.UnaryNode;
import io.tideway.engine.state.StateStore;
import io.tideway.engine.state.StateStoreProvider;
import io.tideway.offheap.map.Murmur3Hash;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An aggregation grouped by {@code session_window} (Spark's session window aggregation). Each
 * row's session {@code [t, t + gap)} is partially aggregated per task, shuffled by the other
 * grouping columns, and merged in the partition's state with that group's sessions: sessions
 * that overlap or touch ({@code next.start <= current.end}) become one, their aggregates merged. State per
 * group: {@code [count][start, end, aggregate words]...}. Append mode emits a session once the
 * watermark passes its end and forgets it; complete mode emits every session. Update mode is
 * rejected at start(), as in Spark.
 */
public final class SessionAggregationStage implements StatefulStage {
    private final Aggregate aggregate;
    private final EvalContext ctx;
    private final OutputMode mode;
    /** Index of the session column among the grouping columns. */
    private final int sessionIndex;
    /** Whether the session's end is bounded by a watermark. */
    private final boolean watermarked;

    public SessionAggregationStage(Aggregate aggregate, EvalContext ctx, OutputMode mode) {
        this.aggregate = aggregate;
        this.ctx = ctx;
        this.mode = mode;
        this.sessionIndex = sessionGroupingIndex(aggregate);
        if (aggregate.grouping().size() == 1) {
            // Spark's AggUtils refuses it when it plans the first batch: sessions are merged per
            // group, and a session window alone leaves no group to shuffle by.
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_3068", Map.of()));
        }
        this.watermarked = AggregationStage.watermarkGroupingIndex(aggregate) == sessionIndex;
        for (Expression o : aggregate.outputs()) {
            AggregateFunction f = Aggregate.aggregateOf(o);
            if (f != null && f.variableWidth()) { // a session's state is a fixed array of words
                throw Unchecked.raise(new AnalysisException(f.sql() + " over " + f.dataType().simpleString()
                        + " in a session window is not supported yet: Tideway merges sessions of fixed-width values only"));
            }
        }
    }

    /** The grouping column made by {@code session_window}, or -1. */
    public static int sessionGroupingIndex(Aggregate aggregate) {
        return AggregationStage.groupingIndexWithMetadata(aggregate, SessionWindowExpand.SESSION_KEY);
    }

    @Override
    public UnaryNode node() {
        return aggregate;
    }

    @Override
    public String operatorName() {
        return "sessionWindowStateStoreSave";
    }

    /** Spark keeps one state row per session: the sessions of every group, counted from their headers. */
    @Override
    public long numRowsTotal(StateStore store) {
        long sessions = 0;
        LongArrayList handles = store.allHandles();
        for (int i = 0; i < handles.size(); i++) {
            long h = handles.getLong(i);
            sessions += store.buffer(h).getInt(store.payloadOffset(h));
        }
        return sessions;
    }

    @Override
    public boolean wantsBatchWithoutData(long nowMs, long watermarkMs, long lastBatchWatermarkMs) {
        return watermarked && mode == OutputMode.Append() && watermarkMs > lastBatchWatermarkMs;
    }

    @Override
    public MapSide mapSide(Shuffle shuffle, io.tideway.engine.plan.LogicalPlan input) {
        return new PartialSessions(shuffle);
    }

    /** Folds a task's rows into partial aggregates per (group, own session); shuffles them by group. */
    private final class PartialSessions implements MapSide {
        private final HashAggregator aggregator = new HashAggregator(aggregate, ctx);
        private final StateStoreProvider local = StateStoreProvider.inMemory();
        private final StateStore partial = local.load(0);
        private final RowReader in = new RowReader(aggregate.child().schema().length());
        private final int sessionInput = ((BoundReference) aggregate.grouping().get(sessionIndex)).ordinal();
        private final EventTimeColumn end = new EventTimeColumn(sessionInput, true);
        private final long lateWatermarkMs = ctx.lateEventsWatermarkMs();
        private final GroupKey group = new GroupKey();
        private final RowReader pair = new RowReader(2);
        private final RowReader key = new RowReader(aggregate.grouping().size());
        private final Shuffle shuffle;
        private long dropped;

        PartialSessions(Shuffle shuffle) {
            this.shuffle = shuffle;
        }

        @Override
        public void accept(DirectBuffer buffer, int offset, int length) {
            if (watermarked && mode != OutputMode.Complete()
                    && EventTimeColumn.isLate(end.micros(in.wrap(buffer, offset, length)), lateWatermarkMs)) {
                dropped++;
                return;
            }
            aggregator.update(partial, buffer, offset, length);
        }

        @Override
        public void finish() {
            try {
                aggregator.exportPartials(partial, (ignored, row, o, l) -> {
                    pair.wrap(row, o, l);
                    key.wrap(row, pair.varOffset(0), pair.varLength(0));
                    int groupLength = group.build(key);
                    shuffle.add(Murmur3Hash.hash(group.buffer(), 0, groupLength), row, o, l);
                });
            } finally {
                local.close();
            }
        }

        @Override
        public long droppedByWatermark() {
            return dropped;
        }
    }

    /** The grouping key without the session column: what a group's sessions share. One per task. */
    private final class GroupKey {
        private final GrowableBuffer memory = new GrowableBuffer(64);
        private final RowWriter writer = new RowWriter(Math.max(1, aggregate.grouping().size() - 1));
        private final boolean[] fixed = new boolean[aggregate.grouping().size()];

        GroupKey() {
            for (int g = 0; g < fixed.length; g++) {
                fixed[g] = aggregate.grouping().get(g).dataType().isFixedWidth();
            }
        }

        int build(RowReader key) {
            writer.wrap(memory.buffer(), 0, memory);
            int to = 0;
            for (int g = 0; g < fixed.length; g++) {
                if (g == sessionIndex) {
                    continue;
                }
                if (key.isNullAt(g)) {
                    writer.setNull(to);
                } else if (fixed[g]) {
                    writer.putLong(to, key.getLong(g));
                } else {
                    writer.putBytes(to, key.buffer(), key.varOffset(g), key.varLength(g));
                }
                to++;
            }
            return writer.finish();
        }

        DirectBuffer buffer() {
            return memory.buffer();
        }
    }

    /** One session of a group: its bounds and aggregate words. */
    private record Session(long start, long end, UnsafeBuffer words) {
    }

    @Override
    public long reduce(StateStore store, List<RowArena> input, Operator above, OutputMode outputMode, long watermarkMs) {
        HashAggregator aggregator = new HashAggregator(aggregate, ctx);
        int wordBytes = aggregator.payloadLength();
        GroupKey group = new GroupKey();
        RowReader pair = new RowReader(2);
        RowReader key = new RowReader(aggregate.grouping().size());
        RowReader session = new RowReader(2);
        Map<ByteBuffer, List<Session>> fresh = new LinkedHashMap<>();
        for (RowArena a : input) {
            a.forEach((b, o, l) -> {
                pair.wrap(b, o, l);
                key.wrap(b, pair.varOffset(0), pair.varLength(0));
                int groupLength = group.build(key);
                byte[] g = new byte[groupLength];
                group.buffer().getBytes(0, g);
                ByteBuffer id = ByteBuffer.wrap(g);
                key.getStruct(sessionIndex, session);
                byte[] words = new byte[wordBytes];
                b.getBytes(pair.varOffset(1), words);
                fresh.computeIfAbsent(id, x -> new ArrayList<>()).add(new Session(session.getLong(0), session.getLong(1),
                        new UnsafeBuffer(words)));
            });
        }
        for (Map.Entry<ByteBuffer, List<Session>> e : fresh.entrySet()) {
            byte[] g = e.getKey().array();
            UnsafeBuffer groupBuffer = new UnsafeBuffer(g);
            long h = store.find(groupBuffer, 0, g.length);
            List<Session> all = h == StateStore.NO_HANDLE ? new ArrayList<>() : read(store, h, wordBytes);
            all.addAll(e.getValue());
            List<Session> merged = merge(all, aggregator);
            write(store, groupBuffer, g.length, merged, wordBytes);
        }
        SessionEmitter emitter = new SessionEmitter(aggregator, above);
        // Emission walks every group: complete mode shows all sessions, append mode those the watermark closed.
        LongArrayList handles = store.allHandles();
        List<byte[]> groups = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            long h = handles.getLong(i);
            byte[] g = new byte[store.keyLength(h)];
            store.buffer(h).getBytes(store.keyOffset(h), g);
            groups.add(g);
        }
        for (byte[] g : groups) {
            UnsafeBuffer groupBuffer = new UnsafeBuffer(g);
            long h = store.find(groupBuffer, 0, g.length);
            List<Session> sessions = read(store, h, wordBytes);
            if (outputMode == OutputMode.Complete()) {
                for (Session s : sessions) {
                    emitter.emit(g, s);
                }
                continue;
            }
            List<Session> open = new ArrayList<>();
            for (Session s : sessions) {
                if (watermarked && EventTimeColumn.isLate(s.end(), watermarkMs)) {
                    emitter.emit(g, s);
                } else {
                    open.add(s);
                }
            }
            if (open.isEmpty()) {
                store.remove(h);
            } else if (open.size() != sessions.size()) {
                write(store, groupBuffer, g.length, open, wordBytes);
            }
        }
        return 0;
    }

    /** Sorts by start and merges overlapping or touching sessions ([0, 10) and [10, 20) too, as Spark), folding their aggregates together. */
    private static List<Session> merge(List<Session> sessions, HashAggregator aggregator) {
        sessions.sort(Comparator.comparingLong(Session::start));
        List<Session> out = new ArrayList<>();
        Session current = null;
        for (Session s : sessions) {
            if (current != null && s.start() <= current.end()) {
                aggregator.mergePayload(current.words(), 0, s.words(), 0);
                current = new Session(current.start(), Math.max(current.end(), s.end()), current.words());
                out.set(out.size() - 1, current);
            } else {
                current = new Session(s.start(), s.end(), copy(s.words()));
                out.add(current);
            }
        }
        return out;
    }

    private static UnsafeBuffer copy(UnsafeBuffer words) {
        byte[] b = new byte[words.capacity()];
        words.getBytes(0, b);
        return new UnsafeBuffer(b);
    }

    private static List<Session> read(StateStore store, long h, int wordBytes) {
        DirectBuffer page = store.buffer(h);
        int at = store.payloadOffset(h);
        int n = page.getInt(at);
        List<Session> out = new ArrayList<>(n);
        int pos = at + 8;
        for (int i = 0; i < n; i++) {
            byte[] words = new byte[wordBytes];
            page.getBytes(pos + 16, words);
            out.add(new Session(page.getLong(pos), page.getLong(pos + 8), new UnsafeBuffer(words)));
            pos += 16 + wordBytes;
        }
        return out;
    }

    private static void write(StateStore store, DirectBuffer group, int groupLength, List<Session> sessions, int wordBytes) {
        UnsafeBuffer value = new UnsafeBuffer(new byte[8 + sessions.size() * (16 + wordBytes)]);
        value.putInt(0, sessions.size());
        int pos = 8;
        for (Session s : sessions) {
            value.putLong(pos, s.start());
            value.putLong(pos + 8, s.end());
            value.putBytes(pos + 16, s.words(), 0, wordBytes);
            pos += 16 + wordBytes;
        }
        store.put(group, 0, groupLength, value, 0, value.capacity());
    }

    /** Builds result rows: the grouping columns in order with the session struct in its place, then the aggregates. */
    private final class SessionEmitter {
        private final HashAggregator aggregator;
        private final Operator above;
        private final GrowableBuffer keyMemory = new GrowableBuffer(128);
        private final RowWriter fullKey = new RowWriter(aggregate.grouping().size());
        private final RowReader groupReader = new RowReader(Math.max(1, aggregate.grouping().size() - 1));
        private final UnsafeBuffer structBytes = new UnsafeBuffer(new byte[64]);
        private final RowWriter struct = new RowWriter(2);

        SessionEmitter(HashAggregator aggregator, Operator above) {
            this.aggregator = aggregator;
            this.above = above;
        }

        void emit(byte[] group, Session s) {
            groupReader.wrap(new UnsafeBuffer(group), 0, group.length);
            fullKey.wrap(keyMemory.buffer(), 0, keyMemory);
            int from = 0;
            for (int g = 0; g < aggregate.grouping().size(); g++) {
                if (g == sessionIndex) {
                    struct.wrap(structBytes, 0);
                    struct.putLong(0, s.start());
                    struct.putLong(1, s.end());
                    fullKey.putBytes(g, structBytes, 0, struct.finish());
                    continue;
                }
                DataType t = aggregate.grouping().get(g).dataType();
                if (groupReader.isNullAt(from)) {
                    fullKey.setNull(g);
                } else if (t.isFixedWidth()) {
                    fullKey.putLong(g, groupReader.getLong(from));
                } else {
                    fullKey.putBytes(g, groupReader.buffer(), groupReader.varOffset(from), groupReader.varLength(from));
                }
                from++;
            }
            int keyLength = fullKey.finish();
            aggregator.emitRow(keyMemory.buffer(), 0, keyLength, s.words(), 0, above);
        }
    }
}

package io.tideway.engine.exec;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.map.Murmur3Hash;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

/**
 * Updates aggregation state in a {@link StateStore}: one entry per grouping key whose payload
 * is the aggregates' running words, updated in place; then emits result rows (grouping columns
 * and final values, in the Aggregate's output order). One per task; no allocation per row.
 * Variable-width aggregates (min/max of strings) keep their values after the fixed words, in
 * {@link HeldValues}; a payload then has no fixed length.
 */
public final class HashAggregator {
    private final Aggregate aggregate;
    private final KeyBuilder keys;
    private final AggregateFunction[] functions;
    /** Per function, the evaluators of its {@link AggregateFunction#inputs()}. */
    private final Evaluator[][] inputs;
    private final int[] wordOffsets;
    /** Per function, its index in {@link #held}, or -1 for a fixed-width function. */
    private final int[] heldIndex;
    private final HeldValues held;
    private final int payloadLength;
    private final UnsafeBuffer initial;
    private final RowReader in;
    private final RowReader key;
    private final int[] outputSource;
    private final RowScratch out;
    private final RowReader partialIn = new RowReader(2);
    private final RowScratch partialOut = new RowScratch(2);

    public HashAggregator(Aggregate aggregate, EvalContext ctx) {
        this.aggregate = aggregate;
        this.keys = new KeyBuilder(aggregate.grouping(), ctx);
        List<Expression> outputs = aggregate.outputs();
        this.outputSource = new int[outputs.size()];
        int nFunctions = 0;
        for (Expression o : outputs) {
            nFunctions += Aggregate.aggregateOf(o) != null ? 1 : 0;
        }
        functions = new AggregateFunction[nFunctions];
        inputs = new Evaluator[nFunctions][];
        wordOffsets = new int[nFunctions];
        heldIndex = new int[nFunctions];
        int nHeld = 0;
        int f = 0;
        int words = 0;
        int g = 0;
        for (int i = 0; i < outputs.size(); i++) {
            AggregateFunction fn = Aggregate.aggregateOf(outputs.get(i));
            if (fn == null) {
                outputSource[i] = g++; // grouping column g of the key
            } else {
                functions[f] = fn;
                List<Expression> fnInputs = fn.inputs();
                inputs[f] = new Evaluator[fnInputs.size()];
                for (int k = 0; k < fnInputs.size(); k++) {
                    inputs[f][k] = fnInputs.get(k).evaluator(ctx);
                }
                wordOffsets[f] = words * 8;
                words += fn.bufferWords();
                heldIndex[f] = fn.variableWidth() ? nHeld++ : -1;
                outputSource[i] = -1 - f;
                f++;
            }
        }
        payloadLength = words * 8;
        AggregateFunction[] heldFunctions = new AggregateFunction[nHeld];
        int[] lengthWords = new int[nHeld];
        for (int i = 0; i < nFunctions; i++) {
            if (heldIndex[i] >= 0) {
                heldFunctions[heldIndex[i]] = functions[i];
                lengthWords[heldIndex[i]] = wordOffsets[i];
            }
        }
        held = new HeldValues(heldFunctions, lengthWords, payloadLength);
        initial = new UnsafeBuffer(new byte[Math.max(8, payloadLength)]);
        for (int i = 0; i < functions.length; i++) {
            functions[i].initialize(initial, wordOffsets[i]);
        }
        in = new RowReader(aggregate.child().schema().length());
        key = new RowReader(aggregate.grouping().size());
        out = new RowScratch(outputs.size());
    }

    public Aggregate aggregate() {
        return aggregate;
    }

    /** Folds one input row into its group's state. */
    public void update(StateStore store, DirectBuffer buffer, int offset, int length) {
        in.wrap(buffer, offset, length);
        keys.build(in);
        long h = store.upsert(keys.buffer(), 0, keys.length(), initial, 0, payloadLength);
        MutableDirectBuffer page = store.buffer(h);
        int base = store.payloadOffset(h);
        for (int i = 0; i < functions.length; i++) {
            Evaluator[] e = inputs[i];
            for (Evaluator k : e) {
                k.eval(in);
            }
            if (heldIndex[i] < 0) {
                functions[i].update(page, base + wordOffsets[i], e);
            }
        }
        for (int i = 0; i < functions.length && !held.isEmpty(); i++) {
            if (heldIndex[i] >= 0) {
                h = held.update(store, h, keys.buffer(), 0, keys.length(), heldIndex[i], inputs[i]);
            }
        }
    }

    /**
     * Folds a partial aggregate (a row made by {@link #exportPartials}: key bytes, state words)
     * into the group's state: the reduce side of partial aggregation.
     */
    public void merge(StateStore store, DirectBuffer buffer, int offset, int length) {
        partialIn.wrap(buffer, offset, length);
        long h = store.upsert(buffer, partialIn.varOffset(0), partialIn.varLength(0), initial, 0, payloadLength);
        MutableDirectBuffer page = store.buffer(h);
        int base = store.payloadOffset(h);
        int src = partialIn.varOffset(1);
        for (int i = 0; i < functions.length; i++) {
            if (heldIndex[i] < 0) {
                functions[i].merge(page, base + wordOffsets[i], buffer, src + wordOffsets[i]);
            }
        }
        for (int v = 0; v < held.size(); v++) {
            h = held.merge(store, h, buffer, partialIn.varOffset(0), partialIn.varLength(0), v,
                    buffer, held.offset(buffer, src, v), held.length(buffer, src, v));
        }
    }

    /** Bytes of the aggregate words of one group. */
    public int payloadLength() {
        if (!held.isEmpty()) {
            throw new IllegalStateException("variable-width aggregates have no fixed payload length");
        }
        return payloadLength;
    }

    /** Whether some aggregate keeps a value of no fixed width (min/max of a string). */
    public boolean hasVariableWidthState() {
        return !held.isEmpty();
    }

    /** Folds the aggregate words at {@code src} into those at {@code dst} (merging two sessions). */
    public void mergePayload(MutableDirectBuffer dst, int dstOffset, DirectBuffer src, int srcOffset) {
        for (int i = 0; i < functions.length; i++) {
            functions[i].merge(dst, dstOffset + wordOffsets[i], src, srcOffset + wordOffsets[i]);
        }
    }

    /** Receives one group's partial state during {@link #exportPartials}. */
    @FunctionalInterface
    public interface PartialSink {
        void accept(int keyHash, DirectBuffer row, int offset, int length);
    }

    /**
     * Hands every group of a task-local {@code partial} store to {@code sink} as a two-field row
     * (key bytes, state words) with the key's hash, which picks its shuffle partition.
     */
    public void exportPartials(StateStore partial, PartialSink sink) {
        partial.forEach((buf, ko, kl, po, pl) -> exportPartial(buf, ko, kl, buf, po, pl, sink));
    }

    /** Hands one group's partial state to {@code sink}, as {@link #exportPartials} does for each. */
    public void exportPartial(DirectBuffer keyBuffer, int keyOffset, int keyLength, DirectBuffer payload,
                              int payloadOffset, int payloadLength, PartialSink sink) {
        RowWriter w = partialOut.begin();
        w.putBytes(0, keyBuffer, keyOffset, keyLength);
        w.putBytes(1, payload, payloadOffset, payloadLength);
        sink.accept(Murmur3Hash.hash(keyBuffer, keyOffset, keyLength), partialOut.buffer, 0, w.finish());
    }

    /** The aggregate words of a group that has seen no row. */
    public DirectBuffer initialPayload() {
        return initial;
    }

    /**
     * Folds the row {@code row} wraps into the aggregate words at {@code base} of {@code page}:
     * {@link #update} for a group already found, when no aggregate is variable-width.
     */
    public void updateWords(MutableDirectBuffer page, int base, RowReader row) {
        for (int i = 0; i < functions.length; i++) {
            Evaluator[] e = inputs[i];
            for (Evaluator k : e) {
                k.eval(row);
            }
            functions[i].update(page, base + wordOffsets[i], e);
        }
    }

    /** Emits the groups this batch updated (update mode) or all groups (complete mode). */
    public void emit(StateStore store, boolean onlyUpdated, Operator downstream) {
        if (onlyUpdated) {
            var handles = store.updatedHandles();
            for (int i = 0; i < handles.size(); i++) {
                long h = handles.getLong(i);
                if (!store.isLive(h)) {
                    continue; // moved by a larger held value; its new handle is listed too
                }
                emitOne(store.buffer(h), store.keyOffset(h), store.keyLength(h), store.payloadOffset(h), downstream);
            }
        } else {
            store.forEach((buf, ko, kl, po, pl) -> emitOne(buf, ko, kl, po, downstream));
        }
    }

    /**
     * Emits the one row of a global aggregate (no grouping columns) that saw no input: each
     * function's result over nothing ({@code count} 0, {@code sum} null), as Spark's.
     */
    public void emitEmpty(Operator downstream) {
        emitRow(initial, 0, 0, initial, 0, downstream);
    }

    /** Emits one group's result row. */
    public void emitEntry(StateStore store, long handle, Operator downstream) {
        emitOne(store.buffer(handle), store.keyOffset(handle), store.keyLength(handle), store.payloadOffset(handle), downstream);
    }

    private void emitOne(DirectBuffer buf, int keyOffset, int keyLength, int payloadOffset, Operator downstream) {
        emitRow(buf, keyOffset, keyLength, buf, payloadOffset, downstream);
    }

    /** Emits the result row of a grouping key and aggregate words held in separate buffers. */
    public void emitRow(DirectBuffer keyBuffer, int keyOffset, int keyLength, DirectBuffer payload, int payloadOffset,
                        Operator downstream) {
        DirectBuffer buf = payload;
        key.wrap(keyBuffer, keyOffset, keyLength);
        RowWriter w = out.begin();
        for (int i = 0; i < outputSource.length; i++) {
            int s = outputSource[i];
            if (s >= 0) {
                copyKeyField(s, w, i);
            } else {
                int f = -1 - s;
                if (heldIndex[f] >= 0) {
                    held.write(buf, payloadOffset, heldIndex[f], w, i);
                } else {
                    functions[f].writeResult(buf, payloadOffset + wordOffsets[f], w, i);
                }
            }
        }
        downstream.accept(out.buffer, 0, w.finish());
    }

    private void copyKeyField(int from, RowWriter w, int to) {
        if (key.isNullAt(from)) {
            w.setNull(to);
        } else if (aggregate.grouping().get(from).dataType().isFixedWidth()) {
            w.putLong(to, key.getLong(from));
        } else {
            w.putBytes(to, key.buffer(), key.varOffset(from), key.varLength(from));
        }
    }
}

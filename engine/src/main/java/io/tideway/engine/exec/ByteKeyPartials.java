package io.tideway.engine.exec;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.plan.Aggregate;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;

/**
 * Partial aggregation grouped by one string or binary column with fixed-width aggregates (a word
 * count's {@code groupBy(word).count()}): the column's bytes are hashed and compared where they
 * lie in the input row ({@link ByteKeyTable}), the aggregate words updated in place, and a key
 * row is built only when a group is handed over, the same bytes {@link KeyBuilder} would build.
 * Hands its groups over and starts afresh once they take {@link #FLUSH_BYTES}. Task thread only.
 */
final class ByteKeyPartials implements PartialAggregator, ValueSink {
    /** Bytes of groups held before they are handed over early, bounding a task's memory. */
    static final int FLUSH_BYTES = 64 << 20;

    private final HashAggregator aggregator;
    private final int keyOrdinal;
    private final DirectBuffer initial;
    private final ByteKeyTable table;
    private final RowReader in;
    private final RowScratch key = new RowScratch(1);
    private final HashAggregator.PartialSink sink;
    private final int payloadLength;
    private final int flushBytes;
    /** Whether the input is the key alone and every aggregate reads a literal ({@code count(*)}): {@link #acceptValue}. */
    private final boolean keyOnly;

    ByteKeyPartials(Aggregate aggregate, EvalContext ctx, HashAggregator.PartialSink sink) {
        this(aggregate, ctx, sink, FLUSH_BYTES);
    }

    /** @param flushBytes bytes of groups held before they are handed over early */
    ByteKeyPartials(Aggregate aggregate, EvalContext ctx, HashAggregator.PartialSink sink, int flushBytes) {
        this.flushBytes = flushBytes;
        this.aggregator = new HashAggregator(aggregate, ctx);
        this.keyOrdinal = ((BoundReference) aggregate.grouping().get(0)).ordinal();
        this.initial = aggregator.initialPayload();
        this.payloadLength = aggregator.payloadLength();
        this.table = new ByteKeyTable(payloadLength);
        this.in = new RowReader(aggregate.child().schema().length());
        this.sink = sink;
        this.keyOnly = keyOrdinal == 0 && aggregate.child().schema().length() == 1 && readsOnlyLiterals(aggregate);
    }

    private static boolean readsOnlyLiterals(Aggregate aggregate) {
        for (Expression o : aggregate.outputs()) {
            AggregateFunction fn = Aggregate.aggregateOf(o);
            if (fn != null && !fn.inputs().stream().allMatch(e -> e instanceof Literal)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the grouping is one string or binary column and no aggregate is variable-width. */
    static boolean supports(Aggregate aggregate) {
        if (aggregate.grouping().size() != 1 || !(aggregate.grouping().get(0) instanceof BoundReference r)) {
            return false;
        }
        DataType type = r.dataType();
        if (type != DataTypes.StringType && type != DataTypes.BinaryType) {
            return false;
        }
        for (Expression o : aggregate.outputs()) {
            AggregateFunction fn = Aggregate.aggregateOf(o);
            if (fn != null && fn.variableWidth()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        RowReader row = in.wrap(buffer, offset, length);
        int at;
        if (row.isNullAt(keyOrdinal)) {
            at = table.upsertNull(initial);
        } else {
            int keyOffset = row.varOffset(keyOrdinal);
            int keyLength = row.varLength(keyOrdinal);
            at = table.upsert(buffer, keyOffset, keyLength, ByteKeyTable.hash(buffer, keyOffset, keyLength), initial);
        }
        aggregator.updateWords(table.buffer(), at, row);
        if (table.arenaBytes() > flushBytes) {
            handOver();
        }
    }

    @Override
    public boolean acceptsValues() {
        return keyOnly;
    }

    /** The row of the key alone, non-null; the aggregates read only literals, so the row is never read. */
    @Override
    public void acceptValue(DirectBuffer buffer, int offset, int length) {
        int at = table.upsert(buffer, offset, length, ByteKeyTable.hash(buffer, offset, length), initial);
        aggregator.updateWords(table.buffer(), at, in);
        if (table.arenaBytes() > flushBytes) {
            handOver();
        }
    }

    @Override
    public void finish() {
        handOver();
    }

    private void handOver() {
        table.forEach((buf, keyOffset, keyLength, payloadOffset) -> {
            RowWriter w = key.begin();
            if (keyLength < 0) {
                w.setNull(0);
            } else {
                w.putBytes(0, buf, keyOffset, keyLength);
            }
            aggregator.exportPartial(key.buffer, 0, w.finish(), buf, payloadOffset, payloadLength, sink);
        });
        table.clear();
    }
}

package io.tideway.engine.exec;

import io.tideway.engine.expr.ByteRangeArray;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Explode;
import io.tideway.engine.expr.GeneratorRows;
import io.tideway.engine.expr.fn.SplitKernels;
import io.tideway.engine.plan.Generate;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import org.agrona.DirectBuffer;

/**
 * A generator's rows ({@code explode}, {@code posexplode}, {@code stack}, ...): per input row,
 * one output row per generated row, holding the input's required fields then the generator's
 * columns; an outer generator gives one row of nulls when it gives none. When a plain
 * {@code explode}'s array can give its elements as byte ranges ({@link ByteRangeArray}, e.g.
 * {@code split} on one character), each element is copied once, from where it lies into the
 * output row, and the array is never built; when the element is the whole output row and the next
 * link is a {@link ValueSink} that takes values, it is handed over where it lies, not copied.
 */
final class GenerateOperator implements Operator {
    /** The generator's rows, or null when {@link #ranges} gives them. */
    private final GeneratorRows rows;
    /** The elements as byte ranges ({@code split} on one character, exploded), or null. */
    private final ByteRangeArray ranges;
    private final FieldCopier copier;
    /** The first of the generator's fields in an output row. */
    private final int first;
    private final int width;
    private final boolean outer;
    private final RowReader in;
    private final RowScratch out;
    private final Operator next;
    /** The next link when it takes the elements as values ({@link #ranges} only), else null. */
    private final ValueSink values;

    GenerateOperator(Generate g, EvalContext ctx, Operator next) {
        this.ranges = g.generator() instanceof Explode e && !e.position() ? SplitKernels.ranges(e.child(), ctx) : null;
        this.rows = ranges == null ? g.generator().rows(ctx) : null;
        this.copier = new FieldCopier(g.child().schema(), g.requiredChildOrdinals());
        this.first = g.requiredChildOrdinals().length;
        this.width = g.schema().length() - first;
        this.outer = g.generator().outer();
        this.in = new RowReader(g.child().schema().length());
        this.out = new RowScratch(first + width);
        this.next = next;
        this.values = ranges != null && first == 0 && width == 1 && next instanceof ValueSink v && v.acceptsValues()
                ? v : null;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        in.wrap(buffer, offset, length);
        if (ranges != null) {
            explodeRanges();
            return;
        }
        int n = rows.start(in);
        if (n == 0 && outer) {
            emitNulls();
            return;
        }
        for (int i = 0; i < n; i++) {
            RowWriter w = out.begin();
            copier.copy(in, w);
            rows.write(i, w, first);
            next.accept(out.buffer, 0, w.finish());
        }
    }

    private void emitNulls() {
        RowWriter w = out.begin();
        copier.copy(in, w);
        for (int f = first; f < first + width; f++) {
            w.setNull(f);
        }
        next.accept(out.buffer, 0, w.finish());
    }

    private void explodeRanges() {
        int n = ranges.evalRanges(in);
        if (n <= 0 && outer) {
            emitNulls();
            return;
        }
        if (values != null) {
            DirectBuffer words = ranges.rangeBuffer();
            for (int i = 0; i < n; i++) {
                values.acceptValue(words, ranges.rangeOffset(i), ranges.rangeLength(i));
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            RowWriter w = out.begin();
            copier.copy(in, w);
            w.putBytes(first, ranges.rangeBuffer(), ranges.rangeOffset(i), ranges.rangeLength(i));
            next.accept(out.buffer, 0, w.finish());
        }
    }

    @Override
    public void finish() {
        next.finish();
    }
}

package io.tideway.engine.exec;

import io.tideway.engine.expr.ByteRangeArray;
import io.tideway.engine.expr.fn.SplitKernels;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.plan.Generate;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;

/**
 * {@code explode}: one output row per array element: the input's fields plus the element;
 * {@code explode_outer} gives a row with a null element for a null or empty array. When the
 * array's evaluator can give its elements as byte ranges ({@link ByteRangeArray}, e.g. {@code split}
 * on one character), each element is copied once, from where it lies into the output row, and the
 * array is never built.
 */
final class GenerateOperator implements Operator {
    /** The array's evaluator, or null when {@link #ranges} gives its elements. */
    private final Evaluator array;
    /** The elements as byte ranges ({@code split} on one character), or null. */
    private final ByteRangeArray ranges;
    private final FieldCopier copier;
    private final int inputFields;
    private final int element;
    private final boolean fixedElement;
    private final boolean outer;
    private final RowReader in;
    private final ArrayReader elements = new ArrayReader();
    private final RowScratch out;
    private final Operator next;

    GenerateOperator(Generate g, EvalContext ctx, Operator next) {
        this.ranges = SplitKernels.ranges(g.generator().child(), ctx);
        this.array = ranges == null ? g.generator().child().evaluator(ctx) : null;
        this.copier = new FieldCopier(g.child().schema(), g.requiredChildOrdinals());
        this.inputFields = g.child().schema().length();
        this.element = g.requiredChildOrdinals().length;
        DataType elementType = g.generator().dataType();
        this.fixedElement = elementType.isFixedWidth();
        this.outer = g.generator().outer();
        this.in = new RowReader(inputFields);
        this.out = new RowScratch(element + 1);
        this.next = next;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        in.wrap(buffer, offset, length);
        if (ranges != null) {
            explodeRanges();
            return;
        }
        array.eval(in);
        if (!array.isNull) {
            elements.wrap(array.buf, array.off, array.len);
        }
        if (array.isNull || elements.count() == 0) {
            if (outer) {
                RowWriter w = out.begin();
                copier.copy(in, w);
                w.setNull(element);
                next.accept(out.buffer, 0, w.finish());
            }
            return;
        }
        for (int i = 0, n = elements.count(); i < n; i++) {
            RowWriter w = out.begin();
            copier.copy(in, w);
            if (elements.isNullAt(i)) {
                w.setNull(element);
            } else if (fixedElement) {
                w.putLong(element, elements.getLong(i));
            } else {
                w.putBytes(element, elements.buffer(), elements.varOffset(i), elements.varLength(i));
            }
            next.accept(out.buffer, 0, w.finish());
        }
    }

    private void explodeRanges() {
        int n = ranges.evalRanges(in);
        if (n <= 0 && outer) {
            RowWriter w = out.begin();
            copier.copy(in, w);
            w.setNull(element);
            next.accept(out.buffer, 0, w.finish());
            return;
        }
        for (int i = 0; i < n; i++) {
            RowWriter w = out.begin();
            copier.copy(in, w);
            w.putBytes(element, ranges.rangeBuffer(), ranges.rangeOffset(i), ranges.rangeLength(i));
            next.accept(out.buffer, 0, w.finish());
        }
    }

    @Override
    public void finish() {
        next.finish();
    }
}

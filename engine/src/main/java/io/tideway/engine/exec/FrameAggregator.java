package io.tideway.engine.exec;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.StructType;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

/**
 * One aggregate over a window frame: its running state (the function's words, or its held bytes
 * for a variable-width state such as {@code collect_list}) folded row by row, as the aggregation
 * operator folds a group, and read as a value after each row. A frame that only grows (up to the
 * current row) keeps its state from row to row; any other is refolded. Owned by one thread.
 */
final class FrameAggregator {
    private final AggregateFunction function;
    private final Evaluator[] inputs;
    private final boolean held;
    private final UnsafeBuffer words;
    private ExpandableArrayBuffer heldBytes = new ExpandableArrayBuffer(64);
    private ExpandableArrayBuffer spare = new ExpandableArrayBuffer(64);
    private int heldLength;
    private final RowReader reader;
    private final UnsafeBuffer row = new UnsafeBuffer(new byte[0]);
    private final RowScratch out = new RowScratch(1);
    private final RowConverter result;
    /** The frame the state holds, {@code [first, last]} of the partition's rows; empty when last < first. */
    private int first;
    private int last = -1;

    FrameAggregator(AggregateFunction function, int inputWidth, EvalContext ctx) {
        this.function = function;
        List<Expression> in = function.inputs();
        this.inputs = new Evaluator[in.size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = in.get(i).evaluator(ctx);
        }
        this.held = function.variableWidth();
        this.words = new UnsafeBuffer(new byte[Math.max(8, function.bufferWords() * 8)]);
        this.reader = new RowReader(inputWidth);
        this.result = new RowConverter(new StructType().add("v", function.dataType(), true));
    }

    /** The aggregate over rows {@code [lo, hi]} of {@code rows} (empty when hi < lo), reusing the state of the previous frame when it only grew. */
    Object over(List<WindowPartition.Input> rows, int lo, int hi, boolean newPartition) {
        if (newPartition || lo != first || hi < last) {
            reset(lo);
        }
        for (int i = Math.max(last + 1, lo); i <= hi; i++) {
            add(rows.get(i).bytes());
        }
        last = Math.max(last, hi);
        return value();
    }

    private void reset(int lo) {
        function.initialize(words, 0);
        heldLength = (int) AggregateFunction.NO_VALUE;
        first = lo;
        last = lo - 1;
    }

    private void add(byte[] bytes) {
        row.wrap(bytes);
        reader.wrap(row, 0, bytes.length);
        for (Evaluator e : inputs) {
            e.eval(reader);
        }
        if (!held) {
            function.update(words, 0, inputs);
            return;
        }
        int n = function.updateHeld(heldBytes, 0, heldLength, inputs, spare);
        if (n != AggregateFunction.UNCHANGED) {
            ExpandableArrayBuffer t = heldBytes;
            heldBytes = spare;
            spare = t;
            heldLength = n;
        }
    }

    private Object value() {
        RowWriter w = out.begin();
        if (held) {
            function.writeHeld(heldBytes, 0, heldLength, w, 0);
        } else {
            function.writeResult(words, 0, w, 0);
        }
        int length = w.finish();
        return result.toRow(out.buffer, 0, length).get(0);
    }
}

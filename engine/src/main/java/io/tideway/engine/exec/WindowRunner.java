package io.tideway.engine.exec;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.window.WindowExpression;
import io.tideway.engine.plan.Window;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.sql.SqlValueOrdering;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Computes a static {@link Window} as Spark's {@code WindowExec}: the child's rows sorted by
 * partition keys (ascending, nulls first) and ORDER BY keys, a stable sort so ties keep the child's
 * order; each partition's window columns computed ({@link WindowPartition}); the rows returned in
 * that order with the input's columns and the window columns. That is the order Spark shows for
 * data that fits one shuffle partition: adaptive execution coalesces the exchange's partitions
 * into one before the sort. Runs on the calling thread; holds the child's rows in memory.
 */
public final class WindowRunner {
    private WindowRunner() {
    }

    /** The window's result rows, in Spark's output order. */
    public static List<Row> run(Window window, EvalContext ctx) {
        RowConverter converter = new RowConverter(window.child().schema());
        List<WindowPartition.Input> rows = new ArrayList<>();
        BatchExecutor.materialize(window.child(), ctx, (buffer, offset, length) -> {
            byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            rows.add(new WindowPartition.Input(converter.toRow(buffer, offset, length), bytes));
        });
        Comparator<Row> partition = SqlValueOrdering.byOrders(window.partitionKeys());
        Comparator<Row> order = SqlValueOrdering.byOrders(window.orderKeys());
        rows.sort(Comparator.comparing(WindowPartition.Input::row, partition.thenComparing(order)));
        List<WindowExpression> windows = window.windows();
        FrameAggregator[] aggregators = new FrameAggregator[windows.size()];
        for (int i = 0; i < aggregators.length; i++) {
            if (windows.get(i).function() instanceof AggregateFunction f) {
                aggregators[i] = new FrameAggregator(f, window.child().schema().length(), ctx);
            }
        }
        Object[][] values = new Object[windows.size()][rows.size()];
        int start = 0;
        while (start < rows.size()) {
            int end = start + 1;
            while (end < rows.size() && partition.compare(rows.get(start).row(), rows.get(end).row()) == 0) {
                end++;
            }
            WindowPartition p = new WindowPartition(rows.subList(start, end), order, window.orderKeys());
            for (int i = 0; i < windows.size(); i++) {
                p.compute(windows.get(i), window.valueOrdinals(i), aggregators[i], values[i], start);
            }
            start = end;
        }
        List<Row> out = new ArrayList<>(rows.size());
        int width = window.width();
        for (int r = 0; r < rows.size(); r++) {
            Object[] v = new Object[width + windows.size()];
            Row in = rows.get(r).row();
            for (int c = 0; c < width; c++) {
                v[c] = in.get(c);
            }
            for (int i = 0; i < windows.size(); i++) {
                v[width + i] = values[i][r];
            }
            out.add(RowFactory.create(v));
        }
        return out;
    }
}

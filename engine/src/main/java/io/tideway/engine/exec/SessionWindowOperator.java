package io.tideway.engine.exec;

import io.tideway.engine.plan.SessionWindowExpand;
import io.tideway.offheap.row.RowReader;
import org.agrona.DirectBuffer;

/** Appends each row's own session {@code [t, t + gap)} ({@link SessionWindowExpand}). */
final class SessionWindowOperator implements Operator {
    private final int time;
    private final long gap;
    /** The per-row gap of a dynamic session window, or null. */
    private final io.tideway.engine.expr.Evaluator gapEval;
    private final boolean gapIsString;
    private String lastGapText;
    private long lastGapMicros;
    private final RowReader in;
    private final WindowColumnAppender out;
    private final Operator next;

    SessionWindowOperator(SessionWindowExpand node, io.tideway.engine.expr.EvalContext ctx, Operator next) {
        this.time = node.timeOrdinal();
        this.gap = node.window().gapMicros();
        var dynamic = node.window().gap();
        this.gapEval = dynamic == null ? null : dynamic.evaluator(ctx);
        this.gapIsString = dynamic != null && dynamic.dataType() == io.tideway.sql.types.DataTypes.StringType;
        this.in = new RowReader(node.child().schema().length());
        this.out = new WindowColumnAppender(node.child().schema());
        this.next = next;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        in.wrap(buffer, offset, length);
        if (in.isNullAt(time)) {
            return;
        }
        long t = in.getLong(time);
        long g = gapEval == null ? gap : rowGap();
        if (g <= 0) {
            return; // Spark drops rows whose dynamic gap is null or not positive
        }
        out.emit(in, t, t + g, next);
    }

    /** This row's gap in micros, or 0 when it has none; a repeated gap string is parsed once. */
    private long rowGap() {
        gapEval.eval(in);
        if (gapEval.isNull) {
            return 0;
        }
        if (!gapIsString) {
            return gapEval.l;
        }
        String text = gapEval.buf.getStringWithoutLengthUtf8(gapEval.off, gapEval.len);
        if (!text.equals(lastGapText)) {
            lastGapText = text;
            try {
                lastGapMicros = io.tideway.engine.util.Durations.parseInterval(text) * 1000L;
            } catch (IllegalArgumentException e) {
                lastGapMicros = 0;
            }
        }
        return lastGapMicros;
    }

    @Override
    public void finish() {
        next.finish();
    }
}

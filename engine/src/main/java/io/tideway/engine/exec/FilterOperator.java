package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowReader;
import org.agrona.DirectBuffer;

/** Passes on the rows whose condition is true (not false, not null), unchanged and uncopied. */
final class FilterOperator implements Operator {
    private final Evaluator condition;
    private final RowReader in;
    private final Operator next;

    FilterOperator(Expression condition, int inputFields, EvalContext ctx, Operator next) {
        this.condition = condition.evaluator(ctx);
        this.in = new RowReader(inputFields);
        this.next = next;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        condition.eval(in.wrap(buffer, offset, length));
        if (!condition.isNull && condition.l != 0) {
            next.accept(buffer, offset, length);
        }
    }

    @Override
    public void finish() {
        next.finish();
    }
}

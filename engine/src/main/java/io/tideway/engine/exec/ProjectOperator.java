package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.ValueWriter;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;

import java.util.List;

/** Computes one output row per input row from the projection's evaluators. No allocation per row. */
final class ProjectOperator implements Operator {
    private final Evaluator[] evaluators;
    private final DataType[] types;
    private final RowReader in;
    private final RowScratch out;
    private final Operator next;

    ProjectOperator(List<Expression> exprs, int inputFields, EvalContext ctx, Operator next) {
        this.evaluators = new Evaluator[exprs.size()];
        this.types = new DataType[exprs.size()];
        for (int i = 0; i < evaluators.length; i++) {
            evaluators[i] = exprs.get(i).evaluator(ctx);
            types[i] = exprs.get(i).dataType();
        }
        this.in = new RowReader(inputFields);
        this.out = new RowScratch(evaluators.length);
        this.next = next;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        in.wrap(buffer, offset, length);
        RowWriter w = out.begin();
        for (int i = 0; i < evaluators.length; i++) {
            Evaluator e = evaluators[i];
            e.eval(in);
            ValueWriter.write(e, types[i], w, i);
        }
        next.accept(out.buffer, 0, w.finish());
    }

    @Override
    public void finish() {
        next.finish();
    }
}

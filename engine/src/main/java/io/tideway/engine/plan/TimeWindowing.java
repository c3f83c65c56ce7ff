package io.tideway.engine.plan;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.SessionWindow;
import io.tideway.engine.expr.TimeWindow;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code TimeWindowing} and {@code SessionWindowing} rules with the checks Spark's
 * analyser makes of a window first: a resolved {@code window(...)} or {@code session_window(...)}
 * becomes an expansion of its input that appends the window column. Stateless.
 */
public final class TimeWindowing {
    /** The hidden column a time expression that is not a column of the input is computed into. */
    static final String TIME_EXPRESSION_COLUMN = "__window_time";

    private TimeWindowing() {
    }

    /** Whether {@code e} holds a time or session window. */
    public static boolean hasWindow(Expression e) {
        return e.exists(x -> x instanceof TimeWindow || x instanceof SessionWindow);
    }

    /**
     * {@code input} with the window {@code grouping} (a window, perhaps aliased) computes appended
     * as its last column: one row per window a row falls in.
     *
     * Throws Spark's {@code DATATYPE_MISMATCH} when the window's arguments
     *     are wrong, with the plan after {@code ;}, as Spark's {@code checkAnalysis} reports it
     */
    public static LogicalPlan expand(Expression grouping, LogicalPlan input) {
        Expression e = grouping instanceof Alias a ? a.child() : grouping;
        if (e instanceof SessionWindow sw) {
            check(sw.typeCheck(), input);
            LogicalPlan withTime = withTimeColumn(sw.timeColumn(), input);
            return new SessionWindowExpand(sw, timeOrdinal(sw.timeColumn(), withTime), withTime);
        }
        if (!(e instanceof TimeWindow w)) {
            throw Unchecked.raise(new AnalysisException("window() must be a grouping expression by itself, not inside "
                    + grouping.sql()));
        }
        check(w.typeCheck(), input);
        LogicalPlan withTime = withTimeColumn(w.timeColumn(), input);
        return new TimeWindowExpand(w, timeOrdinal(w.timeColumn(), withTime), withTime);
    }

    private static void check(TimeWindow.TypeMismatch mismatch, LogicalPlan plan) {
        if (mismatch != null) {
            throw Unchecked.raise(new ExtendedAnalysisException(mismatch.condition(), mismatch.parameters(), plan));
        }
    }

    /**
     * {@code input} when the window's time is one of its columns; otherwise {@code input} with
     * the time expression ({@code col("ts").cast("timestamp")}, a string cast implicitly)
     * computed into a hidden last column, since the expansion reads the time from a column.
     */
    private static LogicalPlan withTimeColumn(Expression time, LogicalPlan input) {
        if (time instanceof BoundReference) {
            return input;
        }
        StructType s = input.schema();
        List<Expression> columns = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            columns.add(Resolver.reference(s, i));
        }
        columns.add(new Alias(time, TIME_EXPRESSION_COLUMN));
        return new Project(columns, input);
    }

    private static int timeOrdinal(Expression time, LogicalPlan withTime) {
        return time instanceof BoundReference r ? r.ordinal() : withTime.schema().length() - 1;
    }
}

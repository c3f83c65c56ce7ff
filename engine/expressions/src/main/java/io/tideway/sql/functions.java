package io.tideway.sql;

import io.tideway.engine.expr.Average;
import io.tideway.engine.expr.Count;
import io.tideway.engine.expr.CurrentTimestamp;
import io.tideway.engine.expr.Explode;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.MinMax;
import io.tideway.engine.expr.Split;
import io.tideway.engine.expr.Sum;
import io.tideway.engine.expr.TimeWindow;
import io.tideway.engine.expr.fn.FunctionRegistry;
import io.tideway.engine.expr.sql.SqlExpressionParser;

/** Column functions, mirroring Spark's {@code org.apache.spark.sql.functions}. */
@SuppressWarnings("checkstyle:TypeName")
public final class functions {
    private functions() {
    }

    public static Column col(String name) {
        return new Column(name);
    }

    public static Column column(String name) {
        return new Column(name);
    }

    public static Column lit(Object value) {
        return Column.lit(value);
    }

    /** Parses a SQL expression such as {@code "v * 2 AS doubled"}. */
    public static Column expr(String sqlExpression) {
        return SqlExpressionParser.parseColumn(sqlExpression);
    }

    public static Column not(Column c) {
        return c.not();
    }

    /** The registry's function {@code name} over these columns: one definition for Java and SQL. */
    private static Column call(String name, Column... args) {
        Expression[] exprs = new Expression[args.length];
        for (int i = 0; i < args.length; i++) {
            exprs[i] = args[i].expr();
        }
        return new Column(FunctionRegistry.call(name, exprs));
    }

    // ---- sort orders ----

    public static Column asc(String columnName) {
        return col(columnName).asc();
    }

    public static Column asc_nulls_first(String columnName) {
        return col(columnName).asc_nulls_first();
    }

    public static Column asc_nulls_last(String columnName) {
        return col(columnName).asc_nulls_last();
    }

    public static Column desc(String columnName) {
        return col(columnName).desc();
    }

    public static Column desc_nulls_first(String columnName) {
        return col(columnName).desc_nulls_first();
    }

    public static Column desc_nulls_last(String columnName) {
        return col(columnName).desc_nulls_last();
    }

    // ---- string functions ----

    public static Column upper(Column e) {
        return call("upper", e);
    }

    public static Column lower(Column e) {
        return call("lower", e);
    }

    public static Column length(Column e) {
        return call("length", e);
    }

    public static Column char_length(Column str) {
        return call("char_length", str);
    }

    public static Column character_length(Column str) {
        return call("character_length", str);
    }

    public static Column ucase(Column str) {
        return call("ucase", str);
    }

    public static Column lcase(Column str) {
        return call("lcase", str);
    }

    // ---- end of string functions ----

    // ---- math functions ----
    // ---- end of math functions ----

    // ---- date and time functions ----
    // ---- end of date and time functions ----

    // ---- conditional, null and predicate functions ----
    // ---- end of conditional, null and predicate functions ----

    // ---- collection and JSON functions ----
    // ---- end of collection and JSON functions ----

    public static Column split(Column str, String pattern) {
        return split(str, pattern, -1);
    }

    public static Column split(Column str, String pattern, int limit) {
        return new Column(new Split(str.expr(), pattern, limit));
    }

    public static Column explode(Column array) {
        return new Column(new Explode(array.expr()));
    }

    public static Column current_timestamp() {
        return new Column(new CurrentTimestamp());
    }

    public static Column count(Column c) {
        if (c.expr() instanceof io.tideway.engine.expr.UnresolvedAttribute a && a.isStar()) {
            return new Column(new Count(Literal.of(1)));
        }
        return new Column(new Count(c.expr()));
    }

    public static Column count(String columnName) {
        return count(col(columnName));
    }

    public static Column sum(Column c) {
        return new Column(new Sum(c.expr()));
    }

    public static Column sum(String columnName) {
        return sum(col(columnName));
    }

    public static Column avg(Column c) {
        return new Column(new Average(c.expr()));
    }

    public static Column avg(String columnName) {
        return avg(col(columnName));
    }

    public static Column mean(Column c) {
        return avg(c);
    }

    public static Column min(Column c) {
        return new Column(new MinMax(c.expr(), false));
    }

    public static Column min(String columnName) {
        return min(col(columnName));
    }

    public static Column max(Column c) {
        return new Column(new MinMax(c.expr(), true));
    }

    public static Column max(String columnName) {
        return max(col(columnName));
    }

    /** Tumbling event-time windows of {@code windowDuration} (e.g. {@code "10 minutes"}). */
    public static Column window(Column timeColumn, String windowDuration) {
        return window(timeColumn, windowDuration, windowDuration, "0 seconds");
    }

    /** Sliding event-time windows: each row falls in {@code ceil(window / slide)} windows. */
    public static Column window(Column timeColumn, String windowDuration, String slideDuration) {
        return window(timeColumn, windowDuration, slideDuration, "0 seconds");
    }

    /**
     * Windows aligned to the epoch plus {@code startTime}, e.g. hourly windows starting at :15.
     * As in Spark, the durations are checked when a Dataset uses the column, not here.
     */
    public static Column window(Column timeColumn, String windowDuration, String slideDuration, String startTime) {
        return new Column(TimeWindow.call(timeColumn.expr(), windowDuration, slideDuration, startTime));
    }

    /**
     * Session windows: a row opens {@code [t, t + gapDuration)}; overlapping sessions of a group
     * merge. As in Spark, a gap that is no interval or not positive is not refused: every row
     * is dropped.
     */
    public static Column session_window(Column timeColumn, String gapDuration) {
        return session_window(timeColumn, lit(gapDuration));
    }

    /** Session windows with a per-row gap (a string column such as {@code "5 minutes"}, or an interval). */
    public static Column session_window(Column timeColumn, Column gapDuration) {
        return new Column(new io.tideway.engine.expr.SessionWindow(timeColumn.expr(), gapDuration.expr()));
    }
}

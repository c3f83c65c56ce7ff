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

    public static Column current_date() {
        return call("current_date");
    }

    public static Column curdate() {
        return call("curdate");
    }

    public static Column now() {
        return call("now");
    }

    public static Column unix_seconds(Column e) {
        return call("unix_seconds", e);
    }

    public static Column unix_millis(Column e) {
        return call("unix_millis", e);
    }

    public static Column unix_micros(Column e) {
        return call("unix_micros", e);
    }

    public static Column unix_date(Column e) {
        return call("unix_date", e);
    }

    public static Column date_from_unix_date(Column days) {
        return call("date_from_unix_date", days);
    }

    public static Column timestamp_seconds(Column e) {
        return call("timestamp_seconds", e);
    }

    public static Column timestamp_millis(Column e) {
        return call("timestamp_millis", e);
    }

    public static Column timestamp_micros(Column e) {
        return call("timestamp_micros", e);
    }

    public static Column year(Column e) {
        return call("year", e);
    }

    public static Column quarter(Column e) {
        return call("quarter", e);
    }

    public static Column month(Column e) {
        return call("month", e);
    }

    public static Column dayofmonth(Column e) {
        return call("dayofmonth", e);
    }

    public static Column day(Column e) {
        return call("day", e);
    }

    public static Column dayofweek(Column e) {
        return call("dayofweek", e);
    }

    public static Column weekday(Column e) {
        return call("weekday", e);
    }

    public static Column dayofyear(Column e) {
        return call("dayofyear", e);
    }

    public static Column weekofyear(Column e) {
        return call("weekofyear", e);
    }

    public static Column hour(Column e) {
        return call("hour", e);
    }

    public static Column minute(Column e) {
        return call("minute", e);
    }

    public static Column second(Column e) {
        return call("second", e);
    }

    public static Column datediff(Column end, Column start) {
        return call("datediff", end, start);
    }

    public static Column date_diff(Column end, Column start) {
        return call("date_diff", end, start);
    }

    public static Column last_day(Column e) {
        return call("last_day", e);
    }

    public static Column make_date(Column year, Column month, Column day) {
        return call("make_date", year, month, day);
    }

    public static Column date_add(Column start, int days) {
        return call("date_add", start, lit(days));
    }

    public static Column date_add(Column start, Column days) {
        return call("date_add", start, days);
    }

    public static Column date_sub(Column start, int days) {
        return call("date_sub", start, lit(days));
    }

    public static Column date_sub(Column start, Column days) {
        return call("date_sub", start, days);
    }

    public static Column add_months(Column startDate, int numMonths) {
        return call("add_months", startDate, lit(numMonths));
    }

    public static Column add_months(Column startDate, Column numMonths) {
        return call("add_months", startDate, numMonths);
    }
    public static Column current_timezone() {
        return call("current_timezone");
    }

    public static Column date_format(Column dateExpr, String format) {
        return call("date_format", dateExpr, lit(format));
    }

    public static Column from_unixtime(Column ut) {
        return call("from_unixtime", ut);
    }

    public static Column from_unixtime(Column ut, String f) {
        return call("from_unixtime", ut, lit(f));
    }

    public static Column to_timestamp(Column s) {
        return call("to_timestamp", s);
    }

    public static Column to_timestamp(Column s, String fmt) {
        return call("to_timestamp", s, lit(fmt));
    }

    public static Column try_to_timestamp(Column s) {
        return call("try_to_timestamp", s);
    }

    public static Column try_to_timestamp(Column s, Column format) {
        return call("try_to_timestamp", s, format);
    }

    public static Column to_date(Column e) {
        return call("to_date", e);
    }

    public static Column to_date(Column e, String fmt) {
        return call("to_date", e, lit(fmt));
    }

    public static Column unix_timestamp() {
        return call("unix_timestamp");
    }

    public static Column unix_timestamp(Column s) {
        return call("unix_timestamp", s);
    }

    public static Column unix_timestamp(Column s, String p) {
        return call("unix_timestamp", s, lit(p));
    }

    public static Column to_unix_timestamp(Column timeExp) {
        return call("to_unix_timestamp", timeExp);
    }

    public static Column to_unix_timestamp(Column timeExp, Column format) {
        return call("to_unix_timestamp", timeExp, format);
    }

    public static Column trunc(Column date, String format) {
        return call("trunc", date, lit(format));
    }

    public static Column date_trunc(String format, Column timestamp) {
        return call("date_trunc", lit(format), timestamp);
    }

    public static Column dateadd(Column start, Column days) {
        return call("dateadd", start, days);
    }

    // Spark's API names these; Tideway does not compute them yet, and the registry says so
    // ([UNRESOLVED_ROUTINE]) when a query uses one.

    public static Column localtimestamp() {
        return call("localtimestamp");
    }

    public static Column dayname(Column date) {
        return call("dayname", date);
    }

    public static Column monthname(Column date) {
        return call("monthname", date);
    }

    public static Column extract(Column field, Column source) {
        return call("extract", field, source);
    }

    public static Column date_part(Column field, Column source) {
        return call("date_part", field, source);
    }

    public static Column datepart(Column field, Column source) {
        return call("datepart", field, source);
    }

    public static Column months_between(Column end, Column start) {
        return call("months_between", end, start);
    }

    public static Column months_between(Column end, Column start, boolean roundOff) {
        return call("months_between", end, start, lit(roundOff));
    }

    public static Column next_day(Column date, String dayOfWeek) {
        return call("next_day", date, lit(dayOfWeek));
    }

    public static Column next_day(Column date, Column dayOfWeek) {
        return call("next_day", date, dayOfWeek);
    }

    public static Column make_timestamp(Column years, Column months, Column days, Column hours, Column mins, Column secs) {
        return call("make_timestamp", years, months, days, hours, mins, secs);
    }

    public static Column make_timestamp(Column years, Column months, Column days, Column hours, Column mins, Column secs,
            Column timezone) {
        return call("make_timestamp", years, months, days, hours, mins, secs, timezone);
    }

    public static Column timestamp_add(String unit, Column quantity, Column ts) {
        return call("timestampadd", lit(unit), quantity, ts);
    }

    public static Column timestamp_diff(String unit, Column start, Column end) {
        return call("timestampdiff", lit(unit), start, end);
    }

    public static Column from_utc_timestamp(Column ts, String tz) {
        return call("from_utc_timestamp", ts, lit(tz));
    }

    public static Column from_utc_timestamp(Column ts, Column tz) {
        return call("from_utc_timestamp", ts, tz);
    }

    public static Column to_utc_timestamp(Column ts, String tz) {
        return call("to_utc_timestamp", ts, lit(tz));
    }

    public static Column to_utc_timestamp(Column ts, Column tz) {
        return call("to_utc_timestamp", ts, tz);
    }

    public static Column convert_timezone(Column targetTz, Column sourceTs) {
        return call("convert_timezone", targetTz, sourceTs);
    }

    public static Column convert_timezone(Column sourceTz, Column targetTz, Column sourceTs) {
        return call("convert_timezone", sourceTz, targetTz, sourceTs);
    }

    public static Column window_time(Column windowColumn) {
        return call("window_time", windowColumn);
    }

    public static Column make_dt_interval(Column days) {
        return call("make_dt_interval", days);
    }

    public static Column make_dt_interval(Column days, Column hours, Column mins, Column secs) {
        return call("make_dt_interval", days, hours, mins, secs);
    }

    public static Column make_ym_interval(Column years) {
        return call("make_ym_interval", years);
    }

    public static Column make_ym_interval(Column years, Column months) {
        return call("make_ym_interval", years, months);
    }

    public static Column make_interval(Column years, Column months, Column weeks, Column days, Column hours, Column mins,
            Column secs) {
        return call("make_interval", years, months, weeks, days, hours, mins, secs);
    }

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

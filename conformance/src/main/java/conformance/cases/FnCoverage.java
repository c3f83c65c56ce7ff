package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * The functions no other class printed (issue 14's audit): the basic string functions (case,
 * length, trim, pad, repeat, overlay, translate, ascii/chr, concat_ws, elt, substr and their SQL
 * aliases, {@code Column.substr}), {@code bitwiseNOT}, {@code asc_nulls_first}, {@code sumDistinct}, and the functions
 * Spark has that Tideway does not (each call printed, so the difference shows).
 */
public final class FnCoverage {
    private FnCoverage() {
    }

    @Case
    public static void stringCaseAndLength(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, lower(col("s")), lcase(col("s")), ucase(col("s")), initcap(col("s")), char_length(col("s")),
                character_length(col("s")), len(col("s")), octet_length(col("s")), bit_length(col("s")), ascii(col("s")),
                chr(col("i")), chr(col("l")));
        showExpr(ctx, df, "lower(s)", "lcase(t)", "ucase(t)", "initcap('hello wORLD  x-y')", "char_length(s)",
                "character_length(t)", "len(s)", "octet_length(t)", "bit_length(t)", "ascii(t)", "chr(65)", "chr(-1)",
                "chr(256 + 66)", "char(97)", "length(i)", "lower(i)");
    }

    @Case
    public static void trimAndPad(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, trim(col("s")), ltrim(col("s")), rtrim(col("s")), trim(col("s"), " Sß"), ltrim(col("s"), "he"),
                rtrim(col("s"), "lo"), trim(col("s"), col("t")), ltrim(col("s"), col("t")), rtrim(col("s"), col("t")),
                btrim(col("s")), btrim(col("s"), col("t")), lpad(col("s"), 12, "*"), rpad(col("s"), 3, "xy"),
                lpad(col("t"), 4, "ab"), rpad(col("s"), col("i"), col("t")), lpad(col("s"), col("i"), lit("-")),
                lpad(col("s"), 4, new byte[] {65}), rpad(col("t"), 3, new byte[] {66, 67}));
        showExpr(ctx, df, "trim(s)", "trim(BOTH 'a' FROM t)", "trim(LEADING ' ' FROM s)", "trim(TRAILING ' ' FROM s)",
                "ltrim(s)", "rtrim(s)", "btrim('xxabcxx', 'x')", "lpad(s, 8, '.')", "rpad(s, 8)", "lpad(s, 0, 'x')",
                "lpad(s, -1, 'x')", "rpad(s, 10, '')", "lpad(t, i)");
    }

    @Case
    public static void repeatOverlayTranslate(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, repeat(col("t"), 3), repeat(col("s"), col("i")), overlay(col("s"), lit("XY"), lit(2)),
                overlay(col("s"), col("t"), lit(1), lit(0)), overlay(col("s"), lit("_"), col("i"), lit(2)),
                translate(col("s"), "lS", "L$"), translate(col("s"), "ab", "x"), concat_ws("-", col("s"), col("t")),
                concat_ws("", col("t"), col("t"), col("s")), concat_ws(",", array(col("s"), col("t")), col("t")),
                elt(lit(2), col("s"), col("t")), elt(col("i"), col("s"), col("t")), substr(col("s"), lit(2)),
                substr(col("s"), lit(-3), lit(2)), substr(col("s"), col("i"), lit(3)));
        showExpr(ctx, df, "repeat(t, 2)", "repeat(s, -1)", "overlay(s PLACING 'ab' FROM 3)", "overlay(s PLACING t FROM 2 FOR 4)",
                "overlay(s, 'Z', 1, 1)", "translate(s, 'SQL', 'sq')", "concat_ws('/', s, NULL, t)", "concat_ws(NULL, s, t)",
                "concat_ws('|')", "elt(1, 'a', 'b')", "elt(3, 'a', 'b')", "elt(i, s, t)", "substr(s, 2)", "substr(s, 0, 2)",
                "substr(s, -100, 102)");
    }

    @Case
    public static void substrFromFor(CaseContext ctx) {
        showExpr(ctx, table(ctx), "substr(s FROM 2 FOR 3)", "substring(s FROM 2)");
    }

    @Case
    public static void bitsOrderingAndDistinctSum(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, bitwiseNOT(col("i")), bitwiseNOT(col("l")));
        for (Row r : df.select(col("i"), col("s")).orderBy(asc_nulls_first("s")).collectAsList()) {
            ctx.println(r); // in order: the null first
        }
        for (Row r : df.select(col("i")).orderBy(asc_nulls_first("i")).collectAsList()) {
            ctx.println(r);
        }
        ctx.rows(df.union(df).agg(sumDistinct(col("i")), sumDistinct("l"), sum_distinct(col("d"))).collectAsList());
    }

    @Case
    public static void columnSubstrAndNullsFirst(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, col("s").substr(2, 3), col("s").substr(col("i"), lit(2)), col("s").substr(-3, 2));
        for (Row r : df.select(col("d"), col("t")).orderBy(col("t").asc_nulls_first(), col("d").desc()).collectAsList()) {
            ctx.println(r); // in order: the null first
        }
    }

    @Case
    public static void broadcastHint(CaseContext ctx) {
        Dataset<Row> left = table(ctx).select(col("i"), col("s"));
        Dataset<Row> right = table(ctx).select(col("i"), col("t"));
        ctx.rows(left.join(broadcast(right), "i").collectAsList());
        ctx.rows(broadcast(left).join(right, left.col("i").equalTo(right.col("i")), "left").collectAsList());
    }

    @Case
    public static void functionsTidewayLacks(CaseContext ctx) {
        Dataset<Row> df = table(ctx).select(col("i")).limit(2);
        showExpr(ctx, df, "spark_partition_id()", "input_file_name()", "monotonically_increasing_id()");
    }
}

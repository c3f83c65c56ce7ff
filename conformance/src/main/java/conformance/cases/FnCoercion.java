package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Implicit casts (type coercion) with and without ANSI mode: strings in aggregates, arithmetic and
 * comparisons, the type a union gives each column, and the common type of CASE, coalesce,
 * greatest, IN, array and map arguments.
 */
public final class FnCoercion {
    private FnCoercion() {
    }

    private static Dataset<Row> numbersAsText(CaseContext ctx) {
        return strings(ctx, "1", "2.5", null, " 3 ");
    }

    private static void ansi(CaseContext ctx, boolean on) {
        ctx.spark().conf().set("spark.sql.ansi.enabled", String.valueOf(on));
    }

    @Case
    public static void stringsInAggregates(CaseContext ctx) {
        showExpr(ctx, numbersAsText(ctx), "sum(s)", "avg(s)", "sum(s) + 1", "sum(cast(null as string))",
                "avg(null)", "sum(null)");
        show(ctx, numbersAsText(ctx), sum(col("s")), avg(col("s")), sum("s"), avg("s"));
        showExpr(ctx, strings(ctx, "1", "x"), "sum(s)", "avg(s)");
        showExpr(ctx, table(ctx), "sum(s)", "sum(b)");
    }

    @Case
    public static void stringsInAggregatesWithoutAnsi(CaseContext ctx) {
        ansi(ctx, false);
        showExpr(ctx, numbersAsText(ctx), "sum(s)", "avg(s)", "sum(null)");
        showExpr(ctx, strings(ctx, "1", "x"), "sum(s)", "avg(s)");
    }

    @Case
    public static void stringsInArithmetic(CaseContext ctx) {
        showExpr(ctx, numbersAsText(ctx), "s + 1", "1 + s", "s * 2", "s - 1.5", "s / 2", "s + cast(1 as double)",
                "s + 1L", "'1' + 1", "'1' + '2'", "'1.5' * 2", "s % 2", "-s");
        showExpr(ctx, strings(ctx, "x"), "s + 1", "'1' + s");
    }

    @Case
    public static void stringsInArithmeticWithoutAnsi(CaseContext ctx) {
        ansi(ctx, false);
        showExpr(ctx, numbersAsText(ctx), "s + 1", "1 + s", "s * 2", "s - 1.5", "s / 2", "s + cast(1 as double)",
                "s + 1L", "'1' + 1", "'1' + '2'", "'1.5' * 2", "s % 2");
        showExpr(ctx, strings(ctx, "x"), "s + 1", "'1' + s");
    }

    @Case
    public static void stringComparisons(CaseContext ctx) {
        showExpr(ctx, numbersAsText(ctx), "s = 1", "s > 1", "s < 2.6", "s = 2.5", "'1.0' = 1", "s = '1'",
                "s in (1, 3)", "s <=> 1");
        showExpr(ctx, strings(ctx, "x"), "s = 1", "s = true");
    }

    @Case
    public static void stringComparisonsWithoutAnsi(CaseContext ctx) {
        ansi(ctx, false);
        showExpr(ctx, numbersAsText(ctx), "s = 1", "s > 1", "s < 2.6", "s = 2.5", "'1.0' = 1", "s = '1'",
                "s <=> 1");
        showExpr(ctx, strings(ctx, "x"), "s = 1");
    }

    private static final StructType MIXED = new StructType()
            .add("i", DataTypes.IntegerType)
            .add("l", DataTypes.LongType)
            .add("d", DataTypes.DoubleType)
            .add("m", DataTypes.createDecimalType(5, 2))
            .add("s", DataTypes.StringType)
            .add("b", DataTypes.BooleanType)
            .add("dt", DataTypes.DateType)
            .add("ts", DataTypes.TimestampType);

    private static Dataset<Row> mixed(CaseContext ctx) {
        return table(ctx, MIXED,
                new Object[] {7, 10000000000L, 1.5, new BigDecimal("12.34"), "5", true, Date.valueOf("2024-03-15"),
                    ts("2024-03-15 10:30:00")},
                new Object[] {null, -4L, -0.25, null, null, false, null, null});
    }

    /** Prints the union's schema and its rows, sorted, or the error. */
    private static void union(CaseContext ctx, String label, java.util.function.Supplier<Dataset<Row>> u) {
        try {
            Dataset<Row> d = u.get();
            List<String> cols = new ArrayList<>();
            for (StructField f : d.schema().fields()) {
                cols.add(f.name() + " " + f.dataType().simpleString() + (f.nullable() ? "" : " not null"));
            }
            List<String> rows = new ArrayList<>();
            for (Row r : d.collectAsList()) {
                List<String> vals = new ArrayList<>();
                for (int i = 0; i < r.length(); i++) {
                    vals.add(Canonical.value(r.get(i)));
                }
                rows.add(String.join(",", vals));
            }
            java.util.Collections.sort(rows);
            ctx.println(label + " :: " + String.join(", ", cols) + " => " + String.join(" | ", rows));
        } catch (Exception e) {
            ctx.println(label + " => " + Canonical.error(e));
        }
    }

    @Case
    public static void unionWidensColumns(CaseContext ctx) {
        Dataset<Row> t = mixed(ctx);
        union(ctx, "int/bigint", () -> t.select("i").union(t.select("l")));
        union(ctx, "bigint/int", () -> t.select("l").union(t.select("i")));
        union(ctx, "int/double", () -> t.select("i").union(t.select("d")));
        union(ctx, "int/decimal", () -> t.select("i").union(t.select("m")));
        union(ctx, "decimal/double", () -> t.select("m").union(t.select("d")));
        union(ctx, "int/string", () -> t.select("i").union(t.select("s")));
        union(ctx, "string/double", () -> t.select("s").union(t.select("d")));
        union(ctx, "string/decimal", () -> t.select("s").union(t.select("m")));
        union(ctx, "date/timestamp", () -> t.select("dt").union(t.select("ts")));
        union(ctx, "string/date", () -> t.select("s").union(t.select("dt")));
        union(ctx, "null/int", () -> t.select(lit(null).as("n")).union(t.select("i")));
        union(ctx, "two columns", () -> t.select("i", "d").union(t.select("l", "i")));
        union(ctx, "unionAll", () -> t.select("i").unionAll(t.select("d")));
        union(ctx, "unionByName", () -> t.select(col("i").as("x"), col("s").as("y"))
                .unionByName(t.select(col("b").as("y"), col("d").as("x"))));
        union(ctx, "int/boolean", () -> t.select("i").union(t.select("b")));
        union(ctx, "date/int", () -> t.select("dt").union(t.select("i")));
        union(ctx, "array<int>/array<bigint>", () -> t.select(array(col("i")).as("a")).union(t.select(array(col("l")))));
    }

    @Case
    public static void unionWidensColumnsWithoutAnsi(CaseContext ctx) {
        ansi(ctx, false);
        Dataset<Row> t = mixed(ctx);
        union(ctx, "int/bigint", () -> t.select("i").union(t.select("l")));
        union(ctx, "int/string", () -> t.select("i").union(t.select("s")));
        union(ctx, "string/double", () -> t.select("s").union(t.select("d")));
        union(ctx, "string/date", () -> t.select("s").union(t.select("dt")));
        union(ctx, "int/boolean", () -> t.select("i").union(t.select("b")));
    }

    @Case
    public static void commonTypeOfArguments(CaseContext ctx) {
        Dataset<Row> t = mixed(ctx);
        showExpr(ctx, t, "case when b then i else l end", "case when b then i else s end", "case when b then m else d end",
                "coalesce(i, s)", "coalesce(i, m)", "coalesce(dt, ts)", "greatest(i, s)", "greatest(i, m, d)",
                "least(i, l)", "i in (7, s)", "s in (5, 1.5)", "array(i, s)", "array(i, m)", "array(dt, ts)",
                "map(i, s)", "map(s, i, 'k', d)", "if(b, i, s)", "nvl(i, s)", "nvl2(s, i, d)");
    }
}

package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.sql.Date;
import java.util.function.Supplier;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Conditional and null functions: when/otherwise (functions.when and Column.when), SQL CASE and
 * if, coalesce, nvl/ifnull, nvl2, nullif, nullifzero/zeroifnull, isnull/isnotnull, isnan/nanvl,
 * greatest/least, their result types, column names, lazy evaluation and type errors.
 */
public final class FnCond {
    private FnCond() {
    }

    /**
     * Builds a column (Spark refuses some when/otherwise chains while the Column is built, before
     * any query) and shows it, or prints {@code label => error} when building it fails.
     */
    static void build(CaseContext ctx, Dataset<Row> df, String label, Supplier<Column> make) {
        Column c;
        try {
            c = make.get();
        } catch (Exception e) {
            ctx.println(label + " => " + Canonical.error(e));
            return;
        }
        show(ctx, df, c);
    }

    /** Doubles with NaN, infinities, signed zeros and nulls: d, e DOUBLE and i INT. */
    static Dataset<Row> doubles(CaseContext ctx) {
        StructType schema = new StructType()
                .add("d", DataTypes.DoubleType)
                .add("e", DataTypes.DoubleType)
                .add("i", DataTypes.IntegerType);
        return table(ctx, schema,
                new Object[] {1.5, 2.0, 1},
                new Object[] {Double.NaN, 3.0, 2},
                new Object[] {Double.POSITIVE_INFINITY, Double.NaN, 3},
                new Object[] {Double.NEGATIVE_INFINITY, null, null},
                new Object[] {-0.0, 0.0, 0},
                new Object[] {null, Double.NaN, 5},
                new Object[] {Double.NaN, Double.NaN, -1});
    }

    @Case
    public static void whenOtherwise(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                when(col("i").gt(0), "pos").when(col("i").lt(0), "neg").otherwise("zero"),
                when(col("i").gt(0), "pos").when(col("i").lt(0), "neg"),
                when(col("b"), col("s")).otherwise(col("t")),
                when(col("i").equalTo(1), 1).when(col("i").equalTo(-7), 2.5).otherwise(0),
                when(col("i").gt(0), 1L).otherwise(col("i")),
                when(col("b"), lit(null)).otherwise(col("i")),
                when(col("b"), (Object) null),
                when(lit(true), "always"),
                when(col("i").gt(0), 1).otherwise(2),
                when(col("i").isNull(), "none").otherwise(col("i")),
                when(col("b"), col("ts")).otherwise(col("dt")),
                when(lit(null), 1).otherwise(2),
                when(col("i").gt(0), col("i").plus(100)).when(col("i").gt(10), -1).otherwise(col("l")));
    }

    @Case
    public static void whenChainRulesAndErrors(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        build(ctx, df, "Column.when chained", () -> when(col("i").equalTo(1), "one").when(col("i").equalTo(0), "zero")
                .when(col("i").equalTo(42), "answer").otherwise("other"));
        build(ctx, df, "when on a plain column", () -> col("i").when(col("b"), 1));
        build(ctx, df, "when after otherwise", () -> when(col("b"), 1).otherwise(2).when(col("b"), 3));
        build(ctx, df, "otherwise twice", () -> when(col("b"), 1).otherwise(2).otherwise(3));
        build(ctx, df, "otherwise on a plain column", () -> col("i").otherwise(0));
        show(ctx, df,
                when(col("i"), 1),
                when(col("s"), 1),
                when(col("b"), 1).otherwise(lit(Date.valueOf("2024-01-01"))),
                when(col("b"), col("i")).otherwise(col("dt")),
                when(col("b"), 1).otherwise(col("b")));
    }

    @Case
    public static void caseWhenSql(CaseContext ctx) {
        showExpr(ctx, table(ctx),
                "CASE WHEN i > 0 THEN 'pos' WHEN i < 0 THEN 'neg' ELSE 'zero' END",
                "CASE WHEN i > 0 THEN 'pos' END",
                "case when b then s else t end",
                "CASE WHEN i = 1 THEN 1 WHEN i = -7 THEN 2.5 ELSE 0 END",
                "CASE WHEN i = 1 THEN 1 WHEN i = -7 THEN 2.5D ELSE 0 END",
                "CASE WHEN i > 0 THEN l ELSE i END",
                "CASE WHEN NULL THEN 1 ELSE 2 END",
                "CASE WHEN i > 0 THEN CASE WHEN l > 100 THEN 'big' ELSE 'small' END ELSE 'other' END",
                "CASE WHEN i IS NULL THEN 'none' ELSE i END",
                "CASE WHEN i > 0 THEN 1 ELSE 2 END",
                "CASE WHEN true THEN 1 END",
                "CASE WHEN b THEN ts ELSE dt END",
                "CASE WHEN b THEN NULL ELSE NULL END",
                "CASE WHEN i > 0 THEN 'a' WHEN i > 10 THEN 'b' ELSE 'c' END AS named");
    }

    @Case
    public static void simpleCaseSql(CaseContext ctx) {
        showExpr(ctx, table(ctx),
                "CASE i WHEN 1 THEN 'one' WHEN 0 THEN 'zero' ELSE 'other' END",
                "CASE i WHEN 1 THEN 'one' WHEN NULL THEN 'null' ELSE 'other' END",
                "CASE s WHEN 'hello' THEN 1 WHEN '' THEN 2 END",
                "CASE i WHEN '42' THEN 'x' ELSE 'y' END",
                "CASE i WHEN 1.0 THEN 'one' ELSE 'no' END",
                "CASE b WHEN true THEN 'T' WHEN false THEN 'F' ELSE 'N' END",
                "CASE d WHEN 1.5 THEN i END",
                "CASE i WHEN 1 THEN 'x' WHEN 1 THEN 'y' END",
                "CASE NULL WHEN NULL THEN 'matched' ELSE 'not matched' END",
                "CASE i WHEN l THEN 'same' ELSE 'different' END",
                "CASE s WHEN 1 THEN 'x' ELSE 'y' END",
                "CASE i WHEN dt THEN 1 END",
                "CASE dt WHEN '2024-03-15' THEN 'ides' ELSE 'other' END");
    }

    @Case
    public static void caseIncompatibleTypes(CaseContext ctx) {
        showExpr(ctx, table(ctx),
                "CASE WHEN b THEN 1 ELSE dt END",
                "CASE WHEN b THEN 1 ELSE 'a' END",
                "CASE WHEN b THEN s ELSE 1 END",
                "CASE WHEN b THEN dt ELSE 'x' END",
                "CASE WHEN b THEN array(1) ELSE 1 END",
                "CASE WHEN b THEN true ELSE 1 END",
                "CASE WHEN b THEN ts ELSE i END",
                "CASE WHEN i THEN 1 END",
                "CASE WHEN s THEN 1 END",
                "CASE WHEN 'true' THEN 1 ELSE 0 END",
                "CASE WHEN b THEN 1 ELSE 2",
                "CASE END");
    }

    @Case
    public static void ifSql(CaseContext ctx) {
        showExpr(ctx, table(ctx),
                "if(b, 'yes', 'no')",
                "IF(i > 0, i, l)",
                "if(NULL, 1, 2)",
                "if(b, 1, 2.5)",
                "if(b, 1, 2.5D)",
                "if(b, 1, 'x')",
                "if(b, s, i)",
                "if(true, 1, 2)",
                "if(b, NULL, dt)",
                "if(b, dt, 1)",
                "if(i, 1, 2)",
                "if('true', 1, 2)",
                "if(b, 1)",
                "if(b, 1, 2, 3)");
    }

    @Case
    public static void conditionalsEvaluateLazily(CaseContext ctx) {
        showExpr(ctx, table(ctx),
                "CASE WHEN i <> 0 THEN 100 / i ELSE -1 END",
                "CASE WHEN i IS NULL THEN 0 ELSE 100 / i END",
                "if(i = 0, NULL, 100 div i)",
                "if(true, 1, 1 / 0)",
                "CASE WHEN false THEN 1 / 0 ELSE 1 END",
                "coalesce(1, 1 / 0)",
                "coalesce(i, 1 / 0)",
                "nvl(i, 1 / 0)",
                "nvl2(i, 1, 1 / 0)",
                "100 / nullif(i, 0)",
                "CASE WHEN i > 0 THEN CAST(s AS INT) END",
                "CASE WHEN i IS NULL THEN CAST(s AS INT) END");
    }

    @Case
    public static void coalesceFunction(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                coalesce(col("i"), col("l")),
                coalesce(col("s"), lit("none")),
                coalesce(col("d"), col("i")),
                coalesce(col("i"), lit(0)),
                coalesce(col("i")),
                coalesce(lit(null), lit(null)),
                coalesce(lit(null), col("ts"), col("dt")),
                coalesce(col("t"), col("s"), lit("-")),
                coalesce());
        showExpr(ctx, df,
                "coalesce(i, l, d)",
                "coalesce(NULL, 'x')",
                "COALESCE(NULL, NULL, 3)",
                "coalesce()",
                "coalesce(i, s)",
                "coalesce(s, i)",
                "coalesce(ts, dt)",
                "coalesce(dt, '2024-01-01')",
                "coalesce(NULL)");
    }

    @Case
    public static void coalesceTypeErrors(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                coalesce(col("i"), col("dt")),
                coalesce(col("i"), col("b")));
        showExpr(ctx, df,
                "coalesce(i, dt)",
                "coalesce(i, b)",
                "coalesce(ts, b)",
                "coalesce(array(i), i)",
                "coalesce(i, 'x')",
                "coalesce(dt, 'not a date')");
    }

    @Case
    public static void nvlAndIfnull(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                nvl(col("i"), lit(0)),
                nvl(col("s"), col("t")),
                ifnull(col("i"), col("l")),
                nvl(col("i"), lit(2.5)),
                ifnull(col("dt"), lit(Date.valueOf("1999-12-31"))),
                nvl(lit(null), lit(null)));
        showExpr(ctx, df,
                "nvl(i, 0)",
                "ifnull(s, 'none')",
                "nvl(i, l)",
                "nvl(NULL, NULL)",
                "nvl(d, i)",
                "nvl(ts, dt)",
                "nvl(i, 'x')",
                "nvl(i, dt)",
                "nvl(b, 0)",
                "nvl(i)",
                "ifnull(i, 1, 2)");
    }

    @Case
    public static void nvl2Function(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                nvl2(col("i"), lit("has"), lit("none")),
                nvl2(col("s"), col("i"), col("d")),
                nvl2(lit(null), lit(1), lit(2)),
                nvl2(col("b"), col("ts"), col("dt")));
        showExpr(ctx, df,
                "nvl2(i, 'has', 'none')",
                "nvl2(s, i, l)",
                "nvl2(b, 1, NULL)",
                "nvl2(i, 1, 2)",
                "nvl2(NULL, 'a', 'b')",
                "nvl2(i, dt, 1)",
                "nvl2(i, 1)",
                "nvl2(i, 1, 2, 3)");
    }

    @Case
    public static void nullifAndZeroifnull(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                nullif(col("i"), lit(0)),
                nullif(col("s"), lit("")),
                nullif(col("t"), col("s")),
                nullif(col("i"), col("l")),
                nullif(col("l"), col("i")),
                nullif(col("d"), lit(0)),
                nullifzero(col("i")),
                nullifzero(col("d")),
                zeroifnull(col("i")),
                zeroifnull(col("l")),
                zeroifnull(col("d")));
        showExpr(ctx, df,
                "nullif(i, 0)",
                "nullif(s, '')",
                "nullif(NULL, 1)",
                "nullif(1, NULL)",
                "nullif(i, '0')",
                "nullif(i, 0.0)",
                "nullif(i, dt)",
                "nullifzero(l)",
                "zeroifnull(s)",
                "nullifzero(s)",
                "zeroifnull(NULL)",
                "nullifzero(0)",
                "nullif(i)");
    }

    @Case
    public static void isnullAndIsnotnull(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                isnull(col("i")),
                isnotnull(col("s")),
                col("d").isNull(),
                col("ts").isNotNull(),
                isnull(lit(null)),
                isnull(lit(1)),
                isnotnull(col("i").plus(col("l"))),
                isnull(col("s").equalTo(col("t"))));
        showExpr(ctx, df,
                "isnull(i)",
                "isnotnull(s)",
                "i IS NULL",
                "s IS NOT NULL",
                "NULL IS NULL",
                "(i + 1) IS NULL",
                "b IS TRUE",
                "b IS NOT TRUE",
                "b IS FALSE",
                "b IS UNKNOWN",
                "b IS NOT UNKNOWN",
                "i IS TRUE",
                "isnull()",
                "isnull(i, s)");
    }

    @Case
    public static void isnanAndNanvl(CaseContext ctx) {
        Dataset<Row> df = doubles(ctx);
        show(ctx, df,
                isnan(col("d")),
                col("d").isNaN(),
                isnan(col("i")),
                lit(null).isNaN(),
                nanvl(col("d"), col("e")),
                nanvl(col("d"), lit(0.0)),
                nanvl(col("e"), col("i")),
                nanvl(col("i"), col("d")));
        showExpr(ctx, df,
                "isnan(d)",
                "isnan(i)",
                "isnan(NULL)",
                "isnan(CAST('NaN' AS DOUBLE))",
                "isnan(0.0 / 0)",
                "isnan('NaN')",
                "isnan(CAST(e AS STRING))",
                "nanvl(d, e)",
                "nanvl(d, 0)",
                "nanvl(e, NULL)",
                "nanvl(d, 'x')",
                "nanvl(d)",
                "isnan()",
                "isnan(current_date())");
    }

    @Case
    public static void greatestAndLeast(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                greatest(col("i"), col("l")),
                greatest(col("i"), col("d")),
                least(col("i"), col("l"), col("d")),
                greatest(col("s"), col("t")),
                least(col("s"), col("t")),
                greatest("i", "l"),
                least("s", "t"),
                greatest(col("i"), lit(null)),
                least(lit(null), lit(null)),
                greatest(col("i"), lit(0)),
                greatest(col("ts"), col("dt")),
                least(col("b"), lit(true)),
                greatest(col("i")),
                least(),
                greatest(col("i"), col("s")),
                least(col("i"), col("dt")));
    }

    @Case
    public static void greatestAndLeastSql(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df,
                "greatest(1, 2L, 3.5)",
                "greatest(1, 2L, 3.5D)",
                "least(i, l, d)",
                "greatest(s, t, 'm')",
                "least(s, t, '')",
                "greatest(NULL, NULL)",
                "greatest(i, NULL)",
                "least(i, '5')",
                "greatest(s, 5)",
                "greatest(dt, '2024-01-01')",
                "least(ts, dt)",
                "greatest(array(1, 2), array(1, 3))",
                "greatest(i)",
                "least()",
                "greatest(i, dt)",
                "least(b, 1)");
        showExpr(ctx, doubles(ctx),
                "greatest(d, e)",
                "least(d, e)",
                "greatest(d, e, i)",
                "least(d, CAST('-Infinity' AS DOUBLE))");
    }

    @Case
    public static void conditionalTypeWidening(CaseContext ctx) {
        showExpr(ctx, table(ctx),
                "CASE WHEN b THEN 1.5 ELSE 10.25 END",
                "CASE WHEN b THEN 1.5 ELSE i END",
                "CASE WHEN b THEN 1.5 ELSE l END",
                "coalesce(1.5, 100)",
                "coalesce(CAST(NULL AS DECIMAL(5, 2)), 1)",
                "nvl(CAST(NULL AS DECIMAL(38, 0)), 0.5)",
                "if(b, 1.5, 2L)",
                "greatest(1.5, 2.25, 3)",
                "least(i, 0.5)",
                "nullif(CAST(2.50 AS DECIMAL(4, 2)), 2.5)",
                "coalesce(CAST(1 AS TINYINT), CAST(2 AS SMALLINT))",
                "if(b, CAST(1 AS TINYINT), 2)",
                "greatest(CAST(1 AS FLOAT), 2)",
                "greatest(CAST(1.5 AS FLOAT), d)",
                "nanvl(CAST('NaN' AS FLOAT), CAST(1 AS FLOAT))",
                "isnan(CAST('NaN' AS FLOAT))",
                "CASE WHEN b THEN X'01' ELSE X'0203' END",
                "coalesce(X'01', 'a')",
                "CASE WHEN b THEN map(1, 'a') ELSE map(2, 'b') END",
                "nvl(CAST(NULL AS INTERVAL DAY), INTERVAL '1' DAY)");
    }

    @Case
    public static void wrongNumberOfArguments(CaseContext ctx) {
        showExpr(ctx, table(ctx),
                "coalesce()",
                "nvl(i)",
                "nvl(i, 1, 2)",
                "ifnull(i)",
                "nvl2(i, 1)",
                "nullif(i)",
                "nullif(i, 1, 2)",
                "isnull()",
                "isnotnull(i, s)",
                "isnan()",
                "nanvl(d)",
                "greatest(i)",
                "least()",
                "if(b, 1)",
                "equal_null(i)",
                "nullifzero()",
                "zeroifnull(i, 1)",
                "startswith(s)",
                "bit_count()",
                "shiftleft(i)",
                "getbit(i)");
    }
}

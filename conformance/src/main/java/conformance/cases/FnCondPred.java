package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;

import static conformance.cases.FnCond.build;
import static conformance.cases.FnCond.doubles;
import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Predicates: IN / NOT IN and Column.isin, BETWEEN and Column.between, LIKE / ILIKE / RLIKE
 * (escapes, ANY/ALL) and their Column and functions forms, startswith/endswith/contains,
 * null-safe equality, comparisons of mixed types (NaN and -0.0 included) and NOT.
 */
public final class FnCondPred {
    private FnCondPred() {
    }

    /** Strings for LIKE: literal % and _, a backslash, a newline, cases and accents. */
    private static Dataset<Row> likeStrings(CaseContext ctx) {
        return strings(ctx, "100%", "100x", "a_b", "axb", "a\\b", "", null, "ABC", "abc\nd", "Ünï", "ünï",
                "straße", "STRASSE");
    }

    @Case
    public static void inSql(CaseContext ctx) {
        showExpr(ctx, table(ctx),
                "i IN (1, 0, 42)",
                "i IN (1, NULL)",
                "i NOT IN (1, NULL)",
                "i NOT IN (1, 0)",
                "s IN ('hello', '')",
                "i IN (1L, 2.5)",
                "i IN (1.0D, 42.0D)",
                "i IN ('1', '42')",
                "NULL IN (1, 2)",
                "i IN (l, 0)",
                "dt IN ('2024-03-15', '1970-01-01')",
                "(i, s) IN ((1, 'Spark SQL'), (0, ''))",
                "i IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 42, NULL)",
                "i NOT IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)",
                "i IN (1)");
    }

    @Case
    public static void inTypeErrors(CaseContext ctx) {
        showExpr(ctx, table(ctx),
                "i IN ('1', 'x')",
                "s IN (1, 2)",
                "i IN (dt)",
                "b IN (1, 0)",
                "i IN (array(1))",
                "(i, s) IN ((1, 2))",
                "i IN ()");
    }

    @Case
    public static void isinColumn(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                col("i").isin(1, 0, 42),
                col("i").isin(1, null),
                not(col("i").isin(1, null)),
                not(col("i").isin(1, 0)),
                col("s").isin("hello", ""),
                col("i").isin(1L, 2.5),
                col("i").isin("1", "42"),
                col("i").isin(),
                col("i").isin(col("l"), lit(0)),
                col("d").isin(1.5, -0.25),
                col("dt").isin(Date.valueOf("2024-03-15"), Date.valueOf("2000-02-29")),
                col("ts").isin(Timestamp.valueOf("1970-01-01 00:00:00")),
                col("i").isInCollection(Arrays.asList(1, 42)),
                lit(null).isin(1, 2),
                col("i").isin("1", "x"),
                col("dt").isin(1),
                col("b").isin(true));
    }

    @Case
    public static void betweenColumnAndSql(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                col("i").between(0, 10),
                col("d").between(-1, 1.5),
                col("s").between("a", "i"),
                col("i").between(10, 0),
                col("dt").between("2000-01-01", "2023-12-31"),
                col("ts").between(lit(Date.valueOf("2000-01-01")), lit(Date.valueOf("2024-01-01"))),
                col("i").between(col("l"), lit(100)),
                col("i").between(null, 5),
                not(col("i").between(0, 10)),
                col("i").between("0", "10"),
                col("i").between(col("dt"), 5));
        showExpr(ctx, df,
                "i BETWEEN 0 AND 10",
                "i NOT BETWEEN 0 AND 10",
                "d BETWEEN -1 AND 1.5",
                "s BETWEEN 'a' AND 'i'",
                "i BETWEEN 10 AND 0",
                "i BETWEEN NULL AND 5",
                "i NOT BETWEEN NULL AND 5",
                "dt BETWEEN '2000-01-01' AND '2023-12-31'",
                "ts BETWEEN dt AND '2024-12-31'",
                "i BETWEEN 'a' AND 'z'",
                "i BETWEEN dt AND 5",
                "b BETWEEN false AND true");
    }

    @Case
    public static void likeSql(CaseContext ctx) {
        showExpr(ctx, likeStrings(ctx),
                "s LIKE '100%'",
                "s LIKE '100\\\\%'",
                "s LIKE '100#%' ESCAPE '#'",
                "s LIKE 'a_b'",
                "s LIKE 'a\\\\_b'",
                "s LIKE 'a\\\\\\\\b'",
                "s LIKE ''",
                "s LIKE '%'",
                "s LIKE 'abc_d'",
                "s LIKE 'abc%'",
                "s NOT LIKE '%b%'",
                "s LIKE 'ünï'",
                "s LIKE NULL",
                "NULL LIKE 'a'",
                "like(s, 'a%')",
                "like(s, 'a!_b', '!')");
    }

    @Case
    public static void likeAnyAllAndEscapeErrors(CaseContext ctx) {
        showExpr(ctx, likeStrings(ctx),
                "s LIKE ANY ('100%', 'a%')",
                "s LIKE ALL ('a%', '%b')",
                "s LIKE SOME ('%C', NULL)",
                "s LIKE ALL ('%', NULL)",
                "s NOT LIKE ANY ('a%', '1%')",
                "s NOT LIKE ALL ('a%', '1%')",
                "s ILIKE ANY ('abc', 'ü%')",
                "s LIKE 'a\\\\'",
                "s LIKE '\\\\x'",
                "s LIKE 'a%' ESCAPE 'ab'",
                "s LIKE 'a%' ESCAPE ''",
                "s LIKE 1");
        showExpr(ctx, table(ctx),
                "i LIKE '4%'",
                "dt LIKE '2024%'",
                "d LIKE '%.5'",
                "s LIKE t",
                "s LIKE concat('%', t, '%')");
    }

    @Case
    public static void ilikeSql(CaseContext ctx) {
        showExpr(ctx, likeStrings(ctx),
                "s ILIKE 'abc'",
                "s ILIKE 'ü%'",
                "s ILIKE 'ÜNÏ'",
                "s ILIKE 'STRASSE'",
                "s ILIKE 'straße'",
                "s NOT ILIKE 'a%'",
                "s ILIKE 'A#_B' ESCAPE '#'",
                "ilike(s, 'A%')",
                "ilike(s, 'A!_b', '!')",
                "s ILIKE NULL");
    }

    @Case
    public static void rlikeSql(CaseContext ctx) {
        showExpr(ctx, likeStrings(ctx),
                "s RLIKE 'b'",
                "s RLIKE '^a.b$'",
                "s REGEXP '[0-9]+'",
                "regexp_like(s, '^A')",
                "regexp(s, 'c$')",
                "rlike(s, 'x')",
                "s RLIKE ''",
                "s RLIKE NULL",
                "s RLIKE '(?i)abc'",
                "s RLIKE 'c.d'",
                "s NOT RLIKE 'a'",
                "s RLIKE '%'",
                "s RLIKE '('");
        showExpr(ctx, table(ctx),
                "s RLIKE t",
                "i RLIKE '2'",
                "d RLIKE '^-'");
    }

    @Case
    public static void likeFamilyColumnMethods(CaseContext ctx) {
        Dataset<Row> df = likeStrings(ctx);
        show(ctx, df,
                col("s").like("100\\%"),
                col("s").like("a_b"),
                col("s").ilike("abc"),
                col("s").ilike("STRASSE"),
                col("s").rlike("^a.b$"),
                col("s").rlike("\\d+"),
                like(col("s"), lit("a%")),
                like(col("s"), lit("100#%"), lit("#")),
                ilike(col("s"), lit("Ü%")),
                ilike(col("s"), lit("A#_B"), lit("#")),
                rlike(col("s"), lit("^[a-z]+$")),
                regexp(col("s"), lit("b$")),
                regexp_like(col("s"), lit("(?i)^abc")),
                col("s").rlike("("),
                like(col("s"), lit("a%"), lit("ab")));
        Dataset<Row> t = table(ctx);
        show(ctx, t,
                col("i").like("4%"),
                like(col("s"), col("t")),
                rlike(col("s"), col("t")),
                col("s").like(null));
    }

    @Case
    public static void startsWithEndsWithContains(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                col("s").startsWith("Sp"),
                col("s").startsWith(col("t")),
                col("s").endsWith("llo"),
                col("s").endsWith(col("t")),
                col("s").contains("ll"),
                col("s").contains(col("t")),
                col("s").startsWith(""),
                col("s").contains(lit(null)),
                col("s").contains("Ü"),
                col("i").contains(4),
                startswith(col("s"), col("t")),
                endswith(col("s"), lit("SQL")),
                contains(col("s"), lit("ß")),
                startswith(col("i"), lit("4")));
        showExpr(ctx, df,
                "startswith(s, 'Sp')",
                "endswith(s, t)",
                "contains(s, '')",
                "contains(s, NULL)",
                "contains(i, 4)",
                "startswith(dt, '2024')",
                "endswith(s, ' ')",
                "contains(s, 'sql')",
                "startswith(X'0102', X'01')",
                "contains(X'010203', X'0203')",
                "startswith(s)",
                "contains(s, 'a', 'b')",
                "startswith(s, array('a'))");
    }

    @Case
    public static void nullSafeEquality(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                col("i").eqNullSafe(col("l")),
                col("i").eqNullSafe(null),
                col("s").eqNullSafe(""),
                col("i").eqNullSafe(lit(0)),
                col("i").eqNullSafe("42"),
                equal_null(col("i"), col("l")),
                equal_null(col("s"), col("t")),
                equal_null(col("b"), lit(null)));
        showExpr(ctx, df,
                "i <=> l",
                "i <=> NULL",
                "NULL <=> NULL",
                "s <=> t",
                "NOT (i <=> 0)",
                "equal_null(i, 1)",
                "equal_null(NULL, NULL)",
                "i <=> '1'",
                "d <=> i",
                "dt <=> '2024-03-15'",
                "i <=> dt",
                "equal_null(i)");
    }

    @Case
    public static void comparisonsOfMixedTypes(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                col("i").equalTo(col("l")),
                col("i").equalTo(1.0),
                col("i").notEqual(0),
                col("i").gt(col("d")),
                col("l").lt(Long.MAX_VALUE),
                col("d").geq(0),
                col("i").leq("1"),
                col("s").gt(col("t")),
                col("dt").equalTo("2024-03-15"),
                col("ts").gt(col("dt")),
                col("dt").lt(Date.valueOf("2000-03-01")),
                col("ts").geq(Timestamp.valueOf("2023-12-31 23:59:59")),
                col("i").equalTo(null),
                col("b").equalTo(true),
                col("b").gt(false),
                col("i").notEqual(col("l")));
        showExpr(ctx, df,
                "i = l",
                "i = 1.0",
                "i != 0",
                "i <> 0",
                "i == 1",
                "i > d",
                "i <= '1'",
                "s > t",
                "s < 'a'",
                "dt = '2024-03-15'",
                "ts > dt",
                "ts = '2024-03-15 10:30:45.123456'",
                "b = true",
                "i = NULL",
                "d >= 1.5");
    }

    @Case
    public static void comparisonTypeErrors(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                col("b").equalTo(1),
                col("dt").gt(5),
                col("i").equalTo("abc"));
        showExpr(ctx, df,
                "i = 'abc'",
                "s = 1",
                "i = '1.5'",
                "d = '1.5'",
                "b = 1",
                "b = 'true'",
                "dt > 5",
                "i = dt",
                "ts = 'not a time'",
                "i < array(1)",
                "i > true");
    }

    @Case
    public static void nanAndSignedZeroComparisons(CaseContext ctx) {
        Dataset<Row> df = doubles(ctx);
        show(ctx, df,
                col("d").equalTo(col("e")),
                col("d").gt(col("e")),
                col("d").lt(col("e")),
                col("d").eqNullSafe(col("e")),
                col("d").isin(Double.NaN, 0.0),
                col("d").between(0, Double.NaN));
        showExpr(ctx, df,
                "d = CAST('NaN' AS DOUBLE)",
                "d > CAST('Infinity' AS DOUBLE)",
                "CAST('NaN' AS DOUBLE) = CAST('NaN' AS DOUBLE)",
                "-0.0D = 0.0D",
                "d = 0.0D",
                "d IN (CAST('NaN' AS DOUBLE), 0.0D)",
                "d NOT IN (CAST('NaN' AS DOUBLE), 1.5D)",
                "d BETWEEN 0 AND CAST('NaN' AS DOUBLE)",
                "CASE d WHEN CAST('NaN' AS DOUBLE) THEN 'nan' WHEN 0 THEN 'zero' ELSE 'num' END",
                "nullif(d, CAST('NaN' AS DOUBLE))",
                "d <=> e");
    }

    @Case
    public static void notFunction(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df,
                not(col("b")),
                not(col("i").gt(0)),
                not(lit(null)),
                not(not(col("b"))),
                not(col("i")),
                not(col("s")));
        showExpr(ctx, df,
                "NOT b",
                "!b",
                "not(b)",
                "NOT NULL",
                "NOT (s = t)",
                "NOT i",
                "NOT 'true'",
                "not(b, b)");
    }

    @Case
    public static void predicatesWithColumnBuilders(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        build(ctx, df, "isin of a Java list (varargs of one Object)", () -> col("i").isin(Arrays.asList(1, 42)));
        build(ctx, df, "isin of an Object array", () -> col("i").isin(new Object[] {1, 42}));
        build(ctx, df, "between of columns", () -> col("s").between(col("t"), lit("z")));
        build(ctx, df, "isInCollection of an empty list", () -> col("i").isInCollection(Arrays.asList()));
    }
}

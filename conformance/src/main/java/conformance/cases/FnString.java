package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * String functions, part 1: case, length, trimming, padding, repeat, reverse, substrings,
 * left/right, concatenation, translate/replace/overlay, ascii/chr, space, elt, mask, and two
 * streaming queries. Each call is evaluated on its own over the shared table (see FnSupport).
 */
public final class FnString {
    private FnString() {
    }

    @Case
    public static void upperLowerAndAliases(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, upper(col("s")), lower(col("s")), ucase(col("t")), lcase(col("t")),
                upper(lit((String) null)), lower(lit("ÀÉÎ ÕÜ")));
        showExpr(ctx, df, "upper(s)", "lower(s)", "ucase(s)", "lcase(s)", "upper(t)",
                "upper('straße')", "lower('İSTANBUL')", "upper('ǆ')", "upper(null)");
    }

    @Case
    public static void upperLowerImplicitCasts(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, upper(col("i")), lower(col("d")), upper(col("b")), lower(col("dt")), upper(col("ts")));
        showExpr(ctx, df, "upper(i)", "upper(l)", "lower(b)", "upper(dt)", "upper(X'6162')",
                "upper(array('a'))", "upper()", "upper(s, t)");
    }

    @Case
    public static void initcapWords(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "hello wORLD", "a-b c_d e.f", "  two  spaces ", "ßa ǆb", "123abc x1Y", "", null,
                "o'neil mcDONALD", "tab\tsep");
        show(ctx, df, initcap(col("s")));
        showExpr(ctx, df, "initcap(s)");
        showExpr(ctx, table(ctx), "initcap(s)", "initcap(i)", "initcap('SPARK sql')", "initcap()");
    }

    @Case
    public static void lengthFamily(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, length(col("s")), char_length(col("s")), character_length(col("s")),
                octet_length(col("s")), bit_length(col("s")), length(col("i")), length(lit((String) null)));
        showExpr(ctx, df, "length(s)", "len(s)", "char_length(s)", "character_length(s)", "octet_length(s)",
                "bit_length(s)", "length(d)", "length(b)", "length(dt)", "length(ts)");
    }

    @Case
    public static void lengthOfUnicodeAndBinary(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "ß", "😀", "e\u0301", "日本語", "a b", null);
        show(ctx, df, length(col("s")), octet_length(col("s")), bit_length(col("s")));
        showExpr(ctx, df, "length(s)", "octet_length(s)");
        showExpr(ctx, table(ctx), "length(X'010203')", "octet_length(X'010203')", "bit_length(X'010203')",
                "length(X'')", "length(array(1, 2))", "length()", "length(s, t)");
    }

    @Case
    public static void trimWithoutTrimString(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "  a b  ", "\t a \t", " \u2003em\u2003 ", "   ", "", null, "\u00a0nbsp\u00a0", "\u3000w\u3000");
        show(ctx, df, trim(col("s")), ltrim(col("s")), rtrim(col("s")), btrim(col("s")));
        showExpr(ctx, df, "length(trim(s))", "length(ltrim(s))", "length(rtrim(s))", "length(btrim(s))");
        showExpr(ctx, table(ctx), "trim(s)", "ltrim(s)", "rtrim(s)", "btrim(s)", "trim(i)", "trim(d)");
    }

    @Case
    public static void trimWithTrimString(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "xxhixx", "xyxhiyx", "hi", "xxxx", "", null, "yxßy");
        show(ctx, df, trim(col("s"), "xy"), ltrim(col("s"), "x"), rtrim(col("s"), "x"),
                trim(col("s"), lit("yx")), ltrim(col("s"), lit("y")), rtrim(col("s"), lit((String) null)),
                btrim(col("s"), lit("xy")), trim(col("s"), ""));
        showExpr(ctx, df, "TRIM(BOTH 'x' FROM s)", "TRIM(LEADING 'xy' FROM s)", "TRIM(TRAILING 'xy' FROM s)",
                "TRIM('x' FROM s)", "TRIM(BOTH FROM s)", "TRIM(s)", "btrim(s, 'xy')", "btrim(s, '')",
                "ltrim('x', s)", "rtrim('y', s)", "trim(s, 'x')", "btrim(s, null)");
    }

    @Case
    public static void lpadRpadLengths(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, lpad(col("s"), 8, "*"), rpad(col("s"), 8, "*"), lpad(col("s"), 3, "*"),
                rpad(col("s"), 0, "*"), lpad(col("s"), -2, "*"), lpad(col("s"), 7, "ab"), rpad(col("s"), 7, "ab"),
                lpad(col("s"), 6, ""), rpad(col("s"), 6, ""), lpad(col("s"), col("i"), col("t")));
        showExpr(ctx, df, "lpad(s, 10, '-')", "rpad(s, 10, '-')", "lpad(s, 10)", "rpad(s, 10)", "lpad(t, i, 'x')",
                "lpad(s, 4, null)", "lpad(s, null, 'x')", "lpad(i, 5, '0')", "rpad(d, 6, '0')", "lpad(s, l, 'x')",
                "lpad('ß', 3, 'Ü')");
    }

    @Case
    public static void lpadRpadBinary(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, lpad(lit(new byte[] {1, 2}), 4, new byte[] {0}), rpad(lit(new byte[] {1, 2}), 5, new byte[] {9, 8}),
                lpad(lit(new byte[] {1, 2, 3}), 2, new byte[] {0}));
        showExpr(ctx, df, "lpad(X'0102', 4, X'00')", "rpad(X'0102', 5, X'0908')", "lpad(X'0102', 4)",
                "rpad(X'010203', 1)", "lpad(X'0102', 4, X'')", "lpad(X'0102', 4, 'x')");
    }

    @Case
    public static void repeatCounts(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, repeat(col("s"), 2), repeat(col("t"), 0), repeat(col("t"), -1), repeat(col("t"), col("i")),
                repeat(lit("ab"), lit(3)));
        showExpr(ctx, df, "repeat(t, 3)", "repeat(t, i)", "repeat(s, null)", "repeat(i, 2)", "repeat(d, 2)",
                "repeat(t, l)", "repeat(t, '2')", "repeat(t, 1.5)", "repeat(t, 'x')", "repeat(t)");
    }

    @Case
    public static void reverseStrings(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "abc", "ab😀c", "e\u0301x", "", null, "日本語");
        show(ctx, df, reverse(col("s")));
        showExpr(ctx, df, "reverse(s)");
        showExpr(ctx, table(ctx), "reverse(s)", "reverse(i)", "reverse(d)", "reverse(array(1, 2, 3))", "reverse()");
    }

    @Case
    public static void substringPositionsJava(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, substring(col("s"), 1, 5), substring(col("s"), 0, 3), substring(col("s"), 2, 100),
                substring(col("s"), -3, 2), substring(col("s"), -100, 3), substring(col("s"), 3, 0),
                substring(col("s"), 3, -1), substring(col("s"), 50, 2), substring(col("s"), Integer.MIN_VALUE, 5),
                substring(col("s"), lit(2), lit(3)), substr(col("s"), lit(3)), substr(col("s"), lit(2), lit(2)),
                col("s").substr(2, 3), col("s").substr(lit(-2), lit(5)), substring(col("i"), 1, 2));
    }

    @Case
    public static void substringSqlForms(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "substring(s, 2)", "substring(s, 2, 3)", "substr(s, -3, 2)", "substr(s, 0)",
                "substring(s FROM 2 FOR 3)", "substring(s FROM 3)", "substring(s FROM -4)", "substring(s, i)",
                "substring(s, 1, i)", "substring(s, null, 2)", "substring(s, 2, null)", "substring(d, 1, 3)",
                "substring(X'01020304', 2, 2)", "substring(s, l)", "substring(s, '2', '3')", "substring(s, 'x')",
                "substring(s)", "substr()");
    }

    @Case
    public static void leftRight(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, left(col("s"), lit(3)), right(col("s"), lit(3)), left(col("s"), lit(0)),
                right(col("s"), lit(-1)), left(col("s"), lit(100)), left(col("s"), col("i")), right(col("s"), col("i")));
        showExpr(ctx, df, "left(s, 2)", "right(s, 2)", "left(s, null)", "right(null, 2)", "left(i, 1)",
                "right(d, 2)", "left(s, l)", "left(s)");
    }

    @Case
    public static void concatNulls(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, concat(col("s"), col("t")), concat(col("s"), lit("-"), col("t")),
                concat(col("s"), lit((String) null)), concat(col("s")), concat(col("t"), col("i"), col("d"), col("b")),
                concat());
        showExpr(ctx, df, "concat(s, t)", "concat(s, '|', t, '|')", "s || t", "s || i", "concat(t, null)",
                "concat()", "concat(i, l)", "concat(dt, ts)", "concat(X'01', X'02')", "concat(X'01', 'a')",
                "concat(array(1), array(2, 3))");
    }

    @Case
    public static void concatWsSkipsNulls(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, concat_ws("-", col("s"), col("t")), concat_ws("", col("t"), col("t")),
                concat_ws(",", col("t"), lit((String) null), col("t")), concat_ws("-"), concat_ws("/", col("i"), col("d")),
                concat_ws("-", col("s")));
        showExpr(ctx, df, "concat_ws('-', s, t)", "concat_ws(' ', t, null, t)", "concat_ws(null, s, t)",
                "concat_ws('-')", "concat_ws(t, 'x', 'y')", "concat_ws('-', i, l, b)", "concat_ws('-', array('a', t), s)",
                "concat_ws()", "concat_ws(1, 'a', 'b')");
    }

    @Case
    public static void translateCharacters(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, translate(col("s"), "lS", "L$"), translate(col("s"), "aeiou", "A"), translate(col("s"), "", "x"),
                translate(col("s"), "ßÜ", "sU"));
        showExpr(ctx, df, "translate(s, 'lo', '01')", "translate(s, 'll', '12')", "translate(s, 'a', '')",
                "translate(s, null, 'x')", "translate(s, 'a', null)", "translate(i, '1-', '9+')",
                "translate('a😀b', '😀', 'x')", "translate(s, 'a')");
    }

    @Case
    public static void replaceSubstrings(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, replace(col("s"), lit("l")), replace(col("s"), lit("l"), lit("LL")),
                replace(col("s"), lit(""), lit("x")), replace(col("s"), col("t"), lit("_")),
                replace(col("s"), lit("l"), lit((String) null)));
        showExpr(ctx, df, "replace(s, 'l')", "replace(s, 'SQL', 'Streaming')", "replace(s, ' ', '')",
                "replace(s, 'l', null)", "replace(s, null, 'x')", "replace(i, '2', '3')", "replace(s, '.', 'x')",
                "replace(s)");
    }

    @Case
    public static void overlayPlacing(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, overlay(col("s"), lit("XX"), lit(2)), overlay(col("s"), lit("XX"), lit(2), lit(0)),
                overlay(col("s"), lit("XX"), lit(2), lit(5)), overlay(col("s"), lit("XX"), lit(100)),
                overlay(col("s"), lit("XX"), lit(0)), overlay(col("s"), lit("XX"), lit(2), lit(-1)));
        showExpr(ctx, df, "overlay(s PLACING 'XX' FROM 2)", "overlay(s PLACING 'XX' FROM 2 FOR 3)",
                "overlay(s, '_', 1, 1)", "overlay(s PLACING t FROM i)", "overlay(s PLACING null FROM 1)",
                "overlay(X'010203' PLACING X'FF' FROM 2)", "overlay(s PLACING 'x' FROM 'a')", "overlay(s, 'x')");
    }

    @Case
    public static void asciiAndChr(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, ascii(col("s")), ascii(col("t")), ascii(col("i")), chr(lit(65L)), chr(col("i").plus(64)));
        showExpr(ctx, df, "ascii(s)", "ascii('😀')", "ascii('')", "chr(97)", "char(98)", "chr(321)", "chr(-1)",
                "length(chr(0))", "ascii(chr(256))", "chr(i + 70)", "chr(null)", "chr('66')", "chr(65.7)", "ascii(chr(l))",
                "ascii(1, 2)");
    }

    @Case
    public static void spaceEltMask(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "concat('[', space(3), ']')", "concat('[', space(0), ']')", "concat('[', space(-2), ']')",
                "concat('[', space(i), ']')", "space(null)", "space('2')", "space()");
        show(ctx, df, elt(lit(1), col("s"), col("t")), elt(lit(2), col("s"), col("t")));
        showExpr(ctx, df, "elt(1, s, t)", "elt(2, 'a', 'b', 'c')", "elt(null, 'a')", "elt(1, null, 'b')",
                "elt(2, i, l)", "elt(i, 'a', 'b', 'c')", "elt(0, 'a', 'b')", "elt(3, 'a', 'b')", "elt(1)");
        show(ctx, strings(ctx, "AbCd-123 ß!", "", null), mask(col("s")), mask(col("s"), lit("X")),
                mask(col("s"), lit("X"), lit("x")), mask(col("s"), lit("X"), lit("x"), lit("9")),
                mask(col("s"), lit("X"), lit("x"), lit("9"), lit("*")), mask(col("s"), lit((String) null), lit((String) null)));
        showExpr(ctx, strings(ctx, "AbCd-123 ß!", null), "mask(s)", "mask(s, 'Y', 'y', 'n', '#')",
                "mask(s, null, null, null, null)", "mask(s, 'YY')", "mask(s, 1)");
    }

    @Case
    public static void stringsInStreamingSelect(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "name STRING, email STRING, phone STRING",
                new String[] {
                    "{\"name\":\"  alice SMITH \",\"email\":\"Alice@Example.COM\",\"phone\":\"555-123-4567\"}",
                    "{\"name\":\"bob\",\"email\":\"bob@mail.org\",\"phone\":\"5551234\"}"},
                new String[] {
                    "{\"name\":null,\"email\":\"nobody\",\"phone\":null}",
                    "{\"name\":\"ßara ü\",\"email\":\"s@x.de\",\"phone\":\"+49 30 1234\"}"});
        Dataset<Row> out = in.select(
                initcap(trim(col("name"))).as("name"),
                lower(col("email")).as("email"),
                substring_index(col("email"), "@", 1).as("user"),
                upper(substring(col("phone"), 1, 3)).as("prefix"),
                lpad(col("name"), 12, ".").as("padded"),
                concat_ws("|", col("name"), col("phone")).as("joined"),
                length(col("name")).as("len"),
                reverse(col("email")).as("rev"));
        OpsData.run(ctx, out);
    }

    @Case
    public static void stringsInStreamingFilterAndSql(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "s STRING, n INT",
                new String[] {"{\"s\":\"spark\",\"n\":1}", "{\"s\":\"flink\",\"n\":2}", "{\"s\":null,\"n\":3}"},
                new String[] {"{\"s\":\"Spark SQL\",\"n\":4}", "{\"s\":\"\",\"n\":-1}"});
        Dataset<Row> out = in.where(length(col("s")).gt(0))
                .selectExpr("s", "repeat(s, n) AS r", "overlay(s PLACING '*' FROM 2 FOR 1) AS o",
                        "translate(s, 'ak', 'AK') AS tr", "replace(s, 'S', '$') AS rp", "lpad(s, n + 4, '0') AS lp",
                        "rtrim(concat(s, '   ')) AS rt", "left(s, 2) AS l2", "right(s, 2) AS r2");
        OpsData.run(ctx, out);
    }

    @Case
    public static void ansiOffTurnsRuntimeErrorsIntoNulls(CaseContext ctx) {
        ctx.spark().conf().set("spark.sql.ansi.enabled", "false");
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "elt(3, 'a', 'b')", "elt(i, 'a', 'b', 'c')", "left(s, 'x')", "substring(s, 'x')",
                "repeat(t, i * 2)", "chr('x')", "encode(s, 'US-ASCII')", "decode(X'FF', 'UTF-8')",
                "regexp_extract(s, '(l)', 2)", "split(s, ' ')[5]", "format_string('%d', d)", "unbase64('***')",
                "to_binary('zz', 'hex')");
    }

    @Case
    public static void wrongArgumentCounts(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "lower()", "lower(s, t)", "trim()", "lpad(s)", "rpad(s, 1, 'a', 'b')", "repeat(s, 1, 2)",
                "substring_index(s, ' ')", "left(s, 1, 2)", "translate(s, 'a', 'b', 'c')", "replace(s, 'a', 'b', 'c')",
                "overlay(s)", "btrim(s, 'a', 'b')", "initcap(s, t)", "octet_length()");
    }

    @Case
    public static void badArgumentTypes(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "lower(array('A'))", "length(map('a', 1))", "lpad(s, array(1), 'x')", "rpad(s, 3, array('x'))",
                "repeat(s, array(2))", "substring(s, array(1), 2)", "left(s, 'x')", "translate(s, array('a'), 'b')",
                "trim(map('a', 1))", "concat(s, array('a'))", "concat(array(1), 1)", "overlay(s PLACING 'x' FROM array(1))",
                "lpad(s, 1.5, 'x')", "reverse(map('a', 1))", "ascii(array('a'))", "chr('x')");
        Column c = upper(array(lit("a")));
        show(ctx, df, c, length(struct(lit(1))), initcap(col("i")));
    }
}

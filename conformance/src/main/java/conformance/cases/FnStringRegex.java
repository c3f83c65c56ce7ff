package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * String functions, part 2: split and the regular-expression functions (Java regex syntax):
 * regexp_replace, regexp_extract(_all), regexp_like/rlike/regexp, regexp_count, regexp_substr,
 * regexp_instr. SQL patterns use raw literals r'..' or doubled backslashes ('\\d' in SQL text).
 */
public final class FnStringRegex {
    private FnStringRegex() {
    }

    @Case
    public static void splitLimits(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "a,b,,c,", "a", "", null, ",lead", "x,y,z");
        show(ctx, df, split(col("s"), ","), split(col("s"), ",", 2), split(col("s"), ",", 0), split(col("s"), ",", -1),
                split(col("s"), ",", 1), split(col("s"), lit(","), lit(3)), split(col("s"), lit(",")));
        showExpr(ctx, df, "split(s, ',')", "split(s, ',', 2)", "split(s, ',', 0)", "split(s, ',', -5)",
                "split(s, ',', null)", "split(s, null)", "size(split(s, ','))", "split(s, ',')[1]", "split(s)",
                "split(s, ',', 1, 2)");
    }

    @Case
    public static void splitRegexPatterns(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "a.b.c", "one  two\tthree", "a|b|c", "abc", "x1y22z333", "", "日本語");
        show(ctx, df, split(col("s"), "."), split(col("s"), "\\."), split(col("s"), "|"), split(col("s"), "\\|"),
                split(col("s"), ""), split(col("s"), "", 2), split(col("s"), "\\s+"), split(col("s"), "[0-9]+"),
                split(col("s"), "(?=b)"));
        showExpr(ctx, df, "split(s, '[.]')", "split(s, r'\\s+')", "split(s, '\\\\d+')", "split(s, '')",
                "split(s, '(')", "split(s, '[')",
                "size(split(s, ''))", "size(split(s, '[.]'))");
        showExpr(ctx, table(ctx), "split(s, ' ')", "split(i, '1')", "split(i, '')", "split(d, '\\\\.')");
    }

    @Case
    public static void regexpReplaceJava(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, regexp_replace(col("s"), "l+", "L"), regexp_replace(col("s"), "(\\w+) (\\w+)", "$2 $1"),
                regexp_replace(col("s"), "", "-"), regexp_replace(col("s"), "^", ">"), regexp_replace(col("s"), "\\s", ""),
                regexp_replace(col("s"), "[^a-z]", "?"), regexp_replace(col("s"), lit("[aeiou]"), lit("*")),
                regexp_replace(col("s"), col("t"), lit("#")), regexp_replace(col("s"), "(?i)s", "\\$"),
                regexp_replace(col("s"), "\\p{L}", "L"));
    }

    @Case
    public static void regexpReplaceSql(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "regexp_replace(s, 'l', 'L')", "regexp_replace(s, r'(\\w+) (\\w+)', '$2 $1')",
                "regexp_replace(s, '(\\\\w+)', '<$1>')", "regexp_replace(s, '[a-z]', '_', 3)",
                "regexp_replace(s, 'l', 'L', 100)", "regexp_replace(s, 'l', 'L', 0)", "regexp_replace(s, null, 'x')",
                "regexp_replace(s, 'l', null)", "regexp_replace(i, '2', '9')", "regexp_replace(s, 'l', '$5')",
                "regexp_replace(s, 'l', '\\\\$')", "regexp_replace(s, '(', 'x')", "regexp_replace(s, t, '#')",
                "regexp_replace(s, 'a')");
    }

    @Case
    public static void regexpExtractGroups(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "2024-03-15", "id=42;name=x", "no digits", "", null, "a1b22");
        show(ctx, df, regexp_extract(col("s"), "(\\d+)-(\\d+)-(\\d+)", 0), regexp_extract(col("s"), "(\\d+)-(\\d+)-(\\d+)", 2),
                regexp_extract(col("s"), "(\\d+)", 1), regexp_extract(col("s"), "name=(\\w+)", 1),
                regexp_extract(col("s"), "(a)|(b)", 2), regexp_extract(col("s"), "(\\d+)", 2));
        showExpr(ctx, df, "regexp_extract(s, r'(\\d+)')", "regexp_extract(s, '([a-z]+)', 1)",
                "regexp_extract(s, '[a-z]+', 0)", "regexp_extract(s, '[a-z]+', 1)", "regexp_extract(s, '(x)?y', 1)",
                "regexp_extract(s, '(\\\\d)', -1)", "regexp_extract(s, null, 1)", "regexp_extract(s, '(\\\\d)', null)",
                "regexp_extract(s, '(', 1)", "regexp_extract(s)");
    }

    @Case
    public static void regexpExtractAll(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "a1b22c333", "none", "", null, "k=v;x=y");
        show(ctx, df, regexp_extract_all(col("s"), lit("\\d+")), regexp_extract_all(col("s"), lit("([a-z])(\\d+)"), lit(2)),
                regexp_extract_all(col("s"), lit("(\\w)=(\\w)"), lit(0)));
        showExpr(ctx, df, "regexp_extract_all(s, r'(\\d+)')", "regexp_extract_all(s, '(\\\\d+)', 0)",
                "regexp_extract_all(s, '[a-z]', 0)", "regexp_extract_all(s, '(\\\\w)=(\\\\w)', 2)",
                "regexp_extract_all(s, '(\\\\d)', 3)", "regexp_extract_all(s, '[a-z]')", "regexp_extract_all(s, '')",
                "size(regexp_extract_all(s, '(\\\\d+)'))", "size(regexp_extract_all(s, '', 0))", "regexp_extract_all(s, '', 0)");
    }

    @Case
    public static void regexpLikeAndRlike(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, regexp_like(col("s"), lit("^[A-Z]")), rlike(col("s"), lit("l{2}")), regexp(col("s"), lit("")),
                col("s").rlike("SQL$"), col("s").rlike("(?i)spark"), regexp_like(col("s"), col("t")),
                regexp_like(col("s"), lit((String) null)));
        showExpr(ctx, df, "regexp_like(s, 'l+')", "rlike(s, '^h')", "regexp(s, 'Q')", "s RLIKE '^S'", "s REGEXP 'o$'",
                "s NOT RLIKE 'l'", "regexp_like(s, 'ü')", "regexp_like(s, r'\\p{Lu}')", "regexp_like(i, '^-')",
                "regexp_like(s, '[')", "regexp_like(s)");
    }

    @Case
    public static void regexpCountSubstrInstr(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, regexp_count(col("s"), lit("l")), regexp_count(col("s"), lit("")), regexp_substr(col("s"), lit("[a-z]+")),
                regexp_substr(col("s"), lit("z+")), regexp_instr(col("s"), lit("l+")), regexp_instr(col("s"), lit("(l)(o)"), lit(2)));
        showExpr(ctx, df, "regexp_count(s, '[A-Z]')", "regexp_count(s, null)", "regexp_count(i, '\\\\d')",
                "regexp_substr(s, 'S.')", "regexp_substr(s, 'zz')", "regexp_substr(s, null)", "regexp_instr(s, 'l')",
                "regexp_instr(s, 'q')", "regexp_instr(s, '(e)(l)', 1)", "regexp_count(s, '(')", "regexp_count(s)");
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * String functions, part 4: searching and formatting. instr/locate/position, substring_index,
 * format_string/printf, format_number, levenshtein, soundex, uuid (only stable facts about it),
 * parse_url, luhn_check, and a streaming query that fails on an invalid URL (ANSI).
 */
public final class FnStringSearch {
    private FnStringSearch() {
    }

    @Case
    public static void instrLocatePosition(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, instr(col("s"), "l"), instr(col("s"), col("t")), instr(col("s"), ""), locate("l", col("s")),
                locate("l", col("s"), 4), locate("l", col("s"), 0), locate("l", col("s"), -1), locate("", col("s"), 3),
                position(lit("S"), col("s")), position(lit("l"), col("s"), lit(4)), position(col("t"), col("s"), col("i")));
        showExpr(ctx, df, "instr(s, 'SQL')", "instr(s, 'ß')", "instr(s, null)", "instr(i, '2')", "locate('l', s)",
                "locate('l', s, 4)", "locate('l', s, null)", "locate(t, s, 2)", "position('l' IN s)", "position('l', s, 3)",
                "locate('', s)", "locate('', s, 100)", "instr(s)", "locate('a')");
    }

    @Case
    public static void substringIndexCounts(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "www.apache.org", "a.b", "nodots", "..", "", null, "x--y--z");
        show(ctx, df, substring_index(col("s"), ".", 1), substring_index(col("s"), ".", 2), substring_index(col("s"), ".", -1),
                substring_index(col("s"), ".", -2), substring_index(col("s"), ".", 0), substring_index(col("s"), ".", 10),
                substring_index(col("s"), "--", 2), substring_index(col("s"), "", 1));
        showExpr(ctx, df, "substring_index(s, '.', 1)", "substring_index(s, '.', -1)", "substring_index(s, null, 1)",
                "substring_index(s, '.', null)", "substring_index(s, '.', '2')", "substring_index(12.34, '.', 1)",
                "substring_index(s, '.')");
    }

    @Case
    public static void formatStringAndPrintf(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, format_string("%s-%d", col("s"), col("i")), format_string("%5.2f|%-6s|", col("d"), col("t")),
                format_string("no args"), printf(lit("%s=%s"), col("t"), col("b")), format_string("%s", lit((String) null)),
                format_string("%08.3f", col("d")), format_string("%,d", col("l")), format_string("%x %o", col("i"), col("i")));
        showExpr(ctx, df, "format_string('%s and %s', s, t)", "printf('%d%%', i)", "format_string('%10s|', t)",
                "format_string('%b', b)", "format_string('%e', d)", "format_string('%2$s %1$s', s, t)",
                "format_string('%s', dt)", "format_string('%s', ts)", "format_string(null, s)", "format_string(s)",
                "format_string('%d', d)", "format_string('%s %s', s)", "format_string('%q', s)", "format_string()",
                "format_string(1, s)");
    }

    @Case
    public static void formatNumberDoublesAndInts(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, format_number(col("d"), 2), format_number(col("d"), 0), format_number(col("d"), -1),
                format_number(col("i"), 0), format_number(col("i"), 3), format_number(col("l"), 1));
        showExpr(ctx, df, "format_number(d, 2)", "format_number(l, 0)", "format_number(1234567.891, 2)",
                "format_number(1234567.891D, 0)", "format_number(0.5D, 0)", "format_number(1.5D, 0)", "format_number(2.5D, 0)",
                "format_number(-1234.5678D, 3)", "format_number(l, '#,###.##')", "format_number(d, '0.000')",
                "format_number(d, '')", "format_number(d, null)", "format_number(s, 2)", "format_number(d)",
                "format_number(CAST(1234.5 AS DECIMAL(10, 2)), 4)", "format_number(CAST(7 AS TINYINT), 1)",
                "format_number(CAST(1.25 AS FLOAT), 1)");
    }

    @Case
    public static void formatNumberSpecialDoubles(CaseContext ctx) {
        Dataset<Row> df = table(ctx, new StructType().add("d", DataTypes.DoubleType),
                new Object[] {Double.NaN}, new Object[] {Double.POSITIVE_INFINITY}, new Object[] {Double.NEGATIVE_INFINITY},
                new Object[] {-0.0}, new Object[] {1e20}, new Object[] {1.005}, new Object[] {123456789.125});
        show(ctx, df, format_number(col("d"), 2), format_number(col("d"), 0), format_string("%.2f", col("d")));
    }

    @Case
    public static void levenshteinDistances(CaseContext ctx) {
        Dataset<Row> df = table(ctx, new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType),
                new Object[] {"kitten", "sitting"}, new Object[] {"", "abc"}, new Object[] {"abc", "abc"},
                new Object[] {null, "x"}, new Object[] {"ß", "ss"}, new Object[] {"a😀", "a"}, new Object[] {"flaw", "lawn"});
        show(ctx, df, levenshtein(col("a"), col("b")), levenshtein(col("a"), col("b"), 2), levenshtein(col("a"), col("b"), 0),
                levenshtein(col("a"), col("b"), -1));
        showExpr(ctx, df, "levenshtein(a, b)", "levenshtein(a, b, 3)", "levenshtein(a, b, null)", "levenshtein(a, 12)",
                "levenshtein(a, b, 'x')", "levenshtein(a)", "levenshtein(a, array('b'))");
    }

    @Case
    public static void soundexCodes(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "Robert", "Rupert", "Tymczak", "Pfister", "Ashcraft", "lee", "A", "", null, "123",
                "Ünïcödé", " Space", "O'Hara");
        show(ctx, df, soundex(col("s")));
        showExpr(ctx, df, "soundex(s)");
        showExpr(ctx, table(ctx), "soundex(i)", "soundex()");
    }

    @Case
    public static void uuidStableFacts(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, length(uuid()), uuid().rlike("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"),
                uuid().equalTo(uuid()));
        showExpr(ctx, df, "length(uuid())", "uuid() = uuid()", "substring(uuid(), 15, 1)", "uuid(1)");
        ctx.println("distinct over 5 rows: " + df.select(uuid()).distinct().count());
        ctx.println("type: " + df.select(uuid()).schema().fields()[0].dataType().simpleString()
                + ", nullable: " + df.select(uuid()).schema().fields()[0].nullable()
                + ", name: " + df.select(uuid()).schema().fields()[0].name());
    }

    @Case
    public static void parseUrlParts(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "https://user:pw@spark.apache.org:8080/docs/latest/index.html?a=1&b=x%20y&a=2#frag",
                "http://example.com", "file:///tmp/x.txt", "mailto:someone@example.com", "/relative/path?q=1", "", null);
        show(ctx, df, parse_url(col("s"), lit("HOST")), parse_url(col("s"), lit("PATH")), parse_url(col("s"), lit("QUERY")),
                parse_url(col("s"), lit("QUERY"), lit("a")), parse_url(col("s"), lit("QUERY"), lit("b")),
                parse_url(col("s"), lit("PROTOCOL")));
        showExpr(ctx, df, "parse_url(s, 'REF')", "parse_url(s, 'AUTHORITY')", "parse_url(s, 'FILE')",
                "parse_url(s, 'USERINFO')", "parse_url(s, 'QUERY', 'zz')", "parse_url(s, 'host')", "parse_url(s, 'PORT')",
                "parse_url(s, null)", "parse_url(s, 'QUERY', null)", "parse_url(s)");
    }

    @Case
    public static void parseUrlInvalidUnderAnsi(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "http://ok.com/a", "http://bad url.com/x y", "://nope", "inva lid");
        show(ctx, df, parse_url(col("s"), lit("HOST")), try_parse_url(col("s"), lit("HOST")),
                try_parse_url(col("s"), lit("QUERY"), lit("k")));
        showExpr(ctx, df, "parse_url(s, 'HOST')", "try_parse_url(s, 'HOST')", "parse_url('http://a b', 'PATH')",
                "parse_url('http://ok.com/%zz', 'PATH')");
        ctx.spark().conf().set("spark.sql.ansi.enabled", "false");
        showExpr(ctx, df, "parse_url(s, 'HOST')");
    }

    @Case
    public static void luhnCheckDigits(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "79927398713", "79927398710", "4111111111111111", "0", "", "12a4", " 1", "-18", null);
        showExpr(ctx, df, "luhn_check(s)");
        showExpr(ctx, table(ctx), "luhn_check(i)", "luhn_check(l)", "luhn_check('059')", "luhn_check()");
    }

    @Case
    public static void searchAndFormatInStreaming(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "url STRING, n DOUBLE",
                new String[] {"{\"url\":\"https://a.com/x?k=1\",\"n\":1234.567}", "{\"url\":\"http://b.org\",\"n\":-0.5}"},
                new String[] {"{\"url\":null,\"n\":null}", "{\"url\":\"https://c.net/p/q?k=abc&z=1\",\"n\":1e6}"});
        Dataset<Row> out = in.select(col("url"),
                parse_url(col("url"), lit("HOST")).as("host"),
                parse_url(col("url"), lit("QUERY"), lit("k")).as("k"),
                instr(col("url"), "/").as("slash"),
                format_number(col("n"), 1).as("num"),
                format_string("%s:%.1f", col("url"), col("n")).as("fmt"),
                soundex(parse_url(col("url"), lit("HOST"))).as("sx"),
                levenshtein(col("url"), lit("http://b.org")).as("lev"));
        OpsData.run(ctx, out);
    }

    @Case
    public static void invalidUrlFailsStreamingQuery(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "url STRING",
                new String[] {"{\"url\":\"https://a.com/x\"}"},
                new String[] {"{\"url\":\"http://bad host/\"}"});
        OpsData.runFailing(ctx, in.select(col("url"), parse_url(col("url"), lit("HOST")).as("host")));
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.show;
import static conformance.cases.FnSupport.showExpr;
import static conformance.cases.FnSupport.strings;
import static io.tideway.sql.functions.*;

/** sentences (words of sentences, by locale) and collate/collation. */
public final class FnMisc2Text {
    private FnMisc2Text() {
    }

    @Case
    public static void sentencesSplit(CaseContext ctx) {
        Dataset<Row> t = strings(ctx, "Hi there! Good morning.", "Hello world. How are you?", "", "  ",
                "Mr. Smith's e-mail: a.b@c.com, ok?", "数字 1,234.5 and 3.14!", "one", null);
        show(ctx, t, sentences(col("s")), sentences(col("s"), lit("en")), sentences(col("s"), lit("de"), lit("DE")));
        showExpr(ctx, t, "sentences(s)", "sentences(s, 'en', 'US')", "sentences(s, '', '')", "sentences(s, NULL)",
                "sentences(s, 'en', NULL)", "sentences(s, 'xx', 'YY')", "typeof(sentences(s))");
    }

    @Case
    public static void sentencesTypes(CaseContext ctx) {
        Dataset<Row> t = FnSupport.table(ctx);
        showExpr(ctx, t, "sentences(i)", "sentences(ts)", "sentences(s, i)", "sentences()", "sentences(s, 'en', 'US', 'x')");
    }

    @Case
    public static void collationNames(CaseContext ctx) {
        Dataset<Row> t = strings(ctx, "a", "A", "b", null);
        show(ctx, t, collation(col("s")), collate(col("s"), "UTF8_BINARY"), collation(collate(col("s"), "UTF8_BINARY")),
                collation(lit("x")));
        showExpr(ctx, t, "collation(s)", "collate(s, 'UTF8_BINARY')", "collation(s COLLATE UTF8_BINARY)", "s COLLATE UTF8_BINARY",
                "s COLLATE utf8_binary = 'a'", "collation(collate(s, 'SYSTEM.BUILTIN.UTF8_BINARY'))", "upper(s) COLLATE UTF8_BINARY",
                "collation(collate(s, 'utf8_binary'))", "typeof(collate(s, 'UTF8_BINARY'))",
                "collate(1, 'UTF8_BINARY')", "collation(1)", "collate(s, s)");
    }

    @Case
    public static void otherCollations(CaseContext ctx) {
        Dataset<Row> t = strings(ctx, "a", "A", "b", "B", null);
        showExpr(ctx, t, "collation(s COLLATE UTF8_LCASE)",
                "s COLLATE UTF8_LCASE = 'A'", "(s COLLATE UNICODE) < 'b'",
                "collation(collate(s, 'UNICODE_CI'))", "s COLLATE UNICODE_CI = 'a'", "typeof(s COLLATE UTF8_LCASE)",
                "collate(s, 'NOT_A_COLLATION')");
        try {
            ctx.rows(t.selectExpr("s COLLATE UTF8_LCASE AS c").distinct().collectAsList());
        } catch (Exception e) {
            ctx.println(OpsData.describe(e));
        }
        try {
            ctx.rows(t.orderBy(collate(col("s"), "UNICODE_CI")).collectAsList());
        } catch (Exception e) {
            ctx.println(OpsData.describe(e));
        }
    }
}

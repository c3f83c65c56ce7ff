package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/** XML functions: the xpath family (values, nulls, errors, column names). */
public final class FnXml {
    private FnXml() {
    }

    private static Dataset<Row> docs(CaseContext ctx) {
        return strings(ctx, "<a><b>1</b><b>2</b><c x=\"7\">cc</c></a>", "<a><b>x</b></a>", "", null, "<a/>");
    }

    @Case
    public static void xpathValues(CaseContext ctx) {
        Dataset<Row> df = docs(ctx);
        show(ctx, df, xpath(col("s"), lit("a/b/text()")), xpath(col("s"), lit("a/b")), xpath(col("s"), lit("a/c/@x")),
                xpath_string(col("s"), lit("a/c")), xpath_string(col("s"), lit("a/b")), xpath_boolean(col("s"), lit("a/b")),
                xpath_boolean(col("s"), lit("a/d")), xpath_int(col("s"), lit("sum(a/b)")), xpath_long(col("s"), lit("a/b")),
                xpath_short(col("s"), lit("a/c/@x")), xpath_float(col("s"), lit("sum(a/b)")),
                xpath_double(col("s"), lit("a/b")), xpath_number(col("s"), lit("count(a/b)")),
                xpath_double(col("s"), lit("a/d")), xpath_int(col("s"), lit("a/b div 0")));
    }

    @Case
    public static void xpathSql(CaseContext ctx) {
        Dataset<Row> df = docs(ctx);
        showExpr(ctx, df, "xpath(s, 'a/b/text()')", "xpath_string(s, 'a/c')", "xpath_boolean(s, 'a/b')",
                "xpath_int(s, 'sum(a/b)')", "xpath_number(s, 'sum(a/b)')", "xpath_float(s, '1.5')",
                "xpath_long(s, '12345678901')", "xpath_short(s, '70000')", "xpath_int(s, '3000000000')",
                "xpath_string(s, '')", "xpath_string(s, NULL)", "xpath_string(NULL, 'a')",
                "xpath_string('<a><b>b</b><c>cc</c></a>', 'a/c')");
    }

    @Case
    public static void xpathErrors(CaseContext ctx) {
        Dataset<Row> df = docs(ctx);
        showExpr(ctx, df, "xpath_string(s, s)", "xpath_int(1, 'a')", "xpath_int(s, 1)");
        Dataset<Row> bad = strings(ctx, "<a><b>1</b>");
        showExpr(ctx, bad, "xpath_string(s, 'a')", "xpath_string('<a/>', 'a/[')", "xpath('<a>1</a>', 'count(a)')");
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/** URL codec functions (url_encode, url_decode, try_url_decode), UTF-8 checks (is_valid_utf8 and the others) and randstr. */
public final class FnUrlUtf8 {
    private FnUrlUtf8() {
    }

    @Case
    public static void urlCodec(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "https://spark.apache.org/?q=a b&x=ü", "a+b%20c", "%", "%zz", "", null, "~*'()!");
        show(ctx, df, url_encode(col("s")), try_url_decode(col("s")), url_decode(url_encode(col("s"))));
        showExpr(ctx, df, "url_encode(s)", "try_url_decode(s)", "url_decode(s)", "url_decode('a%2Bb')", "url_encode(12)");
    }

    @Case
    public static void utf8Checks(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "plain", "Ünïcödé ✓ 𝄞", "", null);
        show(ctx, df, is_valid_utf8(col("s")), make_valid_utf8(col("s")), validate_utf8(col("s")), try_validate_utf8(col("s")));
        Dataset<Row> one = strings(ctx, "x");
        showExpr(ctx, one, "is_valid_utf8(unhex('61C0AF62'))", "hex(make_valid_utf8(unhex('61C0AF62')))",
                "hex(make_valid_utf8(unhex('E282')))", "hex(make_valid_utf8(unhex('F0908080FF41EDA080')))",
                "is_valid_utf8(unhex('F4908080'))", "is_valid_utf8(unhex('EFBFBF'))",
                "try_validate_utf8(unhex('FF'))", "validate_utf8(unhex('61FF'))", "validate_utf8(s)", "is_valid_utf8(NULL)");
    }

    @Case
    public static void randstrSeeded(CaseContext ctx) {
        Dataset<Row> one = strings(ctx, "x");
        show(ctx, one, randstr(lit(3), lit(0)), randstr(lit(10), lit(42L)), randstr(lit(0), lit(1)),
                length(randstr(lit(8))).as("len"));
        showExpr(ctx, one, "randstr(3, 0)", "randstr(CAST(5 AS SMALLINT), 7)", "length(randstr(4))", "randstr(-1, 0)",
                "randstr(length(s), 0)", "randstr(2, length(s))", "randstr('3', 0)");
    }
}

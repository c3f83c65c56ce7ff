package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.*;

/** Spark's SQL forms of function calls: substr/substring with FROM and FOR, struct fields named without AS. */
public final class FnSqlForms {
    private FnSqlForms() {
    }

    @Case
    public static void substrKeywordForms(CaseContext ctx) {
        showExpr(ctx, table(ctx), "substr(s FROM 2 FOR 3)", "SUBSTR(s FROM i)", "substring(s FROM -3 FOR 2)",
                "substr(s FROM 2 FOR 3) || '!'", "upper(substr(s FROM (i + 2)))", "substr(s FROM 'x')", "substr(s FROM)");
    }

    @Case
    public static void structFieldsWithoutAs(CaseContext ctx) {
        showExpr(ctx, table(ctx), "struct(i x)", "struct(i x, s y)", "struct(i + 1 n, upper(s) u)", "struct(i AS x, s y).y",
                "struct(i, s)", "struct(x IS NULL)", "struct(CASE WHEN i > 0 THEN 1 END)",
                "struct(b AND b)", "struct(INTERVAL 1 DAY)");
    }

    @Case
    public static void structFieldNamedTwice(CaseContext ctx) {
        showExpr(ctx, table(ctx), "struct(i x y)");
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.show;
import static conformance.cases.FnSupport.showExpr;
import static conformance.cases.FnSupport.strings;
import static io.tideway.sql.functions.*;

/** to_number / try_to_number: Spark's number formats, the decimal type a format gives, and the errors. */
public final class FnMisc2Number {
    private FnMisc2Number() {
    }

    @Case
    public static void formats(CaseContext ctx) {
        Dataset<Row> t = strings(ctx, "454", "-454", "12,454.8", "$78.12", "0", "454-", "<454>", null);
        showExpr(ctx, t, "try_to_number(s, '999')", "try_to_number(s, 'S999')", "try_to_number(s, '99,999.99')",
                "try_to_number(s, '$99.99')", "try_to_number(s, '999MI')", "try_to_number(s, '999PR')",
                "try_to_number(s, '000.00')", "try_to_number(s, '99G999D9')", "try_to_number(s, '9999999')",
                "try_to_number(s, 'MI999')");
    }

    @Case
    public static void literals(CaseContext ctx) {
        Dataset<Row> t = strings(ctx, "x");
        showExpr(ctx, t, "to_number('454', '999')", "to_number('454.00', '000.00')", "to_number('12,454', '99,999')",
                "to_number('$78.12', '$99.99')", "to_number('12,454.8-', '99,999.9S')", "to_number('-12', 'S99')",
                "to_number('+12', 'S99')", "to_number('12-', '99MI')", "to_number('12 ', '99MI')", "to_number('<12>', '99PR')",
                "to_number('12', '99PR')", "to_number('0.5', '.9')", "to_number('5', '9.')", "to_number('007', '000')",
                "to_number('7', '000')", "to_number('1,2', '9,9')", "to_number('12,345,678', '99,999,999')",
                "to_number(' 12', '999')", "to_number('', '999')", "to_number(NULL, '999')", "to_number('1', NULL)",
                "to_number('12.3', '99D9')", "to_number('1.234', '9.999')", "to_number('99999999999999999999', '99999999999999999999')");
    }

    @Case
    public static void mismatchAndFormatErrors(CaseContext ctx) {
        Dataset<Row> t = strings(ctx, "x");
        showExpr(ctx, t, "to_number('4545', '999')", "to_number('abc', '999')", "to_number('12.345', '99.99')",
                "try_to_number('4545', '999')", "to_number('1', '')", "to_number('1', 'ABC')", "to_number('1', '9.9.9')",
                "to_number('1', 'SS9')", "to_number('1', '9,.9')", "to_number('1', ',9')", "to_number('1', '9.9,9')",
                "to_number('1', '$')", "to_number('1', '9$')", "to_number('1', '9.$9')", "to_number('1', 'MI9MI')",
                "try_to_number('1', 'ABC')", "to_number(s, s)", "to_number(1, '9')", "to_number('1')");
    }

    @Case
    public static void javaFunctions(CaseContext ctx) {
        Dataset<Row> t = strings(ctx, "454", "1,234.5", "bad", null);
        show(ctx, t, try_to_number(col("s"), lit("9,999.9")), try_to_number(col("s"), lit("999")));
        show(ctx, t.where("s = '454'"), to_number(col("s"), lit("999")), to_number(col("s"), lit("S9999.99")));
        show(ctx, t.where("s = 'bad'"), to_number(col("s"), lit("999")));
    }

    @Case
    public static void inStream(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.strings(ctx, "1,234.5", "-7", "bad", null);
        Dataset<Row> out = in.selectExpr("s", "try_to_number(s, 'S9,999.9') AS n", "to_char(try_to_number(s, 'S9,999.9'), '0000.00') AS c");
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void mismatchFailsStream(CaseContext ctx) throws Exception {
        OpsData.runFailing(ctx, OpsData.strings(ctx, "12", "x1").selectExpr("to_number(s, '99') AS n"));
    }

    @Case
    public static void toCharFormatChecks(CaseContext ctx) {
        Dataset<Row> t = strings(ctx, "x");
        showExpr(ctx, t, "to_char(454, 'ABC')", "to_char(454, '9.9.9')", "to_char(454, '9$')", "to_char(454, '')",
                "to_char(454, s)", "to_char(454, '999')", "to_varchar(-4.5, 'MI9MI')", "to_char(454, NULL)",
                "to_char(DATE'2024-01-02', s)");
    }
}

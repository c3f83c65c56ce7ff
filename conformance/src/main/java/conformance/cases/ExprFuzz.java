package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import conformance.Canonical;
import conformance.ExpressionFuzz;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The differential expression fuzz: expressions from {@link ExpressionFuzz} with a fixed seed per
 * case, each evaluated by {@code selectExpr} over a small table, printed with its result type and
 * its value per row (or its error). Tables: "plain" (small values, zeros, empty strings, a row of
 * nulls) and "edge" (the limits of each type, NaN and infinities), where overflow and invalid
 * casts show how each engine reports them. 40 cases of 50 expressions: 2,000 in all; six more (collections1-6) draw the array and map functions too.
 */
public final class ExprFuzz {
    private static final int EXPRESSIONS_PER_CASE = 50;
    private static final int DEPTH = 3;

    private ExprFuzz() {
    }

    private static final StructType SCHEMA = new StructType()
            .add("i", DataTypes.IntegerType)
            .add("l", DataTypes.LongType)
            .add("d", DataTypes.DoubleType)
            .add("s", DataTypes.StringType)
            .add("b", DataTypes.BooleanType)
            .add("ts", DataTypes.TimestampType)
            .add("dt", DataTypes.DateType);

    private static final List<Row> PLAIN = Arrays.asList(
            RowFactory.create(1, 10L, 1.5, "a", true, ts("2024-03-15 10:30:45.123456"), date("2024-03-15")),
            RowFactory.create(-7, -30L, -0.25, "Hello", false, ts("2023-12-31 23:59:59"), date("2023-12-31")),
            RowFactory.create(0, 0L, 0.0, "", true, ts("1970-01-01 00:00:00"), date("1970-01-01")),
            RowFactory.create(null, null, null, null, null, null, null),
            RowFactory.create(3, 7L, 2.0, "12", false, ts("2000-02-29 12:00:00.5"), date("2000-02-29")),
            RowFactory.create(12, -1L, 100.125, " 7 ", null, ts("1969-12-31 23:59:59.999999"), date("1969-12-31")));

    private static final List<Row> EDGE = Arrays.asList(
            RowFactory.create(Integer.MAX_VALUE, Long.MAX_VALUE, Double.MAX_VALUE, "2147483648", true,
                    ts("2100-12-31 23:59:59.999999"), date("2100-12-31")),
            RowFactory.create(Integer.MIN_VALUE, Long.MIN_VALUE, Double.NaN, "-9223372036854775809", false,
                    ts("1900-01-01 00:00:00"), date("1900-01-01")),
            RowFactory.create(-1, -1L, Double.POSITIVE_INFINITY, "1e3", true, ts("2024-02-29 00:00:00"), date("2024-02-29")),
            RowFactory.create(1, 1L, Double.NEGATIVE_INFINITY, "NaN", false, null, null),
            RowFactory.create(0, 0L, -0.0, "9.99e307", null, ts("1970-01-01 00:00:00.000001"), date("1970-01-02")));

    /** A timestamp in the session zone (UTC in every run). */
    private static java.sql.Timestamp ts(String text) {
        return java.sql.Timestamp.valueOf(text);
    }

    private static java.sql.Date date(String text) {
        return java.sql.Date.valueOf(text);
    }

    private static void fuzz(CaseContext ctx, long seed, List<Row> rows) {
        fuzz(ctx, new ExpressionFuzz(seed), rows);
    }

    private static void fuzz(CaseContext ctx, ExpressionFuzz fuzz, List<Row> rows) {
        Dataset<Row> table = ctx.spark().createDataFrame(rows, SCHEMA);
        for (int n = 0; n < EXPRESSIONS_PER_CASE; n++) {
            String expr = fuzz.next(DEPTH);
            try {
                Dataset<Row> result = table.selectExpr(expr);
                String type = result.schema().fields()[0].dataType().simpleString();
                List<String> values = new ArrayList<>();
                for (Row r : result.collectAsList()) {
                    values.add(Canonical.value(r.get(0)));
                }
                ctx.println(expr + " :: " + type + " => " + String.join(" | ", values));
            } catch (Exception e) {
                ctx.println(expr + " => " + Canonical.error(e));
            }
        }
    }

    @Case
    public static void plain1(CaseContext ctx) {
        fuzz(ctx, 1, PLAIN);
    }

    @Case
    public static void plain2(CaseContext ctx) {
        fuzz(ctx, 2, PLAIN);
    }

    @Case
    public static void plain3(CaseContext ctx) {
        fuzz(ctx, 3, PLAIN);
    }

    @Case
    public static void plain4(CaseContext ctx) {
        fuzz(ctx, 4, PLAIN);
    }

    @Case
    public static void plain5(CaseContext ctx) {
        fuzz(ctx, 5, PLAIN);
    }

    @Case
    public static void plain6(CaseContext ctx) {
        fuzz(ctx, 6, PLAIN);
    }

    @Case
    public static void plain7(CaseContext ctx) {
        fuzz(ctx, 7, PLAIN);
    }

    @Case
    public static void plain8(CaseContext ctx) {
        fuzz(ctx, 8, PLAIN);
    }

    @Case
    public static void plain9(CaseContext ctx) {
        fuzz(ctx, 9, PLAIN);
    }

    @Case
    public static void plain10(CaseContext ctx) {
        fuzz(ctx, 10, PLAIN);
    }

    @Case
    public static void plain11(CaseContext ctx) {
        fuzz(ctx, 11, PLAIN);
    }

    @Case
    public static void plain12(CaseContext ctx) {
        fuzz(ctx, 12, PLAIN);
    }

    @Case
    public static void plain13(CaseContext ctx) {
        fuzz(ctx, 13, PLAIN);
    }

    @Case
    public static void plain14(CaseContext ctx) {
        fuzz(ctx, 14, PLAIN);
    }

    @Case
    public static void plain15(CaseContext ctx) {
        fuzz(ctx, 15, PLAIN);
    }

    @Case
    public static void plain16(CaseContext ctx) {
        fuzz(ctx, 16, PLAIN);
    }

    @Case
    public static void plain17(CaseContext ctx) {
        fuzz(ctx, 17, PLAIN);
    }

    @Case
    public static void plain18(CaseContext ctx) {
        fuzz(ctx, 18, PLAIN);
    }

    @Case
    public static void plain19(CaseContext ctx) {
        fuzz(ctx, 19, PLAIN);
    }

    @Case
    public static void plain20(CaseContext ctx) {
        fuzz(ctx, 20, PLAIN);
    }

    @Case
    public static void plain21(CaseContext ctx) {
        fuzz(ctx, 21, PLAIN);
    }

    @Case
    public static void plain22(CaseContext ctx) {
        fuzz(ctx, 22, PLAIN);
    }

    @Case
    public static void plain23(CaseContext ctx) {
        fuzz(ctx, 23, PLAIN);
    }

    @Case
    public static void plain24(CaseContext ctx) {
        fuzz(ctx, 24, PLAIN);
    }

    @Case
    public static void plain25(CaseContext ctx) {
        fuzz(ctx, 25, PLAIN);
    }

    @Case
    public static void plain26(CaseContext ctx) {
        fuzz(ctx, 26, PLAIN);
    }

    @Case
    public static void plain27(CaseContext ctx) {
        fuzz(ctx, 27, PLAIN);
    }

    @Case
    public static void plain28(CaseContext ctx) {
        fuzz(ctx, 28, PLAIN);
    }

    @Case
    public static void plain29(CaseContext ctx) {
        fuzz(ctx, 29, PLAIN);
    }

    @Case
    public static void plain30(CaseContext ctx) {
        fuzz(ctx, 30, PLAIN);
    }

    @Case
    public static void edge1(CaseContext ctx) {
        fuzz(ctx, 101, EDGE);
    }

    @Case
    public static void edge2(CaseContext ctx) {
        fuzz(ctx, 102, EDGE);
    }

    @Case
    public static void edge3(CaseContext ctx) {
        fuzz(ctx, 103, EDGE);
    }

    @Case
    public static void edge4(CaseContext ctx) {
        fuzz(ctx, 104, EDGE);
    }

    @Case
    public static void edge5(CaseContext ctx) {
        fuzz(ctx, 105, EDGE);
    }

    @Case
    public static void edge6(CaseContext ctx) {
        fuzz(ctx, 106, EDGE);
    }

    @Case
    public static void edge7(CaseContext ctx) {
        fuzz(ctx, 107, EDGE);
    }

    @Case
    public static void edge8(CaseContext ctx) {
        fuzz(ctx, 108, EDGE);
    }

    @Case
    public static void edge9(CaseContext ctx) {
        fuzz(ctx, 109, EDGE);
    }

    @Case
    public static void edge10(CaseContext ctx) {
        fuzz(ctx, 110, EDGE);
    }

    /** Seeds whose calls include the array and map functions. */
    @Case
    public static void collections1(CaseContext ctx) {
        fuzz(ctx, new ExpressionFuzz(1001, true), PLAIN);
    }

    @Case
    public static void collections2(CaseContext ctx) {
        fuzz(ctx, new ExpressionFuzz(1002, true), PLAIN);
    }

    @Case
    public static void collections3(CaseContext ctx) {
        fuzz(ctx, new ExpressionFuzz(1003, true), PLAIN);
    }

    @Case
    public static void collections4(CaseContext ctx) {
        fuzz(ctx, new ExpressionFuzz(1004, true), PLAIN);
    }

    @Case
    public static void collections5(CaseContext ctx) {
        fuzz(ctx, new ExpressionFuzz(1005, true), EDGE);
    }

    @Case
    public static void collections6(CaseContext ctx) {
        fuzz(ctx, new ExpressionFuzz(1006, true), EDGE);
    }
}

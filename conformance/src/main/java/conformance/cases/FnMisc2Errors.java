package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.show;
import static conformance.cases.FnSupport.showExpr;
import static io.tideway.sql.functions.*;

/**
 * raise_error and assert_true: Spark 4's USER_RAISED_EXCEPTION, the column names and types, and
 * how a failing row surfaces on collect, show and a streaming query's exception.
 */
public final class FnMisc2Errors {
    private FnMisc2Errors() {
    }

    @Case
    public static void raiseErrorOnCollect(CaseContext ctx) {
        Dataset<Row> t = FnSupport.table(ctx);
        show(ctx, t, raise_error(col("s")), raise_error(lit("custom message")),
                when(col("i").gt(100), raise_error(lit("too big"))).otherwise(col("i")),
                raise_error(concat(lit("bad row "), col("i").cast("string"))));
        showExpr(ctx, t, "raise_error('boom')", "raise_error(s)", "if(i > 100, raise_error('too big'), i)",
                "typeof(raise_error('x'))", "raise_error(NULL)", "raise_error(i)", "raise_error('a', 'b')",
                "raise_error()");
    }

    @Case
    public static void assertTrueOnCollect(CaseContext ctx) {
        Dataset<Row> t = FnSupport.table(ctx);
        // a condition on a column without a message is left out: Spark's message names the column with its
        // expression id ('(i#241 > 0)' is not true!), which depends on the plan
        show(ctx, t, assert_true(col("i").isNotNull(), lit("i is null")), assert_true(col("i").lt(1000), col("s")),
                assert_true(lit(true)), assert_true(lit(1).gt(2)), assert_true(col("b"), concat(lit("b is "), col("b"))));
        showExpr(ctx, t, "assert_true(i IS NULL OR i < 10, 'i too large')", "assert_true(NULL)", "assert_true(1 = 1)",
                "assert_true(1 > 2)", "assert_true(i > 0, concat('bad i: ', i))", "assert_true(i, 'm')", "assert_true(s, 'm')",
                "typeof(assert_true(true))", "assert_true(true, 'm', 'x')", "assert_true()", "assert_true(true, 5)");
    }

    @Case
    public static void failingRowOnShow(CaseContext ctx) {
        Dataset<Row> t = FnSupport.table(ctx);
        try {
            t.select(col("i"), assert_true(col("i").notEqual(0), lit("zero found"))).show();
            ctx.println("no error");
        } catch (Exception e) {
            ctx.errorChain(e);
        }
        try {
            t.selectExpr("i", "raise_error(concat('row ', i))").show();
            ctx.println("no error");
        } catch (Exception e) {
            ctx.errorChain(e);
        }
        t.where("i = 1").select(col("i"), assert_true(col("i").equalTo(1), lit("not one"))).show();
        try {
            t.selectExpr("raise_error('x') AS e").collectAsList();
        } catch (Exception e) {
            ctx.println(e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    @Case
    public static void failingRowFailsStream(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "i INT, s STRING",
                new String[] {"{\"i\":1,\"s\":\"a\"}", "{\"i\":2,\"s\":\"b\"}"},
                new String[] {"{\"i\":-5,\"s\":\"c\"}"});
        OpsData.runFailing(ctx, in.select(col("i"), assert_true(col("i").gt(0), concat(lit("negative: "), col("s")))));
    }

    @Case
    public static void raiseErrorFailsStream(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "i INT, s STRING",
                new String[] {"{\"i\":1,\"s\":\"a\"}"},
                new String[] {"{\"i\":7,\"s\":\"lucky\"}"});
        Dataset<Row> out = in.selectExpr("i", "CASE WHEN i = 7 THEN raise_error(concat('no ', s)) ELSE s END AS s");
        OpsData.fields(ctx, out);
        io.tideway.sql.streaming.StreamingQuery q = out.writeStream().trigger(io.tideway.sql.streaming.Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches()).start();
        try {
            q.awaitTermination();
        } catch (Exception e) {
            ctx.println("awaitTermination: " + e.getClass().getSimpleName());
        }
        Throwable cause = q.exception().get();
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        ctx.println("exception root: " + cause.getClass().getSimpleName() + ": " + cause.getMessage().lines().findFirst().orElse(""));
    }
}

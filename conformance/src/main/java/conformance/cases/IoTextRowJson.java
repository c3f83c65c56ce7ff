package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;

/** {@code Row.json()}, {@code prettyJson()}, {@code toSeq()} and {@code apply(int)} (issue 15). */
public final class IoTextRowJson {
    private IoTextRowJson() {
    }

    private static Dataset<Row> values(CaseContext ctx) {
        return ctx.spark().sql("SELECT 1 AS i, CAST(2 AS TINYINT) AS b, 10000000000L AS l, 1.5D AS d, CAST(0.1 AS FLOAT) AS f,"
                + " CAST(12.50 AS DECIMAL(5,2)) AS dec, 'q\"uote\\n' AS s, true AS t, CAST(NULL AS STRING) AS n,"
                + " DATE'2024-02-29' AS dt, TIMESTAMP'2024-01-02 03:04:05.678' AS ts, X'0102FF' AS bin,"
                + " array(1, NULL, 3) AS arr, array() AS empty, map('b', 2, 'a', 1) AS m, map(1, 'x') AS im,"
                + " named_struct('x', 1, 'y', array(named_struct('z', 'w'))) AS st, CAST('NaN' AS DOUBLE) AS nan");
    }

    @Case
    public static void jsonForms(CaseContext ctx) throws Exception {
        Row r = values(ctx).collectAsList().get(0);
        ctx.println(r.json());
        ctx.println(r.prettyJson());
    }

    @Case
    public static void jsonOfSmallRows(CaseContext ctx) throws Exception {
        for (Row r : ctx.spark().range(2).selectExpr("id", "CAST(id AS STRING) AS s").collectAsList()) {
            ctx.println(r.json());
            ctx.println(r.prettyJson());
        }
        Row empty = ctx.spark().sql("SELECT map() AS m, named_struct('a', CAST(NULL AS INT)) AS s").collectAsList().get(0);
        ctx.println(empty.json());
        ctx.println(empty.prettyJson());
        try {
            ctx.println(RowFactory.create(1, "a").json());
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void toSeqAndApply(CaseContext ctx) throws Exception {
        Row r = ctx.spark().sql("SELECT 1 AS a, 'x' AS b, CAST(NULL AS INT) AS c").collectAsList().get(0);
        ctx.println(r.toSeq().size() + " " + r.toSeq().mkString("[", "|", "]"));
        ctx.println(r.apply(0) + " " + r.apply(1) + " " + r.apply(2));
        ctx.println(RowFactory.create("p", 2).toSeq().mkString(","));
    }
}

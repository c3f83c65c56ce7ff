package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import java.util.Arrays;

import static conformance.cases.OpsAuditFunctions.input;
import static conformance.cases.OpsAuditFunctions.show;
import static io.tideway.sql.functions.array;
import static io.tideway.sql.functions.array_append;
import static io.tideway.sql.functions.array_compact;
import static io.tideway.sql.functions.array_insert;
import static io.tideway.sql.functions.array_prepend;
import static io.tideway.sql.functions.array_size;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.current_catalog;
import static io.tideway.sql.functions.current_database;
import static io.tideway.sql.functions.current_schema;
import static io.tideway.sql.functions.current_user;
import static io.tideway.sql.functions.find_in_set;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.session_user;
import static io.tideway.sql.functions.split_part;
import static io.tideway.sql.functions.user;
import static io.tideway.sql.functions.version;

/**
 * {@code functions} the API audit found missing (issue 14), one case per family: {@code array_size},
 * {@code find_in_set} and the session's catalog, schema and user, by the Java API and by SQL text.
 */
public final class FnAuditMore {
    private FnAuditMore() {
    }

    @Case
    public static void arrays(CaseContext ctx) throws Exception {
        show(ctx, input(ctx).select(array_size(array(col("k"), lit(2))),
                array_size(lit(null).cast("array<int>")).as("n")));
        show(ctx, input(ctx).selectExpr("array_size(array(k, k, 3))", "array_size(array())",
                "array_size(CAST(NULL AS ARRAY<STRING>))"));
        ctx.println(array_size(col("a")));
    }

    @Case
    public static void arrayEdits(CaseContext ctx) throws Exception {
        show(ctx, input(ctx).select(array_append(array(col("k"), lit(2)), col("k")), array_prepend(array(col("s")), "z"),
                array_compact(array(col("k"), lit(null), lit(3))), array_append(array(lit(1)), 2.5).as("w"),
                array_prepend(array(lit(1)), 0).as("p")));
        show(ctx, input(ctx).selectExpr("array_append(array(1, 2), NULL)", "array_prepend(array('a'), s)",
                "array_append(CAST(NULL AS ARRAY<INT>), 1)", "array_compact(array(s, NULL, 'x'))",
                "array_compact(CAST(NULL AS ARRAY<INT>))", "array_prepend(array(1L), k)"));
        show(ctx, input(ctx).select(array_insert(array(col("k"), lit(2)), col("k"), lit(9)),
                array_insert(array(lit("x")), lit(-1), col("s")).as("s")));
        show(ctx, input(ctx).selectExpr("array_insert(array(1, 2, 3), 2, 9)", "array_insert(array(1, 2), 5, 9)",
                "array_insert(array(1, 2), -1, 9)", "array_insert(array(1, 2), -2, 9)", "array_insert(array(1, 2), -3, 9)",
                "array_insert(array(1, 2), -5, 9)", "array_insert(array(1, 2), 3, 9L)", "array_insert(array(1), 1, NULL)",
                "array_insert(CAST(NULL AS ARRAY<INT>), 1, 1)"));
        ctx.println(array_insert(col("a"), lit(1), col("b")));
        ctx.println(array_append(col("a"), 1) + " " + array_prepend(col("a"), col("b")) + " " + array_compact(col("a")));
    }

    @Case
    public static void strings(CaseContext ctx) throws Exception {
        show(ctx, input(ctx).select(find_in_set(col("s"), lit("x,ann,")), find_in_set(lit("b"), col("s")).as("none")));
        show(ctx, input(ctx).selectExpr("find_in_set('b', 'a,b,c')", "find_in_set('a,b', 'a,b')",
                "find_in_set('', 'a,,b')", "find_in_set(NULL, 'a')", "find_in_set(k, '0,1,2')", "find_in_set('c', 'a,b')"));
        ctx.println(find_in_set(col("s"), lit("a,b")));
        show(ctx, input(ctx).select(split_part(col("s"), lit("n"), col("k")), split_part(lit("a||b||c"), lit("||"), lit(-1)).as("l")));
        show(ctx, input(ctx).selectExpr("split_part('a,b,c', ',', 2)", "split_part('a,b,c', ',', 4)", "split_part('a,b,c', ',', -3)",
                "split_part('a,b,c', ',', -4)", "split_part('abc', '', 1)", "split_part('abc', '', -1)", "split_part(',a,', ',', 3)",
                "split_part(s, NULL, 1)", "split_part('', ',', 1)", "split_part('aaa', 'aa', 2)"));
        ctx.println(split_part(col("s"), lit(","), lit(1)));
    }

    @Case
    public static void sessionInfo(CaseContext ctx) throws Exception {
        show(ctx, input(ctx).select(current_database(), current_schema(), current_catalog()));
        show(ctx, input(ctx).selectExpr("current_database()", "current_schema()", "current_catalog()"));
        Dataset<Row> users = input(ctx).limit(1).select(current_user(), user(), session_user());
        ctx.println(Arrays.toString(users.columns()));
        users.printSchema();
        Row r = users.collectAsList().get(0);
        String me = System.getenv("SPARK_USER") != null ? System.getenv("SPARK_USER") : System.getProperty("user.name");
        ctx.println(me.equals(r.getString(0)) + " " + me.equals(r.getString(1)) + " " + me.equals(r.getString(2)));
        ctx.println(current_database() + " " + current_catalog() + " " + current_user());
        show(ctx, input(ctx).limit(1).select(version()));
        show(ctx, input(ctx).limit(1).selectExpr("version()"));
        ctx.println(version());
    }
}

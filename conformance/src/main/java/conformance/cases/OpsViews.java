package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.names;
import static conformance.cases.JoinsInput.run;

/**
 * Temporary views made from a Dataset: {@code createTempView} (which refuses an existing name),
 * {@code registerTempTable}, and the application's global views ({@code createGlobalTempView},
 * {@code createOrReplaceGlobalTempView}) read as {@code global_temp.<name>} from any session
 * (issue 15). Global views outlive a case's session, so each case drops the ones it made.
 */
public final class OpsViews {
    private OpsViews() {
    }

    @Case
    public static void createTempViewRefusesExisting(CaseContext ctx) throws Exception {
        Dataset<Row> n = names(ctx);
        n.createTempView("people");
        ctx.show(ctx.spark().sql("SELECT name FROM people WHERE id > 2"));
        for (String name : new String[] {"people", "PEOPLE"}) {
            try {
                n.where("id = 1").createTempView(name);
                ctx.println("created " + name);
            } catch (Exception e) {
                ctx.error(e);
            }
        }
        n.where("id = 1").createOrReplaceTempView("people");
        ctx.show(ctx.spark().table("people"));
        ctx.println(ctx.spark().catalog().dropTempView("people"));
        n.where("id = 2").createTempView("people");
        ctx.show(ctx.spark().table("people"));
    }

    @SuppressWarnings("deprecation")
    @Case
    public static void registerTempTableReplaces(CaseContext ctx) throws Exception {
        names(ctx).registerTempTable("t");
        names(ctx).where("id < 3").registerTempTable("t");
        ctx.show(ctx.spark().sql("SELECT * FROM t"));
    }

    @Case
    public static void globalTempViewAcrossSessions(CaseContext ctx) throws Exception {
        names(ctx).createGlobalTempView("gv_sessions");
        try {
            ctx.show(ctx.spark().table("global_temp.gv_sessions"));
            TidewaySession other = ctx.spark().newSession();
            ctx.show(other.sql("SELECT name FROM global_temp.gv_sessions WHERE id % 2 = 1"));
            ctx.show(other.table("GLOBAL_TEMP.GV_SESSIONS").where("id = 4"));
        } finally {
            ctx.println(ctx.spark().catalog().dropGlobalTempView("gv_sessions"));
        }
        ctx.println(ctx.spark().catalog().dropGlobalTempView("gv_sessions"));
    }

    @Case
    public static void globalTempViewRefusesExisting(CaseContext ctx) throws Exception {
        Dataset<Row> n = names(ctx);
        n.createGlobalTempView("gv_existing");
        try {
            try {
                n.where("id = 1").createGlobalTempView("gv_existing");
                ctx.println("created");
            } catch (Exception e) {
                ctx.error(e);
            }
            n.where("id = 3").createOrReplaceGlobalTempView("gv_existing");
            ctx.show(ctx.spark().table("global_temp.gv_existing"));
        } finally {
            ctx.spark().catalog().dropGlobalTempView("gv_existing");
        }
    }

    /** A global view is not a session view: unqualified, or after it is dropped, it is not found. */
    @Case
    public static void globalTempViewNeedsQualifier(CaseContext ctx) throws Exception {
        names(ctx).createOrReplaceGlobalTempView("gv_qualifier");
        try {
            ctx.spark().table("gv_qualifier");
            ctx.println("found");
        } catch (Exception e) {
            ctx.error(e);
        }
        ctx.spark().catalog().dropGlobalTempView("gv_qualifier");
        try {
            ctx.spark().table("global_temp.gv_qualifier");
            ctx.println("found");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** A streaming Dataset's view, created with createTempView and queried with SQL. */
    @Case
    public static void streamingTempView(CaseContext ctx) throws Exception {
        Dataset<Row> s = csv(ctx, "in", "id INT, v STRING", batch("1,a", "2,b"), batch("3,c"));
        s.createTempView("events");
        try {
            s.createTempView("events");
        } catch (Exception e) {
            ctx.error(e);
        }
        run(ctx, ctx.spark().sql("SELECT id * 10 AS x, v FROM events WHERE id > 1"), "append");
    }
}

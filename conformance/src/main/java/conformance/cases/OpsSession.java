package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;

/**
 * The session's helpers: the active and default sessions, parameterized SQL (named {@code :p} and
 * positional {@code ?} markers), {@code createDataFrame} of Java beans, and the builder's map and
 * double settings. The active and default sessions are put back as they were at the end of each
 * case, since later cases run in the same JVM.
 */
public final class OpsSession {
    private OpsSession() {
    }

    /** A Java bean, read by its getters in the order Spark's bean encoder uses. */
    public static final class Reading implements java.io.Serializable {
        private String sensor;
        private double value;
        private Integer count;

        public Reading() {
        }

        public Reading(String sensor, double value, Integer count) {
            this.sensor = sensor;
            this.value = value;
            this.count = count;
        }

        public String getSensor() {
            return sensor;
        }

        public void setSensor(String sensor) {
            this.sensor = sensor;
        }

        public double getValue() {
            return value;
        }

        public void setValue(double value) {
            this.value = value;
        }

        public Integer getCount() {
            return count;
        }

        public void setCount(Integer count) {
            this.count = count;
        }
    }

    @Case
    public static void activeAndDefault(CaseContext ctx) throws Exception {
        TidewaySession mine = ctx.spark();
        scala.Option<TidewaySession> wasActive = TidewaySession.getActiveSession();
        scala.Option<TidewaySession> wasDefault = TidewaySession.getDefaultSession();
        try {
            ctx.println("default defined: " + wasDefault.isDefined());
            TidewaySession.setActiveSession(mine);
            ctx.println("active is mine: " + (TidewaySession.getActiveSession().get() == mine) + " " + (TidewaySession.active() == mine));
            TidewaySession.clearActiveSession();
            ctx.println("active after clear is default: " + (TidewaySession.getActiveSession().isEmpty()
                    ? "empty" : String.valueOf(TidewaySession.getActiveSession().get() == wasDefault.get())));
            ctx.println("active() after clear is default: " + (TidewaySession.active() == wasDefault.get()));
            TidewaySession.setDefaultSession(mine);
            ctx.println("default is mine: " + (TidewaySession.getDefaultSession().get() == mine));
            TidewaySession.clearDefaultSession();
            ctx.println("default after clear: " + TidewaySession.getDefaultSession().isDefined());
            ctx.println("getOrCreate is active: " + (TidewaySession.builder().getOrCreate() == TidewaySession.getActiveSession().get()));
        } finally {
            if (wasDefault.isDefined()) {
                TidewaySession.setDefaultSession(wasDefault.get());
            }
            if (wasActive.isDefined()) {
                TidewaySession.setActiveSession(wasActive.get());
            } else {
                TidewaySession.clearActiveSession();
            }
        }
    }

    @Case
    public static void createSharesTables(CaseContext ctx) throws Exception {
        scala.Option<TidewaySession> wasActive = TidewaySession.getActiveSession();
        try {
            ctx.spark().range(3).write().saveAsTable("sess_created");
            TidewaySession made = TidewaySession.builder().config("conformance.created", "yes").create();
            ctx.println("new: " + (made != ctx.spark()) + ", not the default: " + (made != TidewaySession.getDefaultSession().get()));
            // Spark's builder gives a new session new shared state: an in-memory catalog without the other session's tables
            ctx.println("sees the table: " + made.catalog().tableExists("sess_created") + " "
                    + ctx.spark().newSession().catalog().tableExists("sess_created"));
            ctx.println("conf: " + made.conf().get("conformance.created") + " / " + ctx.spark().conf().get("conformance.created", "unset"));
        } finally {
            if (wasActive.isDefined()) {
                TidewaySession.setActiveSession(wasActive.get());
            } else {
                TidewaySession.clearActiveSession();
            }
        }
    }

    @Case
    public static void namedParameters(CaseContext ctx) throws Exception {
        TidewaySession spark = ctx.spark();
        spark.range(5).createOrReplaceTempView("ids");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("lo", 2);
        args.put("name", "b'c");
        args.put("day", java.time.LocalDate.of(2024, 2, 29));
        Dataset<Row> df = spark.sql("SELECT id, :name AS n, :day AS d FROM ids WHERE id > :lo", args);
        ctx.show(df);
        fields(ctx, df);
        ctx.show(spark.sql("SELECT :x + 1 AS y, :x * 2", Map.of("x", 20L)));
        fields(ctx, spark.sql("SELECT :x + 1 AS y, :x * 2, :s", Map.of("x", 20L, "s", "it's")));
        ctx.show(spark.sql("SELECT :s IS NULL, :b AND true, :d / 2", mapOf("s", null, "b", true, "d", 1.5)));
        ctx.show(spark.sql("SELECT :big", Map.of("big", new java.math.BigDecimal("12.340"))));
        error(ctx, "unbound", () -> spark.sql("SELECT :missing", Map.of("x", 1)).collectAsList());
        error(ctx, "unbound no args", () -> spark.sql("SELECT :missing").collectAsList());
        ctx.show(spark.sql("SELECT 1 AS one", Map.of("unused", 5)));
        ctx.show(spark.sql("SELECT ':notamarker' AS s, :p AS p", Map.of("p", "v")));
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Case
    public static void positionalParameters(CaseContext ctx) throws Exception {
        TidewaySession spark = ctx.spark();
        spark.range(4).createOrReplaceTempView("ids");
        Dataset<Row> df = spark.sql("SELECT id, ? AS tag FROM ids WHERE id >= ? AND id < ?", new Object[] {"t", 1, 3L});
        ctx.show(df);
        fields(ctx, df);
        Dataset<Row> typed = spark.sql("SELECT ?, ?", new Object[] {java.sql.Date.valueOf("2024-01-02"), java.sql.Timestamp.valueOf("2024-01-02 03:04:05")});
        ctx.show(typed);
        fields(ctx, typed);
        error(ctx, "too few", () -> spark.sql("SELECT ?, ?", new Object[] {1}).collectAsList());
        error(ctx, "mixed", () -> spark.sql("SELECT ?, :a", new Object[] {1}).collectAsList());
        error(ctx, "no args", () -> spark.sql("SELECT ?").collectAsList());
        ctx.show(spark.sql("SELECT '?' AS q", new Object[] {}));
    }

    @Case
    public static void beansAndBuilder(CaseContext ctx) throws Exception {
        TidewaySession spark = ctx.spark();
        List<Reading> data = new ArrayList<>();
        data.add(new Reading("s1", 1.5, 3));
        data.add(new Reading("s2", -2.0, null));
        Dataset<Row> df = spark.createDataFrame(data, Reading.class);
        ctx.show(df);
        fields(ctx, df);
        ctx.println("columns: " + String.join(",", df.columns()));
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("conformance.count", 3);
        conf.put("conformance.flag", true);
        TidewaySession same = TidewaySession.builder().config(conf).config("conformance.ratio", 0.25).getOrCreate();
        ctx.println("ratio: " + same.conf().get("conformance.ratio") + " flag: " + same.conf().get("conformance.flag")
                + " count: " + same.conf().get("conformance.count"));
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;

/** Missing data: {@code df.na()} — {@code drop}, {@code fill}, {@code replace} — on static and streaming DataFrames. */
public final class OpsNa {
    private OpsNa() {
    }

    private static Dataset<Row> people(CaseContext ctx) {
        StructType schema = new StructType()
                .add("name", DataTypes.StringType)
                .add("age", DataTypes.IntegerType)
                .add("score", DataTypes.DoubleType)
                .add("ok", DataTypes.BooleanType)
                .add("big", DataTypes.LongType);
        List<Row> rows = Arrays.asList(
                RowFactory.create("alice", 30, 1.5, true, 10L),
                RowFactory.create("bob", null, Double.NaN, null, null),
                RowFactory.create(null, 25, null, false, 7L),
                RowFactory.create(null, null, null, null, null),
                RowFactory.create("carol", 41, 2.0, null, 3L));
        return ctx.spark().createDataFrame(rows, schema);
    }

    @Case
    public static void dropForms(CaseContext ctx) {
        Dataset<Row> df = people(ctx);
        ctx.println("drop():");
        ctx.show(df.na().drop());
        ctx.println("drop(all):");
        ctx.show(df.na().drop("all"));
        ctx.println("drop([age]):");
        ctx.show(df.na().drop(new String[] {"age"}));
        ctx.println("drop(any, [name, score]):");
        ctx.show(df.na().drop("any", new String[] {"name", "score"}));
        ctx.println("drop(3):");
        ctx.show(df.na().drop(3));
        ctx.println("drop(1, [score, ok]):");
        ctx.show(df.na().drop(1, new String[] {"score", "ok"}));
        fields(ctx, df.na().drop());
        error(ctx, "how sometimes", () -> df.na().drop("sometimes"));
        error(ctx, "unknown column", () -> df.na().drop(new String[] {"nope"}));
    }

    @Case
    public static void fillByType(CaseContext ctx) {
        Dataset<Row> df = people(ctx);
        ctx.println("fill(0):");
        ctx.show(df.na().fill(0));
        fields(ctx, df.na().fill(0));
        ctx.println("fill(9.75):");
        ctx.show(df.na().fill(9.75));
        ctx.println("fill(\"?\"):");
        ctx.show(df.na().fill("?"));
        fields(ctx, df.na().fill("?"));
        ctx.println("fill(true):");
        ctx.show(df.na().fill(true));
        ctx.println("fill(-1, [age, name]):");
        ctx.show(df.na().fill(-1, new String[] {"age", "name"}));
        ctx.println("fill(\"z\", [name, age]):");
        ctx.show(df.na().fill("z", new String[] {"name", "age"}));
        error(ctx, "unknown column", () -> df.na().fill(1, new String[] {"nope"}));
    }

    @Case
    public static void fillWithMap(CaseContext ctx) {
        Dataset<Row> df = people(ctx);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "anon");
        values.put("age", 18L);
        values.put("score", 0.5f);
        values.put("ok", false);
        values.put("big", 2);
        ctx.show(df.na().fill(values));
        fields(ctx, df.na().fill(values));
        Map<String, Object> crossTyped = new HashMap<>();
        crossTyped.put("age", 7.9);
        crossTyped.put("name", 12);
        ctx.show(df.na().fill(crossTyped));
        Map<String, Object> bad = new HashMap<>();
        bad.put("age", new java.math.BigDecimal("1"));
        error(ctx, "decimal value", () -> df.na().fill(bad));
        Map<String, Object> unknown = new HashMap<>();
        unknown.put("nope", 1);
        error(ctx, "unknown column", () -> df.na().fill(unknown));
    }

    @Case
    public static void replaceValues(CaseContext ctx) {
        Dataset<Row> df = people(ctx);
        Map<String, String> names = new HashMap<>();
        names.put("alice", "ALICE");
        names.put("bob", null);
        ctx.show(df.na().replace("name", names));
        Map<Double, Double> numbers = new HashMap<>();
        numbers.put(30.0, 31.0);
        numbers.put(1.5, -1.0);
        numbers.put(7.0, 70.7);
        ctx.println("numbers in every column:");
        ctx.show(df.na().replace("*", numbers));
        fields(ctx, df.na().replace("*", numbers));
        Map<Integer, Integer> ints = new HashMap<>();
        ints.put(25, 26);
        ctx.println("ints in age and score:");
        ctx.show(df.na().replace(new String[] {"age", "score"}, ints));
        Map<Boolean, Boolean> flip = new HashMap<>();
        flip.put(true, false);
        flip.put(false, true);
        ctx.println("booleans:");
        ctx.show(df.na().replace("*", flip));
        Map<java.math.BigDecimal, java.math.BigDecimal> decimals = new HashMap<>();
        decimals.put(java.math.BigDecimal.ONE, java.math.BigDecimal.TEN);
        error(ctx, "decimal keys", () -> df.na().replace("age", decimals));
        error(ctx, "unknown column", () -> df.na().replace("nope", names));
    }

    @Case
    public static void onAStream(CaseContext ctx) throws Exception {
        Dataset<Row> in = json(ctx, "device STRING, signal DOUBLE, n INT",
                new String[] {"{\"device\":\"d1\",\"signal\":1.5,\"n\":1}", "{\"device\":null,\"signal\":null,\"n\":2}"},
                new String[] {"{\"device\":\"d3\",\"signal\":\"NaN\",\"n\":null}", "{\"device\":null,\"signal\":null,\"n\":null}"});
        Map<String, Object> values = new HashMap<>();
        values.put("device", "unknown");
        values.put("signal", 0.0);
        run(ctx, in.na().drop("all").na().fill(values));
    }
}

package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.function.Supplier;

/**
 * The Row and StructType accessors' errors, and the 'path' option beside a path argument of
 * {@code load()}/{@code save()} (issue 15).
 */
public final class OpsRowApi {
    private OpsRowApi() {
    }

    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.LongType)
            .add("flag", DataTypes.BooleanType)
            .add("score", DataTypes.DoubleType)
            .add("Name", DataTypes.StringType);

    private static Row collected(CaseContext ctx, Row in) {
        Dataset<Row> df = ctx.spark().createDataFrame(List.of(in), SCHEMA);
        return df.collectAsList().get(0);
    }

    private static void attempt(CaseContext ctx, String label, Supplier<Object> call) {
        try {
            ctx.println(label + " = " + call.get());
        } catch (Exception e) { // Spark's AnalysisException is checked, thrown unchecked from Scala
            ctx.println(label + " -> " + Canonical.error(e));
        }
    }

    /** Primitive getters on a null field, on a collected row and on a row without a schema. */
    @Case
    public static void primitiveGetterOnNull(CaseContext ctx) {
        Row r = collected(ctx, RowFactory.create(null, null, null, null));
        attempt(ctx, "getLong(0)", () -> r.getLong(0));
        attempt(ctx, "getBoolean(1)", () -> r.getBoolean(1));
        attempt(ctx, "getDouble(2)", () -> r.getDouble(2));
        attempt(ctx, "getString(3)", () -> r.getString(3));
        attempt(ctx, "isNullAt(0)", () -> r.isNullAt(0));
        Row plain = RowFactory.create(1, null);
        attempt(ctx, "plain getInt(1)", () -> plain.getInt(1));
        attempt(ctx, "plain getFloat(1)", () -> plain.getFloat(1));
        attempt(ctx, "plain getShort(1)", () -> plain.getShort(1));
        attempt(ctx, "plain getByte(1)", () -> plain.getByte(1));
    }

    /** A primitive getter on a field of another type casts, it does not convert. */
    @Case
    public static void primitiveGetterOtherType(CaseContext ctx) {
        Row r = collected(ctx, RowFactory.create(7L, true, 2.5, "x"));
        attempt(ctx, "getLong(0)", () -> r.getLong(0));
        attempt(ctx, "getInt(0)", () -> r.getInt(0));
        attempt(ctx, "getDouble(0)", () -> r.getDouble(0));
        attempt(ctx, "getFloat(2)", () -> r.getFloat(2));
        attempt(ctx, "getLong(2)", () -> r.getLong(2));
        attempt(ctx, "getBoolean(3)", () -> r.getBoolean(3));
        Row plain = RowFactory.create(1, (short) 2, (byte) 3);
        attempt(ctx, "plain getInt(0)", () -> plain.getInt(0));
        attempt(ctx, "plain getLong(0)", () -> plain.getLong(0));
        attempt(ctx, "plain getInt(1)", () -> plain.getInt(1));
        attempt(ctx, "plain getShort(2)", () -> plain.getShort(2));
        attempt(ctx, "plain getByte(2)", () -> plain.getByte(2));
    }

    /** fieldIndex and getAs(name) on a row without a schema. */
    @Case
    public static void fieldIndexWithoutSchema(CaseContext ctx) {
        Row plain = RowFactory.create(1, "a");
        attempt(ctx, "fieldIndex(id)", () -> plain.fieldIndex("id"));
        attempt(ctx, "getAs(my col)", () -> plain.getAs("my col"));
    }

    /** Field lookup by name matches the name exactly, in a schema and in a row with one. */
    @Case
    public static void fieldIndexExactName(CaseContext ctx) {
        attempt(ctx, "schema fieldIndex(score)", () -> SCHEMA.fieldIndex("score"));
        attempt(ctx, "schema fieldIndex(name)", () -> SCHEMA.fieldIndex("name"));
        attempt(ctx, "schema fieldIndex(ID)", () -> SCHEMA.fieldIndex("ID"));
        attempt(ctx, "schema apply(nope)", () -> SCHEMA.apply("nope"));
        attempt(ctx, "empty fieldIndex(a)", () -> new StructType().fieldIndex("a"));
        Row r = collected(ctx, RowFactory.create(7L, true, 2.5, "x"));
        attempt(ctx, "row fieldIndex(Name)", () -> r.fieldIndex("Name"));
        attempt(ctx, "row getAs(Name)", () -> r.getAs("Name"));
        attempt(ctx, "row fieldIndex(name)", () -> r.fieldIndex("name"));
        attempt(ctx, "row getAs(a.b)", () -> r.getAs("a.b"));
    }

    /** save(path) and load(path) refuse a 'path' option set beside the path argument. */
    @Case
    public static void pathOptionAndPathArgument(CaseContext ctx) throws Exception {
        String out = ctx.dir("w").resolve("out").toString();
        String other = ctx.dir("w").resolve("other").toString();
        Dataset<Row> df = ctx.spark().createDataFrame(List.of(RowFactory.create(7L, true, 2.5, "x")), SCHEMA);
        attempt(ctx, "save", () -> {
            df.write().format("json").option("path", other).save(out);
            return "saved";
        });
        df.write().format("json").save(out);
        attempt(ctx, "load(path)", () -> ctx.spark().read().format("json").option("path", other).load(out).count());
        attempt(ctx, "load(paths)", () -> ctx.spark().read().format("json").option("path", other).load(out, out).count());
        attempt(ctx, "json(path)", () -> ctx.spark().read().option("path", other).json(out).count());
        attempt(ctx, "load()", () -> ctx.spark().read().format("json").option("path", out).load().count());
        attempt(ctx, "save()", () -> {
            df.write().format("json").mode("overwrite").option("path", other).save();
            return "saved";
        });
    }

    /**
     * With spark.sql.legacy.pathOptionBehavior.enabled, save(path) and load(path) let the argument
     * replace the option; load(paths...) reads the option's path too.
     */
    @Case
    public static void pathOptionLegacy(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.legacy.pathOptionBehavior.enabled", "true");
        String out = ctx.dir("w").resolve("out").toString();
        String other = ctx.dir("w").resolve("other").toString();
        Dataset<Row> df = ctx.spark().createDataFrame(List.of(RowFactory.create(7L, true, 2.5, "x")), SCHEMA);
        attempt(ctx, "save", () -> {
            df.write().format("json").option("path", other).save(out);
            return "saved";
        });
        attempt(ctx, "read out", () -> ctx.spark().read().schema(SCHEMA).json(out).count());
        attempt(ctx, "load(path)", () -> ctx.spark().read().schema(SCHEMA).format("json").option("path", other).load(out).count());
        df.write().json(other);
        attempt(ctx, "load(paths)", () -> ctx.spark().read().schema(SCHEMA).format("json").option("path", other).load(new String[]{out}).count());
        attempt(ctx, "json(paths)", () -> ctx.spark().read().schema(SCHEMA).option("path", other).json(out).count());
    }
}

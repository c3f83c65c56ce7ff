package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.rows;
import static conformance.cases.JoinsInput.run;

/** {@code Dataset.to(StructType)}: columns matched by name, reordered, up-cast, and Spark's errors (issue 15). */
public final class OpsDatasetTo {
    private OpsDatasetTo() {
    }

    private static final StructType IN = new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("name", DataTypes.StringType)
            .add("score", DataTypes.IntegerType);

    private static Dataset<Row> input(CaseContext ctx) {
        return rows(ctx, IN, new Object[] {1, "ann", 90}, new Object[] {2, null, null});
    }

    private static void attempt(CaseContext ctx, Dataset<Row> df, StructType schema) {
        try {
            Dataset<Row> out = df.to(schema);
            ctx.println(Arrays.toString(out.dtypes()));
            out.printSchema();
            for (Row r : out.collectAsList()) {
                ctx.println(r);
            }
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void reorderAndUpcast(CaseContext ctx) throws Exception {
        attempt(ctx, input(ctx), new StructType().add("score", DataTypes.LongType).add("ID", DataTypes.IntegerType)
                .add("name", DataTypes.StringType));
        attempt(ctx, input(ctx), new StructType().add("id", DataTypes.DoubleType).add("name", DataTypes.StringType, false));
    }

    @Case
    public static void missingColumn(CaseContext ctx) throws Exception {
        attempt(ctx, input(ctx), new StructType().add("id", DataTypes.IntegerType).add("age", DataTypes.IntegerType));
    }

    @Case
    public static void notUpCastable(CaseContext ctx) throws Exception {
        attempt(ctx, input(ctx), new StructType().add("name", DataTypes.IntegerType));
        attempt(ctx, input(ctx), new StructType().add("score", DataTypes.ShortType));
        attempt(ctx, input(ctx), new StructType().add("score", DataTypes.StringType));
    }

    @Case
    public static void nullableToNotNull(CaseContext ctx) throws Exception {
        attempt(ctx, input(ctx), new StructType().add("score", DataTypes.IntegerType, false));
    }

    @Case
    public static void toOnStream(CaseContext ctx) throws Exception {
        Dataset<Row> s = csv(ctx, "in", "a INT, b STRING", batch("1,x", "2,y"));
        run(ctx, s.to(new StructType().add("b", DataTypes.StringType).add("a", DataTypes.LongType)), "append");
    }

    /** withMetadata replaces a column's metadata; to() keeps it (Spark merges the schema's in). */
    @Case
    public static void withMetadata(CaseContext ctx) throws Exception {
        io.tideway.sql.types.Metadata m = new io.tideway.sql.types.MetadataBuilder().putLong("width", 12).build();
        Dataset<Row> df = input(ctx).withMetadata("name", m);
        ctx.println(Arrays.toString(df.columns()));
        ctx.println("name: " + df.schema().apply("name").metadata());
        ctx.println("id: " + df.schema().apply("id").metadata());
        Dataset<Row> renamed = df.select(df.col("name").as("n"));
        ctx.println("n: " + renamed.schema().apply("n").metadata());
        Dataset<Row> replaced = df.withMetadata("name", new io.tideway.sql.types.MetadataBuilder().putLong("other", 1).build());
        ctx.println("replaced: " + replaced.schema().apply("name").metadata());
        df.printSchema();
    }
}

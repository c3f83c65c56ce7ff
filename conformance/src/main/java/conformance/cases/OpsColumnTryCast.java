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
import static io.tideway.sql.functions.col;

/** {@code Column.try_cast} (null where the cast fails, on static Datasets and streams) and {@code Column.explain} (issue 15). */
public final class OpsColumnTryCast {
    private OpsColumnTryCast() {
    }

    @Case
    public static void tryCastStatic(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("s", DataTypes.StringType).add("n", DataTypes.LongType);
        Dataset<Row> df = rows(ctx, schema, new Object[] {"12", 3000000000L}, new Object[] {"x", 7L},
                new Object[] {null, null}, new Object[] {"2024-01-02", -1L});
        Dataset<Row> out = df.select(col("s").try_cast(DataTypes.IntegerType), col("s").try_cast("date"),
                col("n").try_cast("int"), col("n").try_cast(DataTypes.StringType).as("ns"));
        ctx.println(Arrays.toString(out.columns()));
        ctx.println(Arrays.toString(out.dtypes()));
        for (Row r : out.collectAsList()) {
            ctx.println(r);
        }
        ctx.println(col("s").try_cast("int"));
    }

    @Case
    public static void tryCastStream(CaseContext ctx) throws Exception {
        Dataset<Row> s = csv(ctx, "in", "k STRING", batch("1", "a"), batch("3.5", "40"));
        run(ctx, s.select(col("k"), col("k").try_cast("int").as("i")), "append");
    }

    /** Not extended: Spark's extended form prints its internal tree with object hashes, so no golden holds it. */
    @Case
    public static void columnExplain(CaseContext ctx) throws Exception {
        ctx.keepConsoleOrder();
        col("a").plus(1).explain(false);
        col("s").try_cast("int").as("i").explain(false);
        col("a").equalTo(col("b")).and(col("c").isNull()).explain(false);
    }
}

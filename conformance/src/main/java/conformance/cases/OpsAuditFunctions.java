package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;

import static conformance.cases.JoinsInput.rows;
import static io.tideway.sql.functions.approxCountDistinct;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.mean;
import static io.tideway.sql.functions.monotonicallyIncreasingId;
import static io.tideway.sql.functions.sha;

/**
 * {@code functions} overloads the API audit found missing (issue 15): {@code mean(String)}, {@code sha(Column)}, the
 * deprecated {@code approxCountDistinct(..., rsd)} and {@code monotonicallyIncreasingId()}.
 */
public final class OpsAuditFunctions {
    private OpsAuditFunctions() {
    }

    private static final StructType IN = new StructType()
            .add("k", DataTypes.IntegerType)
            .add("s", DataTypes.StringType);

    /** Three rows of {@code k INT, s STRING}, nulls and an empty string among them; also {@link FnAuditMore}'s. */
    static Dataset<Row> input(CaseContext ctx) {
        return rows(ctx, IN, new Object[] {1, "ann"}, new Object[] {4, null}, new Object[] {null, ""});
    }

    /** Prints the columns, the schema and the rows of {@code out}; also {@link FnAuditMore}'s. */
    static void show(CaseContext ctx, Dataset<Row> out) {
        ctx.println(Arrays.toString(out.columns()));
        out.printSchema();
        for (Row r : out.collectAsList()) {
            ctx.println(r);
        }
    }

    @Case
    public static void meanByName(CaseContext ctx) throws Exception {
        show(ctx, input(ctx).agg(mean("k")));
        ctx.println(mean("k"));
    }

    @Case
    public static void shaAlias(CaseContext ctx) throws Exception {
        show(ctx, input(ctx).select(sha(col("s")), sha(col("s").cast("binary")).as("b")));
        ctx.println(sha(col("s")));
    }

    @Case
    @SuppressWarnings("deprecation")
    public static void deprecatedAliases(CaseContext ctx) throws Exception {
        show(ctx, input(ctx).agg(approxCountDistinct(col("k"), 0.1), approxCountDistinct("s", 0.05)));
        ctx.println(monotonicallyIncreasingId());
        ctx.println(input(ctx).select(monotonicallyIncreasingId()).columns()[0]);
    }
}

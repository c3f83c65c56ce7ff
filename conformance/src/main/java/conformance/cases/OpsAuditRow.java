package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;

import static conformance.cases.JoinsInput.rows;

/** {@code Row} and {@code Dataset.head(int)} members the API audit found missing (issue 15). */
public final class OpsAuditRow {
    private OpsAuditRow() {
    }

    private static final StructType IN = new StructType()
            .add("k", DataTypes.IntegerType)
            .add("s", DataTypes.StringType)
            .add("d", DataTypes.DateType);

    private static Dataset<Row> input(CaseContext ctx) {
        return rows(ctx, IN, new Object[] {1, "ann", java.sql.Date.valueOf("2024-02-29")},
                new Object[] {4, null, null});
    }

    @Case
    public static void headN(CaseContext ctx) throws Exception {
        Row[] two = (Row[]) input(ctx).head(2);
        ctx.println(two.length + " " + Arrays.toString(two));
        Row[] none = (Row[]) input(ctx).head(0);
        ctx.println(none.length);
        Row[] more = (Row[]) input(ctx).head(5);
        ctx.println(more.length);
    }

    @Case
    public static void mkStringForms(CaseContext ctx) throws Exception {
        for (Row r : input(ctx).collectAsList()) {
            ctx.println(r.mkString());
            ctx.println(r.mkString("<", "|", ">"));
        }
        Row empty = Row.empty();
        ctx.println(empty + " " + empty.size() + " " + empty.mkString("(", ",", ")"));
    }

    @Case
    public static void localDateWithoutJava8Api(CaseContext ctx) throws Exception {
        Row r = RowFactory.create(java.time.LocalDate.of(2024, 2, 29), java.time.Instant.ofEpochSecond(0));
        ctx.println(r.getLocalDate(0) + " " + r.getInstant(1));
        Row fromData = input(ctx).collectAsList().get(0);
        try {
            ctx.println(fromData.getLocalDate(2));
        } catch (ClassCastException e) {
            ctx.println("ClassCastException");
        }
    }
}

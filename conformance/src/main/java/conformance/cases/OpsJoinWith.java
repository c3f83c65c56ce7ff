package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.List;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;

/** {@code Dataset.joinWith}: pairs of joined objects as {@code scala.Tuple2}s, of rows and of primitives, inner and outer. */
public final class OpsJoinWith {
    private OpsJoinWith() {
    }

    private static Dataset<Row> people(CaseContext ctx) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType);
        return ctx.spark().createDataFrame(List.of(RowFactory.create(1, "ann"), RowFactory.create(2, "bo"),
                RowFactory.create(3, null)), schema);
    }

    private static Dataset<Row> orders(CaseContext ctx) {
        StructType schema = new StructType().add("pid", DataTypes.IntegerType).add("amount", DataTypes.DoubleType);
        return ctx.spark().createDataFrame(List.of(RowFactory.create(1, 9.5), RowFactory.create(1, 2.0),
                RowFactory.create(4, 7.0)), schema);
    }

    private static <A, B> void pairs(CaseContext ctx, Dataset<Tuple2<A, B>> ds) {
        List<String> out = new ArrayList<>();
        for (Tuple2<A, B> t : ds.collectAsList()) {
            out.add("(" + t._1() + ", " + t._2() + ")");
        }
        out.sort(null);
        out.forEach(ctx::println);
    }

    @Case
    public static void rowsInnerAndOuter(CaseContext ctx) {
        Dataset<Row> p = people(ctx);
        Dataset<Row> o = orders(ctx);
        Dataset<Tuple2<Row, Row>> inner = p.joinWith(o, p.col("id").equalTo(o.col("pid")));
        fields(ctx, inner);
        pairs(ctx, inner);
        for (String type : new String[] {"left_outer", "right_outer", "full_outer"}) {
            Dataset<Tuple2<Row, Row>> outer = p.joinWith(o, p.col("id").equalTo(o.col("pid")), type);
            ctx.println(type + ":");
            fields(ctx, outer);
            pairs(ctx, outer);
        }
    }

    @Case
    public static void primitivesAndRefusedTypes(CaseContext ctx) {
        Dataset<Long> a = ctx.spark().range(5);
        Dataset<Integer> b = ctx.spark().createDataset(List.of(2, 3, 3, 9), Encoders.INT());
        Dataset<Tuple2<Long, Integer>> joined = a.joinWith(b, a.col("id").equalTo(b.col("value")), "left");
        fields(ctx, joined);
        pairs(ctx, joined);
        error(ctx, "semi", () -> a.joinWith(b, a.col("id").equalTo(b.col("value")), "left_semi"));
        error(ctx, "anti", () -> a.joinWith(b, a.col("id").equalTo(b.col("value")), "anti"));
    }
}

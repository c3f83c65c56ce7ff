package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import static conformance.cases.OpsData.error;

/** Types and schemas as SQL text: {@code DataType.sql()}, {@code StructType.toDDL()}, {@code StructField.toDDL()}, and DDL read back. */
public final class OpsSchemaDdl {
    private OpsSchemaDdl() {
    }

    @Case
    public static void typeSql(CaseContext ctx) {
        DataType[] types = {
            DataTypes.BooleanType, DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType,
            DataTypes.FloatType, DataTypes.DoubleType, DataTypes.StringType, DataTypes.BinaryType, DataTypes.DateType,
            DataTypes.TimestampType, DataTypes.NullType, DataTypes.createDecimalType(12, 3),
            DataTypes.createArrayType(DataTypes.StringType),
            DataTypes.createMapType(DataTypes.StringType, DataTypes.createArrayType(DataTypes.LongType)),
            new StructType().add("a", DataTypes.IntegerType, false).add("b c", DataTypes.StringType)
                    .add("1x", DataTypes.DoubleType).add("12", DataTypes.DateType).add("q`t", DataTypes.LongType),
        };
        for (DataType t : types) {
            ctx.println(t.simpleString() + " -> " + t.sql());
        }
    }

    @Case
    public static void structToDdlAndBack(CaseContext ctx) {
        StructType schema = new StructType()
                .add("id", DataTypes.LongType, false)
                .add("name", DataTypes.StringType)
                .add(DataTypes.createStructField("price", DataTypes.createDecimalType(10, 2), true).withComment("in 'EUR' \\ net"))
                .add("tags", DataTypes.createArrayType(DataTypes.StringType, false))
                .add("attrs", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
                .add("inner", new StructType().add("x", DataTypes.DoubleType, false).add("when", DataTypes.TimestampType))
                .add("odd name", DataTypes.BooleanType);
        String ddl = schema.toDDL();
        ctx.println(ddl);
        for (StructField f : schema.fields()) {
            ctx.println(f.name() + ": " + f.toDDL());
        }
        StructType back = StructType.fromDDL(ddl);
        ctx.println("same after fromDDL: " + back.equals(schema));
        ctx.println(back.toDDL());
        ctx.println("empty: [" + new StructType().toDDL() + "]");
    }

    @Case
    public static void ddlOfQueryResults(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().range(3).selectExpr("id", "cast(id as string) as s", "array(id, id) as arr",
                "map('k', id) as m", "id * 1.5 as d", "cast(id as decimal(5,1)) as dec");
        ctx.println(df.schema().toDDL());
        ctx.println(df.schema().sql());
        error(ctx, "bad ddl", () -> StructType.fromDDL("a INT,"));
    }
}

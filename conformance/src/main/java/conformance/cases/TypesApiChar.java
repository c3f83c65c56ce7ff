package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.CharType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StringType;
import io.tideway.sql.types.StructType;
import io.tideway.sql.types.VarcharType;

import java.nio.file.Path;
import java.util.List;

import static conformance.cases.OpsData.error;
import static io.tideway.sql.functions.col;

/** {@code CHAR(n)} and {@code VARCHAR(n)}: the types, their DDL and JSON, and how Spark 4 reads them as strings in casts and reader schemas. */
public final class TypesApiChar {
    private TypesApiChar() {
    }

    @Case
    public static void typesThemselves(CaseContext ctx) {
        DataType[] ts = {new CharType(5), DataTypes.createCharType(1), new VarcharType(10),
            DataTypes.createVarcharType(0), CharType.apply(3)};
        for (DataType t : ts) {
            ctx.println(t + " " + t.typeName() + " " + t.simpleString() + " " + t.sql() + " " + t.catalogString() + " "
                    + t.defaultSize() + " " + t.json() + " string=" + (t instanceof StringType));
        }
        ctx.println(new CharType(5).equals(new CharType(5)) + " " + new CharType(5).equals(new CharType(6)) + " "
                + new CharType(5).equals(new VarcharType(5)) + " " + new CharType(5).equals(DataTypes.StringType) + " "
                + DataTypes.StringType.equals(new CharType(5)) + " " + ((CharType) ts[0]).length() + " "
                + ((VarcharType) ts[2]).length());
        error(ctx, "negative char", () -> new CharType(-1));
        error(ctx, "negative varchar", () -> new VarcharType(-1));
    }

    @Case
    public static void ddlAndJson(CaseContext ctx) {
        StructType s = StructType.fromDDL("a CHAR(5), b VARCHAR(10) NOT NULL, c STRING, d ARRAY<CHAR(2)>, e CHARACTER(3)");
        ctx.println(s.toString());
        ctx.println(s.toDDL());
        ctx.println(s.simpleString());
        ctx.println(s.json());
        ctx.println(DataType.fromJson(s.json()).equals(s));
        s.printTreeString();
        error(ctx, "char without length", () -> StructType.fromDDL("a CHAR"));
    }

    @Case
    public static void castsReadAsString(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().sql("SELECT CAST('ab' AS CHAR(5)) AS c, CAST('abcdef' AS VARCHAR(3)) AS v, "
                + "CAST(array('x') AS ARRAY<CHAR(2)>) AS arr");
        df.printSchema();
        ctx.show(df);
        ctx.println(String.join(",", df.columns()));
        Dataset<Row> viaColumn = ctx.spark().range(2).select(col("id").cast(new CharType(4)).as("c"),
                col("id").cast("varchar(1)"));
        viaColumn.printSchema();
        ctx.show(viaColumn);
    }

    @Case
    public static void readerSchemaWithChar(CaseContext ctx) throws Exception {
        Path dir = ctx.dir("in");
        ctx.file(dir, "a.csv", "ab,xyz", "abcdefg,q");
        Dataset<Row> df = ctx.spark().read().schema("c CHAR(3), v VARCHAR(5)").csv(dir.toString());
        df.printSchema();
        ctx.show(df);
    }

    /** Spark 4.0.4 fails a Dataset of these encoders with an internal error; their schemas are what a user sees. */
    @Case
    public static void encoders(CaseContext ctx) {
        ctx.println(Encoders.CHAR(3).schema().json() + " " + Encoders.VARCHAR(4).schema().json());
        ctx.println(Encoders.CHAR(3).schema().simpleString() + " " + Encoders.VARCHAR(4).schema().toDDL());
    }

    @Case
    public static void createDataFrameWithChar(CaseContext ctx) {
        StructType s = new StructType().add("c", new CharType(3));
        error(ctx, "createDataFrame", () -> ctx.spark().createDataFrame(List.of(RowFactory.create("a")), s).collectAsList());
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.AnsiIntervalType;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.AtomicType;
import io.tideway.sql.types.CharType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DatetimeType;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.FractionalType;
import io.tideway.sql.types.IntegralType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.MetadataBuilder;
import io.tideway.sql.types.NumericType;
import io.tideway.sql.types.StringType;
import io.tideway.sql.types.StructType;
import io.tideway.sql.types.VarcharType;
import io.tideway.sql.types.YearMonthIntervalType;

import java.util.List;

import static conformance.cases.OpsData.error;

/** Types as Spark names and writes them: {@code typeName}, {@code simpleString}, {@code sql}, {@code defaultSize}, the JSON schema format both ways, and the abstract type hierarchy. */
public final class TypesApiJson {
    private TypesApiJson() {
    }

    private static List<DataType> atomicTypes() {
        return List.of(DataTypes.BooleanType, DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType,
                DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType, DataTypes.StringType,
                DataTypes.BinaryType, DataTypes.DateType, DataTypes.TimestampType, DataTypes.TimestampNTZType,
                DataTypes.NullType, DataTypes.CalendarIntervalType, DataTypes.VariantType,
                DataTypes.createDecimalType(12, 3), new DecimalType(), new DecimalType(7), new CharType(5),
                new VarcharType(9), DataTypes.createDayTimeIntervalType(), new DayTimeIntervalType((byte) 1, (byte) 2),
                new DayTimeIntervalType((byte) 3, (byte) 3), DataTypes.createYearMonthIntervalType(),
                new YearMonthIntervalType((byte) 1, (byte) 1));
    }

    @Case
    public static void atomicTypeNames(CaseContext ctx) {
        for (DataType t : atomicTypes()) {
            ctx.println(t + ": typeName=" + t.typeName() + " simple=" + t.simpleString() + " catalog="
                    + t.catalogString() + " sql=" + t.sql() + " size=" + t.defaultSize() + " json=" + t.json());
        }
    }

    @Case
    public static void atomicJsonRoundTrip(CaseContext ctx) {
        for (DataType t : atomicTypes()) {
            DataType back = DataType.fromJson(t.json());
            ctx.println(t.json() + " -> " + back + " equal=" + back.equals(t) + " pretty=" + t.prettyJson());
        }
    }

    private static StructType nested() {
        return new StructType()
                .add("id", DataTypes.LongType, false)
                .add("tags", DataTypes.createArrayType(DataTypes.StringType, false))
                .add("attrs", DataTypes.createMapType(DataTypes.StringType,
                        DataTypes.createArrayType(DataTypes.createDecimalType(5, 2)), false))
                .add("inner", new StructType().add("x", DataTypes.DoubleType, false).add("when", DataTypes.TimestampType),
                        true, "the \"inner\" part")
                .add("n", DataTypes.IntegerType, true, new MetadataBuilder().putLong("k", 7).build())
                .add("empty", new StructType());
    }

    @Case
    public static void nestedJson(CaseContext ctx) {
        StructType s = nested();
        ctx.println(s.json());
        ctx.println(s.prettyJson());
        DataType back = DataType.fromJson(s.json());
        ctx.println("equal=" + back.equals(s) + " same json=" + back.json().equals(s.json()));
        ctx.println(String.valueOf(DataType.fromJson(s.prettyJson()).json().equals(s.json())));
        ctx.println(new ArrayType(new MapType(DataTypes.IntegerType, DataTypes.StringType, true), true).prettyJson());
    }

    @Case
    public static void fromJsonLenientAndAliases(CaseContext ctx) {
        String[] texts = {
            "\"null\"", "\"timestamp_ltz\"", "\"decimal\"", "\"decimal( 4 , 1 )\"", "\"char( 3 )\"",
            "\"interval year to month\"",
            "{\"fields\":[{\"type\":\"long\",\"name\":\"a\"},{\"nullable\":false,\"name\":\"b\",\"type\":\"string\"}],\"type\":\"struct\"}",
            "  { \"type\" : \"map\", \"keyType\" : \"string\", \"valueType\" : \"integer\", \"valueContainsNull\" : false }  ",
        };
        for (String t : texts) {
            DataType d = DataType.fromJson(t);
            ctx.println(t.strip() + " -> " + d + " " + d.json());
        }
    }

    @Case
    public static void fromJsonErrors(CaseContext ctx) {
        error(ctx, "unknown name", () -> DataType.fromJson("\"int\""));
        error(ctx, "unknown object", () -> DataType.fromJson("{\"type\":\"array\",\"elementType\":\"string\"}"));
        error(ctx, "number", () -> DataType.fromJson("42"));
    }

    @Case
    public static void fromDdl(CaseContext ctx) {
        String[] ddls = {"int", "array<string>", "map<string, array<int>>", "struct<a:int,b:string>",
            "a INT, b STRING NOT NULL", "decimal(10,2)", "varchar(4)", "char(2)"};
        for (String d : ddls) {
            ctx.println(d + " -> " + DataType.fromDDL(d));
        }
    }

    @Case
    public static void querySchemaJson(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().range(2).selectExpr("id", "cast(id as string) as s", "array(id) as arr",
                "map('k', id) as m", "named_struct('a', id, 'b', 1.5) as st", "cast(id as decimal(5,1)) as dec",
                "current_date() as d", "interval 1 day as i");
        ctx.println(df.schema().json());
        ctx.println(String.valueOf(df.schema().defaultSize()));
        ctx.println(df.schema().catalogString());
    }

    @Case
    public static void typeHierarchy(CaseContext ctx) {
        for (DataType t : atomicTypes()) {
            ctx.println(t.simpleString() + ": atomic=" + (t instanceof AtomicType) + " numeric=" + (t instanceof NumericType)
                    + " integral=" + (t instanceof IntegralType) + " fractional=" + (t instanceof FractionalType)
                    + " datetime=" + (t instanceof DatetimeType) + " ansiInterval=" + (t instanceof AnsiIntervalType)
                    + " string=" + (t instanceof StringType));
        }
        DataType[] nested = {nested(), DataTypes.createArrayType(DataTypes.IntegerType),
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)};
        for (DataType t : nested) {
            ctx.println(t.typeName() + ": atomic=" + (t instanceof AtomicType) + " size=" + t.defaultSize());
        }
    }
}

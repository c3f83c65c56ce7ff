package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.Metadata;
import io.tideway.sql.types.MetadataBuilder;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.Arrays;

import static conformance.cases.OpsData.error;

/** {@code StructType}, {@code StructField} and {@code Metadata} helpers a Java user calls. */
public final class TypesApiStruct {
    private TypesApiStruct() {
    }

    @Case
    public static void metadataTypedValues(CaseContext ctx) {
        Metadata inner = new MetadataBuilder().putString("s", "x").build();
        Metadata m = new MetadataBuilder()
                .putLong("long", 5)
                .putDouble("double", 2.5)
                .putBoolean("bool", true)
                .putString("str", "a\"b\\c\nd\te")
                .putNull("nothing")
                .putMetadata("inner", inner)
                .putLongArray("longs", new long[]{1, 2})
                .putDoubleArray("doubles", new double[]{0.5})
                .putBooleanArray("bools", new boolean[]{true, false})
                .putStringArray("strs", new String[]{"p", "q"})
                .putMetadataArray("mds", new Metadata[]{inner, Metadata.empty()})
                .build();
        ctx.println(m.getLong("long") + " " + m.getDouble("double") + " " + m.getBoolean("bool") + " "
                + m.getString("str").replace("\n", "\\n").replace("\t", "\\t"));
        ctx.println(m.getMetadata("inner").json() + " " + Arrays.toString(m.getLongArray("longs")) + " "
                + Arrays.toString(m.getDoubleArray("doubles")) + " " + Arrays.toString(m.getBooleanArray("bools")) + " "
                + Arrays.toString(m.getStringArray("strs")) + " " + m.getMetadataArray("mds").length);
        ctx.println("contains nothing=" + m.contains("nothing") + " missing=" + m.contains("missing")
                + " empty=" + m.isEmpty() + " " + Metadata.empty().isEmpty());
        Metadata back = Metadata.fromJson(m.json());
        ctx.println("round trip equal=" + back.equals(m) + " hash equal=" + (back.hashCode() == m.hashCode()));
        ctx.println(String.valueOf(new MetadataBuilder().withMetadata(m).remove("long").build().contains("long")));
        error(ctx, "missing key", () -> m.getLong("missing"));
    }

    @Case
    public static void metadataJsonOneKey(CaseContext ctx) {
        ctx.println(new MetadataBuilder().putString("comment", "a \"quoted\" \\ / \u0001 é").build().json());
        ctx.println(new MetadataBuilder().putDouble("d", 1e20).build().json());
        ctx.println(String.valueOf(new MetadataBuilder().putDouble("d", 0.1).build()));
        ctx.println(String.valueOf(new MetadataBuilder().putLongArray("l", new long[0]).build()));
        ctx.println(String.valueOf(Metadata.fromJson("{\"a\":[],\"b\":1,\"c\":1.0}").getLongArray("a").length));
        ctx.println(Metadata.fromJson("{\"x\":{\"y\":[{\"z\":null}]}}").json());
    }

    @Case
    public static void metadataJsonTwoKeys(CaseContext ctx) {
        ctx.println(new MetadataBuilder().putLong("b", 1).putLong("a", 2).build().json());
        ctx.println(String.valueOf(new MetadataBuilder().putString("comment", "c").putLong("spark.watermarkDelayMs", 10).build()));
    }

    @Case
    public static void structHelpers(CaseContext ctx) {
        StructType s = new StructType()
                .add("a", DataTypes.IntegerType)
                .add("b", "string", false)
                .add("c", DataTypes.DoubleType, true, "a comment")
                .add("d", "array<int>", true, "another")
                .add("e", DataTypes.LongType, false, new MetadataBuilder().putLong("k", 1).build())
                .add("f", "map<string,int>", true, Metadata.empty())
                .add("g", DataTypes.StringType, true, (String) null);
        ctx.println(String.valueOf(s));
        ctx.println(String.join(",", s.names()) + " | " + String.join(",", s.fieldNames()));
        ctx.println(s.fieldIndex("c") + " " + s.getFieldIndex("c") + " " + s.getFieldIndex("C") + " "
                + s.getFieldIndexCaseInsensitive("C") + " " + s.getFieldIndexCaseInsensitive("zz"));
        ctx.println(s.toDDL());
        ctx.println(s.simpleString());
        ctx.println(s.catalogString());
        ctx.println(s.sql());
        ctx.println(s.defaultSize() + " " + s.size() + " " + s.length());
        ctx.println(s.apply("d") + " " + s.apply(0));
        ctx.println(s.json());
        for (StructField f : s.fields()) {
            ctx.println(f.name() + ": comment=" + f.getComment() + " ddl=" + f.toDDL() + " sql=" + f.sql()
                    + " metadata=" + f.metadata());
        }
        error(ctx, "fieldIndex missing", () -> s.fieldIndex("zz"));
    }

    @Case
    public static void treeStrings(CaseContext ctx) {
        StructType s = new StructType()
                .add("a", DataTypes.IntegerType, false)
                .add("s", new StructType().add("x", DataTypes.createArrayType(
                        new StructType().add("deep", DataTypes.StringType)))
                        .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false)));
        ctx.println(s.treeString());
        ctx.println(s.treeString(1));
        ctx.println(s.treeString(2));
        s.printTreeString();
    }

    @Case
    public static void merge(CaseContext ctx) {
        StructType left = new StructType()
                .add("a", DataTypes.IntegerType, false)
                .add("b", new StructType().add("x", DataTypes.StringType, false), false)
                .add("d", DataTypes.createDecimalType(5, 2))
                .add("arr", DataTypes.createArrayType(DataTypes.LongType, false), false);
        StructType right = new StructType()
                .add("c", DataTypes.StringType)
                .add("b", new StructType().add("y", DataTypes.LongType).add("x", DataTypes.StringType, true))
                .add("d", DataTypes.createDecimalType(10, 2), false)
                .add("arr", DataTypes.createArrayType(DataTypes.LongType, true), false)
                .add("a", DataTypes.IntegerType, false);
        ctx.println(String.valueOf(left.merge(right, true)));
        ctx.println(left.merge(right, true).treeString());
        StructType upper = new StructType().add("A", DataTypes.IntegerType).add("z", DataTypes.DateType);
        ctx.println(String.valueOf(left.merge(upper, false)));
        ctx.println(String.valueOf(left.merge(upper, true)));
        error(ctx, "incompatible", () -> left.merge(new StructType().add("a", DataTypes.StringType), true));
        error(ctx, "decimal scales", () -> left.merge(new StructType().add("d", DataTypes.createDecimalType(5, 3)), true));
        error(ctx, "nested", () -> left.merge(new StructType().add("b",
                new StructType().add("x", DataTypes.IntegerType)), true));
    }

    @Case
    public static void commentsInQuerySchema(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().range(1).selectExpr("id");
        StructType s = df.schema().add("c", DataTypes.StringType, true, "a comment");
        ctx.println(String.valueOf(s.fields()[1].getComment()));
        ctx.println(String.valueOf(s.fields()[0].getComment()));
        ctx.println(String.valueOf(DataTypes.createStructField("x", DataTypes.IntegerType, false,
                new MetadataBuilder().putString("comment", "hi").build()).getComment()));
        ctx.println(DataTypes.createStructField("x", DataTypes.IntegerType, false).withComment("it's").toDDL());
    }

    @Case
    public static void fieldDefaults(CaseContext ctx) {
        StructField f = DataTypes.createStructField("n", DataTypes.IntegerType, false).withComment("count")
                .withCurrentDefaultValue("42").withExistenceDefaultValue("0");
        ctx.println(f.getCurrentDefaultValue() + " " + f.getExistenceDefaultValue() + " " + f.getDefault() + " "
                + f.getComment());
        ctx.println(f.toDDL() + " | " + f.sql());
        ctx.println(f.metadata().json());
        StructField cleared = f.clearCurrentDefaultValue();
        ctx.println(cleared.getCurrentDefaultValue() + " " + cleared.toDDL() + " " + cleared.metadata().json());
        ctx.println(new StructType(new StructField[]{f, cleared}).toDDL());
        StructField fn = DataTypes.createStructField("p", DataTypes.StringType, true,
                new MetadataBuilder().putString("default", "'x'").build());
        ctx.println(fn.getDefault() + " " + fn.getCurrentDefaultValue() + " " + fn.toDDL());
    }

    @Case
    public static void looseEquality(CaseContext ctx) {
        StructType a = new StructType().add("x", DataTypes.IntegerType, false)
                .add("arr", DataTypes.createArrayType(DataTypes.StringType, false))
                .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false));
        StructType b = new StructType().add("x", DataTypes.IntegerType, true)
                .add("arr", DataTypes.createArrayType(DataTypes.StringType, true))
                .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, true));
        StructType upper = new StructType().add("X", DataTypes.IntegerType, false)
                .add("ARR", DataTypes.createArrayType(DataTypes.StringType, false))
                .add("M", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false));
        StructType renamed = new StructType().add("p", DataTypes.IntegerType, false)
                .add("q", DataTypes.createArrayType(DataTypes.StringType, false))
                .add("r", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false));
        ctx.println(a.equals(b) + " " + DataType.equalsIgnoreNullability(a, b) + " "
                + DataType.equalsIgnoreNullability(a, upper) + " " + DataType.equalsIgnoreCaseAndNullability(b, upper));
        ctx.println(DataType.equalsStructurally(a, renamed, false) + " " + DataType.equalsStructurally(a, b, false) + " "
                + DataType.equalsStructurally(renamed, b, true) + " "
                + DataType.equalsStructurally(DataTypes.IntegerType, DataTypes.LongType, true));
    }

    @Case
    public static void metadataJsonManyKeys(CaseContext ctx) {
        String[][] keySets = {{"a", "b", "c"}, {"zeta", "alpha", "mid", "comment"},
            {"a", "b", "c", "d", "e"}, {"comment", "CURRENT_DEFAULT", "EXISTS_DEFAULT", "spark.watermarkDelayMs", "k1", "k2", "k3"},
            {"x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14"}};
        for (String[] keys : keySets) {
            MetadataBuilder b = new MetadataBuilder();
            for (int i = 0; i < keys.length; i++) {
                b.putLong(keys[i], i);
            }
            Metadata m = b.build();
            ctx.println(m.json());
            ctx.println(Metadata.fromJson(m.json()).json());
            ctx.println(new MetadataBuilder().withMetadata(m).remove(keys[0]).build().json());
        }
    }
}

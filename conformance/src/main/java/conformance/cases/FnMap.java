package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Maps: the type (DDL, schema, printSchema), map/create_map, map_keys, map_values, map_entries,
 * map_from_arrays, map_from_entries, element_at and subscripts, map_contains_key, map_concat,
 * str_to_map, size; the duplicate-key policy and null keys.
 */
public final class FnMap {
    private FnMap() {
    }

    private static Map<String, Integer> m(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    /** A map column {@code m} (string to int), a key {@code k}, and arrays of keys and values. */
    static Dataset<Row> maps(CaseContext ctx) {
        StructType schema = new StructType()
                .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
                .add("k", DataTypes.StringType)
                .add("ks", DataTypes.createArrayType(DataTypes.StringType))
                .add("vs", DataTypes.createArrayType(DataTypes.IntegerType));
        return table(ctx, schema,
                new Object[] {m("a", 1, "b", 2), "a", Arrays.asList("x", "y"), Arrays.asList(1, 2)},
                new Object[] {m("c", null), "c", Arrays.asList("x"), Arrays.asList((Integer) null)},
                new Object[] {m(), "z", Arrays.asList(), Arrays.asList()},
                new Object[] {null, null, null, null},
                new Object[] {m("b", -1, "a", 0, "d", 7), "d", Arrays.asList("p", "q", "r"), Arrays.asList(3, 2, 1)});
    }

    @Case
    public static void mapType(CaseContext ctx) {
        Dataset<Row> df = maps(ctx);
        df.printSchema();
        ctx.println(df.schema().simpleString());
        ctx.println(DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType).toString());
        ctx.println(DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false).simpleString());
        StructType ddl = StructType.fromDDL("m MAP<STRING, INT>, n map<int,map<string,double>>");
        ctx.println(ddl.simpleString());
        for (Row r : df.collectAsList()) {
            ctx.println(String.valueOf(r.isNullAt(0) ? null : new java.util.TreeMap<>(r.getJavaMap(0))));
        }
    }

    @Case
    public static void mapConstruction(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, map(col("s"), col("i")), map(lit("x"), col("d"), lit("y"), col("l")), map(),
                map(col("i"), col("s")), map(col("s"), col("i"), col("t"), col("l")));
        showExpr(ctx, df, "map('a', 1, 'b', 2)", "map(1, 'x')", "map('a', 1, 'a', 2)", "map(NULL, 1)", "map(s, 1)",
                "map('a', 1, 'b')", "map(1, 2, 'x', 3)", "map(1, 'a', 2, 3)", "map('a', 1.5, 'b', 2)", "map()",
                "map(map(1, 2), 3)", "map('k', array(1, 2))", "map('a', NULL)", "cast(map('a', 1) as string)",
                "map(i, s)[i]", "map('a', i)['a']", "str_to_map('a:1,b:2')", "str_to_map('a=1;b', ';', '=')",
                "str_to_map('a:1,a:2')", "str_to_map(s)", "str_to_map(NULL)", "str_to_map('')");
    }

    @Case
    public static void mapAccess(CaseContext ctx) {
        Dataset<Row> df = maps(ctx);
        show(ctx, df, map_keys(col("m")), map_values(col("m")), map_entries(col("m")), size(col("m")),
                element_at(col("m"), "a"), col("m").getItem("b"), col("m").apply(col("k")), map_contains_key(col("m"), "a"),
                map_from_arrays(col("ks"), col("vs")), map_concat(col("m"), map(lit("z"), lit(26))));
        showExpr(ctx, df, "map_keys(m)", "map_values(m)", "map_entries(m)", "cardinality(m)", "m['a']", "m[k]",
                "element_at(m, k)", "try_element_at(m, 'q')", "element_at(m, 1)", "m[1]", "map_contains_key(m, k)",
                "map_contains_key(m, 1)", "map_from_arrays(ks, vs)", "map_from_arrays(array(1, 2), array('a'))",
                "map_from_arrays(array(1, 1), array('a', 'b'))", "map_from_arrays(array(1, NULL), array('a', 'b'))",
                "map_from_entries(map_entries(m))",
                "map_concat(m, m)", "map_concat(m, map('q', 1L))", "map_concat(m, 1)", "map_keys(k)",
                "map_values(map(1, NULL))", "size(map())", "map_entries(map(1, array(2)))");
    }

    @Case
    public static void rowScalaAccessors(CaseContext ctx) {
        Row r = ctx.spark().range(1).selectExpr("map('a', 1, 'b', 2) AS m", "array(3, 4, 5) AS a")
                .withColumn("n", lit(null).cast("map<string,int>")).collectAsList().get(0);
        ctx.println("getMap: size " + r.getMap(0).size() + ", a -> " + r.getMap(0).get("a") + ", z -> " + r.getMap(0).get("z"));
        ctx.println("getSeq: size " + r.getSeq(1).size() + ", head " + r.getSeq(1).head() + ", last " + r.getSeq(1).last());
        ctx.println("getJavaMap: " + r.getJavaMap(0).get("b") + ", getList: " + r.getList(1));
        ctx.println("null map: " + r.getMap(2));
    }
}

package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.api.java.UDF0;
import io.tideway.sql.api.java.UDF1;
import io.tideway.sql.api.java.UDF2;
import io.tideway.sql.api.java.UDF3;
import io.tideway.sql.expressions.UserDefinedFunction;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.tideway.sql.functions.*;

/** Java user-defined functions: functions.udf, session.udf().register, calls by name, their errors. */
public final class FnUdf {
    private FnUdf() {
    }

    private static Dataset<Row> input(CaseContext ctx) throws Exception {
        return OpsData.json(ctx, "i INT, l BIGINT, d DOUBLE, s STRING, b BOOLEAN",
                new String[] {
                    "{\"i\":7,\"l\":10,\"d\":1.5,\"s\":\"alpha\",\"b\":true}",
                    "{\"i\":-3,\"l\":null,\"d\":-0.5,\"s\":null,\"b\":false}"},
                new String[] {
                    "{\"i\":null,\"l\":5,\"d\":null,\"s\":\"beta\",\"b\":null}"});
    }

    /** The Java class family of a UDF argument and its value, as the UDF sees it. */
    static String seen(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Row r) {
            return "Row " + r;
        }
        if (v instanceof scala.collection.Seq<?> s) {
            return "Seq " + s.mkString("[", ",", "]");
        }
        if (v instanceof scala.collection.Map<?, ?> m) {
            return "Map " + m.mkString("{", ",", "}");
        }
        if (v instanceof java.sql.Timestamp t) {
            return "Timestamp " + t.getTime();
        }
        if (v instanceof byte[] b) {
            return "byte[] " + Arrays.toString(b);
        }
        return v.getClass().getSimpleName() + " " + v;
    }

    /**
     * A UDF's failure and its cause, with the function's class masked: Spark names the class of the
     * lambda it wraps a Java UDF in, whose name carries a JVM address.
     */
    static void udfError(CaseContext ctx, Exception e) {
        String msg = e.getMessage().replaceAll("ToScalaUDF\\$\\$\\$Lambda[^`)]*", "<class>");
        ctx.println(e.getClass().getSimpleName() + ": " + msg.lines().findFirst().orElse(""));
        if (e.getCause() != null) {
            ctx.println("caused by: " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
        }
    }

    @Case
    public static void udfInStreamingSelect(CaseContext ctx) throws Exception {
        UserDefinedFunction plusOne = udf((UDF1<Integer, Integer>) x -> x == null ? -100 : x + 1, DataTypes.IntegerType);
        UserDefinedFunction join = udf((UDF2<String, Long, String>) (s, l) -> s + "/" + l, DataTypes.StringType);
        UserDefinedFunction seven = udf((UDF0<Integer>) () -> 7, DataTypes.IntegerType);
        UserDefinedFunction half = udf((UDF1<Double, Double>) d -> d == null ? null : d / 2, DataTypes.DoubleType)
                .withName("half");
        Dataset<Row> out = input(ctx).select(col("i"), plusOne.apply(col("i")), join.apply(col("s"), col("l")),
                seven.apply(), half.apply(col("d")), plusOne.apply(col("i").plus(1)).alias("p2"));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void registeredInSqlText(CaseContext ctx) throws Exception {
        ctx.spark().udf().register("plus_one", (UDF1<Integer, Integer>) x -> x == null ? null : x + 1, DataTypes.IntegerType);
        ctx.spark().udf().register("Tag", udf((UDF2<String, Boolean, String>) (s, b) -> b + ":" + s, DataTypes.StringType));
        Dataset<Row> in = input(ctx);
        Dataset<Row> out = in.selectExpr("i", "plus_one(i)", "PLUS_ONE(i + 1) AS p", "tag(s, b)")
                .where("plus_one(i) > 0 OR i IS NULL");
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void callByName(CaseContext ctx) throws Exception {
        ctx.spark().udf().register("twice", (UDF1<Long, Long>) x -> x == null ? null : 2 * x, DataTypes.LongType);
        Dataset<Row> out = input(ctx).select(callUDF("twice", col("l")), call_udf("twice", col("l")),
                call_function("twice", col("l")), call_function("upper", col("s")), expr("twice(l) + 1"));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void sqlOverView(CaseContext ctx) throws Exception {
        ctx.spark().udf().register("shout", (UDF1<String, String>) s -> s == null ? "?" : s.toUpperCase() + "!", DataTypes.StringType);
        Dataset<Row> in = ctx.spark().read().schema("i INT, s STRING").json(
                ctx.file(ctx.dir("in"), "1.json", "{\"i\":1,\"s\":\"a\"}", "{\"i\":2,\"s\":null}").toString());
        in.createOrReplaceTempView("t");
        Dataset<Row> out = ctx.spark().sql("SELECT i, shout(s), shout(s) AS x FROM t WHERE shout(s) <> 'B!' ORDER BY i");
        OpsData.fields(ctx, out);
        ctx.rows(out.collectAsList());
    }

    @Case
    public static void argumentJavaTypes(CaseContext ctx) throws Exception {
        UserDefinedFunction seen = udf((UDF1<Object, String>) FnUdf::seen, DataTypes.StringType);
        Dataset<Row> in = ctx.spark().read().schema("i INT, l BIGINT, d DOUBLE, f FLOAT, b BOOLEAN, s STRING, "
                + "dt DATE, ts TIMESTAMP, m DECIMAL(10,2), a ARRAY<INT>, mp MAP<STRING,INT>, st STRUCT<x: INT, y: STRING>")
                .json(ctx.file(ctx.dir("in"), "1.json",
                        "{\"i\":1,\"l\":2,\"d\":1.5,\"f\":2.5,\"b\":true,\"s\":\"x\",\"dt\":\"2024-02-03\","
                                + "\"ts\":\"2024-02-03T04:05:06Z\",\"m\":3.25,\"a\":[1,null,3],\"mp\":{\"k\":1},"
                                + "\"st\":{\"x\":5,\"y\":\"z\"}}").toString());
        Dataset<Row> out = in.select(seen.apply(col("i")), seen.apply(col("l")), seen.apply(col("d")),
                seen.apply(col("f")), seen.apply(col("b")), seen.apply(col("s")), seen.apply(col("dt")),
                seen.apply(col("ts")), seen.apply(col("m")), seen.apply(col("a")), seen.apply(col("mp")),
                seen.apply(col("st")), seen.apply(lit(null).cast("int")), seen.apply(col("s").cast("binary")));
        for (Row r : out.collectAsList()) {
            for (int k = 0; k < r.length(); k++) {
                ctx.println(out.columns()[k] + " -> " + r.get(k));
            }
        }
    }

    @Case
    public static void resultTypes(CaseContext ctx) throws Exception {
        UserDefinedFunction arr = udf((UDF1<Integer, Object>) i -> Arrays.asList(i, null, 3), DataTypes.createArrayType(DataTypes.IntegerType));
        UserDefinedFunction map = udf((UDF1<String, Object>) s -> {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put(s == null ? "none" : s, 1);
            return m;
        }, DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType));
        UserDefinedFunction row = udf((UDF2<Integer, String, Row>) (i, s) -> RowFactory.create(i, s),
                DataTypes.createStructType(new io.tideway.sql.types.StructField[] {
                    DataTypes.createStructField("n", DataTypes.IntegerType, true),
                    DataTypes.createStructField("t", DataTypes.StringType, true)}));
        UserDefinedFunction dec = udf((UDF1<Double, java.math.BigDecimal>) d -> d == null ? null : new java.math.BigDecimal("1.255"),
                DataTypes.createDecimalType(10, 2));
        UserDefinedFunction date = udf((UDF1<Integer, java.sql.Date>) i -> java.sql.Date.valueOf("2024-01-0" + Math.abs(i == null ? 9 : i % 9)),
                DataTypes.DateType);
        UserDefinedFunction flag = udf((UDF3<Integer, Long, Double, Boolean>) (i, l, d) -> i != null && l != null && d != null,
                DataTypes.BooleanType).asNonNullable();
        Dataset<Row> out = input(ctx).select(arr.apply(col("i")), map.apply(col("s")), row.apply(col("i"), col("s")),
                dec.apply(col("d")), date.apply(col("i")), flag.apply(col("i"), col("l"), col("d")));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
    }

    @Case
    public static void properties(CaseContext ctx) {
        UserDefinedFunction f = udf((UDF1<Integer, Integer>) x -> x, DataTypes.IntegerType);
        ctx.println("nullable=" + f.nullable() + " deterministic=" + f.deterministic());
        UserDefinedFunction g = f.asNonNullable().asNondeterministic().withName("g");
        ctx.println("nullable=" + g.nullable() + " deterministic=" + g.deterministic());
        ctx.println(f.apply(col("a")).toString());
        ctx.println(g.apply(col("a"), lit(1)).toString());
        ctx.println(f.withName("named").apply(col("a").plus(1)).toString());
    }

    @Case
    public static void userExceptionFailsQuery(CaseContext ctx) throws Exception {
        UserDefinedFunction boom = udf((UDF1<Integer, Integer>) x -> {
            if (x != null && x < 0) {
                throw new IllegalStateException("negative " + x);
            }
            return x;
        }, DataTypes.IntegerType);
        OpsData.runFailing(ctx, input(ctx).select(boom.apply(col("i"))));
        try {
            ctx.spark().read().schema("i INT").json(ctx.file(ctx.dir("b"), "1.json", "{\"i\":-2}").toString())
                    .select(boom.withName("boom").apply(col("i"))).collectAsList();
        } catch (Exception e) {
            udfError(ctx, e);
        }
    }

    @Case
    public static void wrongResultTypeFails(CaseContext ctx) throws Exception {
        UserDefinedFunction bad = udf((UDF1<Integer, Object>) x -> "text", DataTypes.IntegerType);
        try {
            ctx.spark().read().schema("i INT").json(ctx.file(ctx.dir("b"), "1.json", "{\"i\":1}").toString())
                    .select(bad.apply(col("i"))).collectAsList();
        } catch (Exception e) {
            udfError(ctx, e);
        }
    }

    @Case
    public static void registeredNameShadowing(CaseContext ctx) throws Exception {
        ctx.spark().udf().register("upper", (UDF1<String, String>) s -> "mine:" + s, DataTypes.StringType);
        OpsData.run(ctx, input(ctx).selectExpr("upper(s)").where("s IS NOT NULL"));
        OpsData.error(ctx, "unknown", () -> input(ctx).selectExpr("no_such_udf(s)"));
        ctx.spark().udf().register("one_arg", (UDF1<String, String>) x -> x, DataTypes.StringType);
        OpsData.error(ctx, "argument count", () -> input(ctx).selectExpr("one_arg(s, s)"));
    }

    @Case
    public static void udfInStreamingAggregation(CaseContext ctx) throws Exception {
        UserDefinedFunction parity = udf((UDF1<Integer, String>) i -> i == null ? "none" : i % 2 == 0 ? "even" : "odd",
                DataTypes.StringType);
        UserDefinedFunction square = udf((UDF1<Integer, Long>) i -> i == null ? null : (long) i * i, DataTypes.LongType);
        ctx.spark().udf().register("parity", parity);
        Dataset<Row> out = input(ctx).groupBy(parity.apply(col("i"))).agg(sum(square.apply(col("i"))), count(lit(1)));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out, "complete");
        OpsData.run(ctx, input(ctx).where(parity.apply(col("i")).equalTo("odd")).selectExpr("i", "parity(i + 1)"));
    }

    @Case
    public static void java8ApiArguments(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.datetime.java8API.enabled", "true");
        UserDefinedFunction seen = udf((UDF1<Object, String>) FnUdf::seen, DataTypes.StringType);
        UserDefinedFunction nextDay = udf((UDF1<java.time.LocalDate, java.time.LocalDate>) d -> d == null ? null : d.plusDays(1),
                DataTypes.DateType);
        Dataset<Row> in = ctx.spark().read().schema("dt DATE, ts TIMESTAMP").json(ctx.file(ctx.dir("in"), "1.json",
                "{\"dt\":\"2024-02-03\",\"ts\":\"2024-02-03T04:05:06.5Z\"}").toString());
        Dataset<Row> out = in.select(seen.apply(col("dt")), seen.apply(col("ts")), nextDay.apply(col("dt")).cast("string"));
        for (Row r : out.collectAsList()) {
            ctx.println(r.get(0) + " | " + r.get(1) + " | " + r.get(2));
        }
    }

    @Case
    public static void registeredUdafAndZeroArgumentUdf(CaseContext ctx) throws Exception {
        ctx.spark().udf().register("sum_len", udaf(new OpsTypedAgg.SumLength(), io.tideway.sql.Encoders.STRING()));
        ctx.spark().udf().register("seven", (UDF0<Integer>) () -> 7, DataTypes.IntegerType);
        Dataset<Row> df = ctx.spark().createDataset(Arrays.asList("apple", "avocado", "banana"), io.tideway.sql.Encoders.STRING())
                .toDF("s").withColumn("k", col("s").substr(1, 1));
        df.createOrReplaceTempView("fruit");
        Dataset<Row> out = ctx.spark().sql("SELECT k, sum_len(s), seven() FROM fruit GROUP BY k ORDER BY k");
        OpsData.fields(ctx, out);
        ctx.rows(out.collectAsList());
        Dataset<Row> viaApi = df.groupBy(col("k")).agg(call_udf("sum_len", col("s")).as("n")).orderBy("k");
        ctx.rows(viaApi.collectAsList());
    }

    @Case
    public static void nestedCollectionArguments(CaseContext ctx) throws Exception {
        UserDefinedFunction seen = udf((UDF1<Object, String>) v -> {
            if (v instanceof Row r) {
                StringBuilder sb = new StringBuilder("Row(");
                for (int i = 0; i < r.length(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(seen(r.get(i)));
                }
                return sb.append(")").toString();
            }
            if (v instanceof scala.collection.Seq<?> q && q.nonEmpty() && q.head() instanceof Row) {
                return "Seq of Row " + q.mkString("[", ",", "]");
            }
            return seen(v);
        }, DataTypes.StringType);
        Dataset<Row> in = ctx.spark().read().schema("st STRUCT<a: ARRAY<INT>, m: MAP<STRING, INT>>, arr ARRAY<STRUCT<x: INT>>, "
                + "aa ARRAY<ARRAY<STRING>>").json(ctx.file(ctx.dir("in"), "1.json",
                "{\"st\":{\"a\":[1,2],\"m\":{\"k\":3}},\"arr\":[{\"x\":1},{\"x\":2}],\"aa\":[[\"p\"],[\"q\",\"r\"]]}").toString());
        for (Row r : in.select(seen.apply(col("st")), seen.apply(col("arr")), seen.apply(col("aa"))).collectAsList()) {
            for (int k = 0; k < r.length(); k++) {
                ctx.println(r.get(k));
            }
        }
    }

    @Case
    public static void nestedCollectionResults(CaseContext ctx) throws Exception {
        StructType inner = DataTypes.createStructType(new io.tideway.sql.types.StructField[] {
            DataTypes.createStructField("xs", DataTypes.createArrayType(DataTypes.IntegerType), true),
            DataTypes.createStructField("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType), true)});
        UserDefinedFunction row = udf((UDF1<Integer, Row>) i -> RowFactory.create(
                scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(i, i + 1)).toSeq(),
                Map.of("k", i)), inner);
        UserDefinedFunction nested = udf((UDF1<Integer, Object>) i -> new Object[] {Arrays.asList(i), new Integer[] {i, i}},
                DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.IntegerType)));
        Dataset<Row> in = ctx.spark().read().schema("i INT").json(ctx.file(ctx.dir("in"), "1.json", "{\"i\":4}").toString());
        Dataset<Row> out = in.select(row.apply(col("i")).cast("string"), nested.apply(col("i")).cast("string"));
        ctx.rows(out.collectAsList());
    }
}

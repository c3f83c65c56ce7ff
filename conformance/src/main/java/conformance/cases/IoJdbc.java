package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** The JDBC source and sink (issue 15) against an embedded H2 database: types, partitions, save modes, options. */
public final class IoJdbc {
    private IoJdbc() {
    }

    private static String url(String db) {
        return "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1";
    }

    private static Properties props() {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        return p;
    }

    private static void sql(String db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url(db), "sa", ""); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    /** The table's columns and types as the database has them, then its rows in order of the first column. */
    private static void table(CaseContext ctx, String db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url(db), "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
            ResultSetMetaData md = rs.getMetaData();
            StringBuilder cols = new StringBuilder(table + ":");
            for (int i = 1; i <= md.getColumnCount(); i++) {
                cols.append(' ').append(md.getColumnName(i)).append(' ').append(md.getColumnTypeName(i));
            }
            ctx.println(cols);
            while (rs.next()) {
                StringBuilder row = new StringBuilder("  ");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                ctx.println(row);
            }
        }
    }

    private static void show(CaseContext ctx, String label, Dataset<?> df) {
        ctx.println(label + ": " + df.schema().simpleString());
        ctx.show(df);
    }

    private static Dataset<Row> people(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(
                RowFactory.create(1, "ann", 3.5, true, java.sql.Date.valueOf("2024-02-29")),
                RowFactory.create(2, null, null, null, null),
                RowFactory.create(3, "cid", -1.0, false, java.sql.Date.valueOf("1999-12-31"))),
                new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType)
                        .add("score", DataTypes.DoubleType).add("ok", DataTypes.BooleanType).add("day", DataTypes.DateType));
    }

    @Case
    public static void readTypes(CaseContext ctx) throws Exception {
        sql("types", "CREATE TABLE t (i INT, b BIGINT, s SMALLINT, ti TINYINT, bo BOOLEAN, d DOUBLE PRECISION, r REAL,"
                        + " dec DECIMAL(10,2), v VARCHAR(20), c CHAR(3), dt DATE, ts TIMESTAMP, bin VARBINARY(4), cl CLOB)",
                "INSERT INTO t VALUES (1, 10000000000, 7, 8, TRUE, 1.5, 2.5, 12.34, 'x y', 'ab', DATE '2024-02-29',"
                        + " TIMESTAMP '2024-01-02 03:04:05.678', X'01FF', 'long text')",
                "INSERT INTO t VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        show(ctx, "jdbc(url, table, props)", ctx.spark().read().jdbc(url("types"), "t", props()));
        show(ctx, "format(jdbc)", ctx.spark().read().format("jdbc").option("url", url("types")).option("dbtable", "t")
                .option("user", "sa").option("password", "").load().select("i", "v", "dec"));
        show(ctx, "query", ctx.spark().read().format("jdbc").option("url", url("types")).option("user", "sa")
                .option("query", "SELECT i, v AS name, i * 2 AS twice FROM t WHERE i IS NOT NULL").load());
        show(ctx, "dbtable subquery", ctx.spark().read().format("jdbc").option("url", url("types")).option("user", "sa")
                .option("dbtable", "(SELECT b, c FROM t) sub").option("fetchsize", 1).load());
    }

    @Case(timeoutSeconds = 120)
    public static void partitionedReads(CaseContext ctx) throws Exception {
        sql("parts", "CREATE TABLE n (id INT, v VARCHAR(5))",
                "INSERT INTO n VALUES (1,'a'),(2,'b'),(3,'c'),(4,'d'),(5,'e'),(6,'f'),(7,'g'),(8,'h'),(9,'i'),(10,'j'),(NULL,'z')");
        Dataset<Row> byColumn = ctx.spark().read().jdbc(url("parts"), "n", "id", 2, 8, 3, props());
        show(ctx, "column, bounds, 3 partitions", byColumn);
        ctx.println(byColumn.count());
        show(ctx, "options", ctx.spark().read().format("jdbc").option("url", url("parts")).option("dbtable", "n").option("user", "sa")
                .option("partitionColumn", "id").option("lowerBound", "0").option("upperBound", "100")
                .option("numPartitions", "4").load().filter("id > 5"));
        show(ctx, "predicates", ctx.spark().read().jdbc(url("parts"), "n", new String[] {"id < 3", "id >= 3 AND id < 5", "v = 'z'"},
                props()));
    }

    @Case(timeoutSeconds = 120)
    public static void readErrors(CaseContext ctx) throws Exception {
        sql("errs", "CREATE TABLE n (id INT, v VARCHAR(5))", "INSERT INTO n VALUES (1,'a')");
        String[][] bad = {
            {"dbtable", "n", "partitionColumn", "id"},
            {"dbtable", "n", "partitionColumn", "id", "lowerBound", "5", "upperBound", "1", "numPartitions", "2"},
            {"dbtable", "n", "partitionColumn", "nope", "lowerBound", "1", "upperBound", "5", "numPartitions", "2"},
            {"dbtable", "n"},
            {"query", "SELECT 1", "dbtable", "n"},
            {"query", "SELECT 1", "partitionColumn", "id", "lowerBound", "1", "upperBound", "5", "numPartitions", "2"}};
        for (String[] options : bad) {
            try {
                var reader = ctx.spark().read().format("jdbc").option("url", url("errs")).option("user", "sa");
                for (int i = 0; i < options.length; i += 2) {
                    reader = reader.option(options[i], options[i + 1]);
                }
                reader.load().collectAsList();
                ctx.println("ok");
            } catch (Exception e) {
                ctx.error(e);
            }
        }
        try {
            ctx.spark().read().format("jdbc").option("dbtable", "n").load();
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** JDBC reads and writes batches only: a stream read or write is refused, the write when it starts. */
    @Case(timeoutSeconds = 120)
    public static void streamsRefused(CaseContext ctx) throws Exception {
        try {
            ctx.spark().readStream().format("jdbc").option("url", url("streams")).option("dbtable", "t").load();
            ctx.println("stream read ok");
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            io.tideway.sql.streaming.StreamingQuery q = ctx.spark().readStream().format("rate").load().writeStream()
                    .format("jdbc").option("url", url("streams")).option("dbtable", "t")
                    .option("checkpointLocation", ctx.path("cp")).start();
            q.stop();
            ctx.println("stream write ok");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void writeModes(CaseContext ctx) throws Exception {
        people(ctx).write().jdbc(url("write"), "people", props());
        table(ctx, "write", "people");
        try {
            people(ctx).write().jdbc(url("write"), "people", props());
        } catch (Exception e) {
            ctx.error(e);
        }
        people(ctx).filter("id = 1").write().mode("append").jdbc(url("write"), "people", props());
        table(ctx, "write", "people");
        people(ctx).write().mode("ignore").jdbc(url("write"), "people", props());
        table(ctx, "write", "people");
        people(ctx).select("id", "name").write().mode("overwrite").jdbc(url("write"), "people", props());
        table(ctx, "write", "people");
        show(ctx, "read back", ctx.spark().read().jdbc(url("write"), "people", props()));
    }

    @Case
    public static void writeOptions(CaseContext ctx) throws Exception {
        sql("opts", "CREATE TABLE kept (id BIGINT, name VARCHAR(100), score DECIMAL(8,3), ok BOOLEAN, \"day\" DATE)");
        people(ctx).write().mode("overwrite").option("truncate", true).jdbc(url("opts"), "kept", props());
        table(ctx, "opts", "kept");
        people(ctx).write().format("jdbc").option("url", url("opts")).option("dbtable", "made").option("user", "sa")
                .option("createTableOptions", "").option("batchsize", 1).option("isolationLevel", "NONE").save();
        table(ctx, "opts", "made");
        Dataset<Row> wide = ctx.spark().sql("SELECT CAST(1 AS TINYINT) AS t, CAST(2 AS SMALLINT) AS s, 3L AS l,"
                + " CAST(1.5 AS FLOAT) AS f, CAST(2.25 AS DECIMAL(6,2)) AS d, X'01FF' AS bin,"
                + " TIMESTAMP'2024-01-02 03:04:05' AS ts");
        wide.write().jdbc(url("opts"), "wide", props());
        table(ctx, "opts", "wide");
        show(ctx, "wide read back", ctx.spark().read().jdbc(url("opts"), "wide", props()));
        try {
            people(ctx).write().partitionBy("id").jdbc(url("opts"), "p", props());
        } catch (Exception e) {
            ctx.error(e);
        }
    }
}

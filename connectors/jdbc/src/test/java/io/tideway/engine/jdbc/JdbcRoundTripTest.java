package io.tideway.engine.jdbc;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The JDBC sink and source against an embedded H2 database: types, save modes, partitioned reads. */
class JdbcRoundTripTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final Dataset<Row> df = spark.createDataFrame(List.of(
            RowFactory.create(1, "ann", 1.5, java.sql.Date.valueOf("2024-01-02")),
            RowFactory.create(2, null, null, null),
            RowFactory.create(3, "cid", -2.0, java.sql.Date.valueOf("1999-12-31"))),
            new StructType().add("id", "int").add("name", "string").add("score", "double").add("d", "date"));

    private static String url(String db) {
        return "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1";
    }

    private static Properties sa() {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        return p;
    }

    private static long count(String db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url(db), "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void writesThenReadsTheSameRows() throws Exception {
        df.write().jdbc(url("roundtrip"), "people", sa());
        Dataset<Row> back = spark.read().jdbc(url("roundtrip"), "people", sa()).orderBy("id");
        assertEquals("struct<id:int,name:string,score:double,d:date>", back.schema().simpleString());
        assertEquals("[[1,ann,1.5,2024-01-02], [2,null,null,null], [3,cid,-2.0,1999-12-31]]",
                back.collectAsList().toString());
    }

    @Test
    void saveModesDecideWhatAnExistingTableMeans() throws Exception {
        df.write().jdbc(url("modes"), "t", sa());
        assertEquals("Table or view 't' already exists. SaveMode: ErrorIfExists.",
                assertThrows(io.tideway.sql.AnalysisException.class, () -> df.write().jdbc(url("modes"), "t", sa())).getMessage());
        df.write().mode("append").jdbc(url("modes"), "t", sa());
        assertEquals(6, count("modes", "t"));
        df.write().mode("ignore").jdbc(url("modes"), "t", sa());
        assertEquals(6, count("modes", "t"));
        df.filter("id = 1").write().mode("overwrite").option("batchsize", 1).jdbc(url("modes"), "t", sa());
        assertEquals(1, count("modes", "t"));
    }

    @Test
    void partitionedReadsReadEveryRowOnce() throws Exception {
        df.write().jdbc(url("parts"), "t", sa());
        assertEquals(3, spark.read().jdbc(url("parts"), "t", "id", 2, 3, 2, sa()).count());
        assertEquals(3, spark.read().jdbc(url("parts"), "t", "id", 0, 100, 7, sa()).count());
        assertEquals(2, spark.read().jdbc(url("parts"), "t", new String[] {"\"id\" = 1", "\"id\" > 2"}, sa()).count());
    }

    @Test
    void columnStridesAreSparks() {
        assertEquals(List.of("\"ID\" < 4 or \"ID\" is null", "\"ID\" >= 4 AND \"ID\" < 6", "\"ID\" >= 6"),
                JdbcPartitions.of(new JdbcOptions(new io.tideway.engine.spi.Options(java.util.Map.of("url", "u",
                        "dbtable", "t", "partitionColumn", "id", "lowerBound", "2", "upperBound", "8",
                        "numPartitions", "3"))), new StructType().add("ID", "int")));
    }
}

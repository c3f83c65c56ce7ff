package io.tideway.sql;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The engine alone has no JDBC source or sink: each way to ask for one names the module and its services file. */
class JdbcModuleAbsentTest {
    private static final String URL = "jdbc:h2:mem:absent";
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    private static String message(String spi) {
        return "Failed to find the data source: jdbc. It is provided by the module io.tideway:tideway-jdbc: "
                + "add that dependency to the application's class path (it lists its providers in "
                + "META-INF/services/io.tideway.engine.spi." + spi + "; a shaded jar must merge META-INF/services files).";
    }

    @Test
    void readsAndWritesNameTheModule() {
        Properties none = new Properties();
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create("x")), new io.tideway.sql.types.StructType().add("s", "string"));
        assertEquals(message("SourceProvider"),
                assertThrows(AnalysisException.class, () -> spark.read().jdbc(URL, "t", none)).getMessage());
        assertEquals(message("SourceProvider"),
                assertThrows(AnalysisException.class, () -> spark.read().jdbc(URL, "t", new String[] {"1 = 1"}, none)).getMessage());
        assertEquals(message("SourceProvider"),
                assertThrows(AnalysisException.class, () -> spark.read().format("jdbc").option("url", URL).load()).getMessage());
        assertEquals(message("SinkProvider"),
                assertThrows(AnalysisException.class, () -> df.write().jdbc(URL, "t", none)).getMessage());
        assertEquals(message("SinkProvider"),
                assertThrows(AnalysisException.class, () -> df.write().format("jdbc").option("dbtable", "t").save()).getMessage());
    }
}

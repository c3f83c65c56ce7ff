package io.tideway.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The engine alone has no file formats: each way to ask for one names the module and its services file. */
class FilesModuleAbsentTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    @TempDir
    Path tmp;

    private static String message(String format, String spi) {
        return "Failed to find the data source: " + format + ". It is provided by the module io.tideway:tideway-files: "
                + "add that dependency to the application's class path (it lists its providers in "
                + "META-INF/services/io.tideway.engine.spi." + spi + "; a shaded jar must merge META-INF/services files).";
    }

    @Test
    void readWriteAndStreamNameTheModule() {
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create("x")), new io.tideway.sql.types.StructType().add("s", "string"));
        String dir = tmp.toString();
        assertEquals(message("csv", "SourceProvider"), assertThrows(AnalysisException.class, () -> spark.read().csv(dir)).getMessage());
        assertEquals(message("text", "SourceProvider"),
                assertThrows(AnalysisException.class, () -> spark.readStream().text(dir)).getMessage());
        assertEquals(message("json", "SourceProvider"),
                assertThrows(AnalysisException.class, () -> spark.read().json(spark.createDataset(List.of("{}"), Encoders.STRING()))).getMessage());
        assertEquals(message("json", "SinkProvider"),
                assertThrows(AnalysisException.class, () -> df.write().json(tmp.resolve("o").toString())).getMessage());
        assertEquals(message("xml", "SourceProvider"),
                assertThrows(AnalysisException.class, () -> spark.read().option("rowTag", "r").xml(dir)).getMessage());
        assertEquals(message("xml", "SinkProvider"),
                assertThrows(AnalysisException.class, () -> df.write().xml(tmp.resolve("x").toString())).getMessage());
    }
}

package io.tideway.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The engine alone has no Parquet: every way to ask for it names the module to add. */
class ParquetModuleAbsentTest {
    private static final String MESSAGE = "Failed to find the data source: parquet. It is provided by the module "
            + "io.tideway:tideway-parquet: add that dependency to the application's class path (it lists its providers "
            + "in META-INF/services/io.tideway.engine.spi.%s; a shaded jar must merge META-INF/services files).";
    private static final String READ = MESSAGE.formatted("SourceProvider");
    private static final String WRITE = MESSAGE.formatted("SinkProvider");
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    @TempDir
    Path tmp;

    @Test
    void readWriteAndStreamNameTheArtifact() {
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(1)), new io.tideway.sql.types.StructType().add("a", "int"));
        String dir = tmp.toString();
        assertEquals(READ, assertThrows(AnalysisException.class, () -> spark.read().parquet(dir)).getMessage());
        assertEquals(READ, assertThrows(AnalysisException.class, () -> spark.read().load(dir)).getMessage());
        assertEquals(WRITE, assertThrows(AnalysisException.class, () -> df.write().parquet(tmp.resolve("o").toString())).getMessage());
        assertEquals(READ, assertThrows(AnalysisException.class, () -> spark.readStream().schema("a INT").parquet(dir)).getMessage());
    }
}

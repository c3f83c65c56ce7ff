package io.tideway.engine.source.file;

import io.tideway.engine.spi.Options;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceOptionsTest {
    private static final StructType SCHEMA = new StructType().add("a", DataTypes.IntegerType);

    private static String error(FileSourceProvider p, StructType schema, Map<String, String> options) {
        Map<String, String> o = new HashMap<>(options);
        return assertThrows(IllegalArgumentException.class, () -> p.schema(schema, new Options(o))).getMessage();
    }

    @Test
    void pathIsRequired() {
        assertEquals("'path' is not specified", error(new TextSourceProvider(), null, Map.of()));
        assertEquals("'path' is not specified", error(new CsvSourceProvider(), SCHEMA, Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5"})
    void maxFilesPerTriggerMustBePositive(String v) {
        assertEquals("Invalid value '" + v + "' for option 'maxFilesPerTrigger', must be a positive integer",
                error(new TextSourceProvider(), null, Map.of("path", "/in", "MAXFILESPERTRIGGER", v)));
    }

    @Test
    void booleansAndDurationsNameTheOption() {
        assertTrue(error(new TextSourceProvider(), null, Map.of("path", "/in", "latestFirst", "yes"))
                .contains("'latestFirst'"));
        assertTrue(error(new TextSourceProvider(), null, Map.of("path", "/in", "fileNameOnly", "1"))
                .contains("'fileNameOnly'"));
        assertTrue(error(new TextSourceProvider(), null, Map.of("path", "/in", "maxFileAge", "soon"))
                .contains("'maxFileAge'"));
    }

    @Test
    void modeAndCsvOptionsNameTheOption() {
        assertEquals("Invalid value 'LENIENT' for option 'mode', must be one of PERMISSIVE, DROPMALFORMED, FAILFAST",
                error(new CsvSourceProvider(), SCHEMA, Map.of("path", "/in", "mode", "LENIENT")));
        assertTrue(error(new JsonSourceProvider(), SCHEMA, Map.of("path", "/in", "mode", "x")).contains("'mode'"));
        assertTrue(error(new CsvSourceProvider(), SCHEMA, Map.of("path", "/in", "sep", ";;")).contains("'sep'"));
        assertTrue(error(new CsvSourceProvider(), SCHEMA, Map.of("path", "/in", "quote", "''")).contains("'quote'"));
        assertTrue(error(new CsvSourceProvider(), SCHEMA, Map.of("path", "/in", "header", "maybe")).contains("'header'"));
    }

    @Test
    void csvAndJsonRequireASchema() {
        String expected = "Schema must be specified when creating a streaming source DataFrame. If some files already"
                + " exist in the directory, then depending on the file format you may be able to create a static"
                + " DataFrame on that directory with 'spark.read.load(directory)' and infer schema from it.";
        assertEquals(expected, error(new CsvSourceProvider(), null, Map.of("path", "/in")));
        assertEquals(expected, error(new JsonSourceProvider(), null, Map.of("path", "/in")));
        assertEquals("value", new TextSourceProvider().schema(null, new Options(Map.of("path", "/in"))).apply(0).name());
    }

    @Test
    void corruptRecordColumnMustBeString() {
        StructType schema = new StructType().add("_corrupt_record", DataTypes.IntegerType);
        assertTrue(error(new JsonSourceProvider(), schema, Map.of("path", "/in"))
                .startsWith("The field for corrupt records must be string type and nullable"));
    }

    @Test
    void csvRejectsArrays() {
        StructType schema = new StructType().add("a", DataTypes.createArrayType(DataTypes.StringType));
        assertEquals("CSV data source does not support array<string> data type.",
                error(new CsvSourceProvider(), schema, Map.of("path", "/in")));
    }
}

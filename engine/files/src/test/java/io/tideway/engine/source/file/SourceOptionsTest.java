package io.tideway.engine.source.file;

import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceContext;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where Spark checks a file source's options: the path, that a plain path exists and that a
 * schema is given at {@code load()} ({@code schema}); every other option when the query creates
 * the source ({@code create}).
 */
class SourceOptionsTest {
    private static final StructType SCHEMA = new StructType().add("a", DataTypes.IntegerType);

    @TempDir
    Path tmp;

    /** The message of the error {@code load()} raises. */
    private static String loadError(FileSourceProvider p, StructType schema, Map<String, String> options) {
        return assertThrows(Exception.class, () -> p.schema(schema, new Options(options))).getMessage();
    }

    /** The message of the error creating the source raises, after {@code load()} succeeded. */
    private String createError(FileSourceProvider p, StructType schema, Map<String, String> options) {
        Map<String, String> o = new HashMap<>(options);
        o.put("path", tmp.toString());
        Options opts = new Options(o);
        StructType resolved = p.schema(schema, opts);
        return assertThrows(Exception.class,
                () -> p.create(new SourceContext(opts, resolved, tmp.resolve("meta"), Map.of()))).getMessage();
    }

    @Test
    void pathIsRequired() {
        assertEquals("'path' is not specified.", loadError(new TextSourceProvider(), null, Map.of()));
        assertEquals("'path' is not specified.", loadError(new CsvSourceProvider(), SCHEMA, Map.of()));
    }

    @Test
    void plainPathMustExistButAGlobNeedNot() {
        String missing = tmp.resolve("missing").toString();
        assertEquals("[PATH_NOT_FOUND] Path does not exist: " + missing + ". SQLSTATE: 42K03",
                loadError(new TextSourceProvider(), null, Map.of("path", missing)));
        assertEquals("value", new TextSourceProvider()
                .schema(null, new Options(Map.of("path", tmp.resolve("missing*/x").toString()))).apply(0).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", " 1"})
    void maxFilesPerTriggerMustBePositive(String v) {
        assertEquals("Invalid value '" + v + "' for option 'maxFilesPerTrigger', must be a positive integer",
                createError(new TextSourceProvider(), null, Map.of("MAXFILESPERTRIGGER", v)));
    }

    @Test
    void booleansAndDurationsNameTheOption() {
        assertTrue(createError(new TextSourceProvider(), null, Map.of("latestFirst", "yes")).contains("'latestFirst'"));
        assertTrue(createError(new TextSourceProvider(), null, Map.of("fileNameOnly", "1")).contains("'fileNameOnly'"));
        assertTrue(createError(new TextSourceProvider(), null, Map.of("maxFileAge", "soon")).contains("'maxFileAge'"));
    }

    @Test
    void sparkRefusesTheseFileStreamOptions() {
        assertEquals("option 'modifiedbefore' is not allowed in file stream sources",
                createError(new TextSourceProvider(), null, Map.of("modifiedBefore", "2024-01-01T00:00:00")));
        assertEquals("Options 'maxFilesPerTrigger' and 'maxBytesPerTrigger' can't be both set at the same time",
                createError(new TextSourceProvider(), null, Map.of("maxFilesPerTrigger", "1", "maxBytesPerTrigger", "9")));
        assertEquals("Invalid mode for clean source option Some(move). Must be one of ARCHIVE,DELETE,OFF",
                createError(new TextSourceProvider(), null, Map.of("cleanSource", "move")));
    }

    @Test
    void formatOptionsNameTheOption() {
        assertTrue(createError(new CsvSourceProvider(), SCHEMA, Map.of("quote", "''")).contains("'quote'"));
        assertTrue(createError(new CsvSourceProvider(), SCHEMA, Map.of("header", "maybe")).contains("'header'"));
    }

    @Test
    void csvAndJsonRequireASchema() {
        String expected = "Schema must be specified when creating a streaming source DataFrame. If some files already"
                + " exist in the directory, then depending on the file format you may be able to create a static"
                + " DataFrame on that directory with 'spark.read.load(directory)' and infer schema from it.";
        assertEquals(expected, loadError(new CsvSourceProvider(), null, Map.of("path", tmp.toString())));
        assertEquals(expected, loadError(new JsonSourceProvider(), null, Map.of("path", tmp.toString())));
        assertEquals("value", new TextSourceProvider().schema(null, new Options(Map.of("path", tmp.toString())))
                .apply(0).name());
    }

    @Test
    void textSchemaIsCheckedWhenTheQueryStarts() {
        assertEquals("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support the column `a` of"
                + " the type \"INT\". SQLSTATE: 0A000", createError(new TextSourceProvider(), SCHEMA, Map.of()));
        StructType two = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);
        assertEquals("Text data source supports only a single column, and you have 2 columns.",
                createError(new TextSourceProvider(), two, Map.of()));
    }

    @Test
    void corruptRecordColumnMustBeString() {
        StructType schema = new StructType().add("_corrupt_record", DataTypes.IntegerType);
        assertTrue(createError(new JsonSourceProvider(), schema, Map.of()).contains("_corrupt_record"));
    }

    @Test
    void csvRejectsArrays() {
        StructType schema = new StructType().add("a", DataTypes.createArrayType(DataTypes.StringType));
        assertEquals("CSV data source does not support array<string> data type.",
                createError(new CsvSourceProvider(), schema, Map.of()));
    }
}

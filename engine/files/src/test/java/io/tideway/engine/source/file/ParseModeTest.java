package io.tideway.engine.source.file;

import io.tideway.SparkException;
import io.tideway.SparkRuntimeException;
import io.tideway.engine.format.CsvTokenizer;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseModeTest {
    private static final StructType CSV_SCHEMA = new StructType()
            .add("id", DataTypes.IntegerType).add("name", DataTypes.StringType).add("_corrupt_record", DataTypes.StringType);
    private static final StructType JSON_SCHEMA = new StructType()
            .add("id", DataTypes.LongType).add("name", DataTypes.StringType)
            .add("tags", DataTypes.createArrayType(DataTypes.StringType)).add("ts", DataTypes.TimestampType)
            .add("score", DataTypes.DoubleType).add("ok", DataTypes.BooleanType)
            .add("_corrupt_record", DataTypes.StringType);

    @TempDir
    Path tmp;

    private List<Row> read(SourceProvider provider, StructType schema, Map<String, String> options, String... lines)
            throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.write(in.resolve("data"), List.of(lines));
        Map<String, String> o = new HashMap<>(options);
        o.put("path", in.toString());
        return new SourceDriver(provider, schema, o, tmp.resolve("chk-" + System.nanoTime())).runBatch();
    }

    private static List<Object> row(Row r) {
        Object[] v = new Object[r.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i);
        }
        return Arrays.asList(v);
    }

    private static final String[] CSV_LINES = {"1,a", "x,b", "3", "4,d,extra", "\"5\",\"e,f\"", "", "6,\"say \"\"hi\"\"\""};

    @Test
    void csvPermissiveKeepsGoodFieldsAndFillsCorruptRecord() throws IOException {
        List<Row> rows = read(new CsvSourceProvider(), CSV_SCHEMA, Map.of(), CSV_LINES);
        assertEquals(6, rows.size(), "blank line skipped, malformed kept");
        assertEquals(Arrays.asList(1, "a", null), row(rows.get(0)));
        assertEquals(Arrays.asList(null, "b", "x,b"), row(rows.get(1)));
        assertEquals(Arrays.asList(3, null, "3"), row(rows.get(2)));
        assertEquals(Arrays.asList(4, "d", "4,d,extra"), row(rows.get(3)));
        assertEquals(Arrays.asList(5, "e,f", null), row(rows.get(4)));
        // default escape is \ : a doubled quote is an unescaped quote, the field kept as written
        assertEquals(Arrays.asList(6, "\"say \"\"hi\"\"\"", null), row(rows.get(5)));
    }

    @Test
    void csvPermissiveWithoutCorruptColumnStillKeepsTheRow() throws IOException {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType);
        List<Row> rows = read(new CsvSourceProvider(), schema, Map.of("mode", "permissive"), "1,a", "x,b");
        assertEquals(Arrays.asList(null, "b"), row(rows.get(1)));
    }

    @Test
    void csvDropMalformedSkipsBadRows() throws IOException {
        List<Row> rows = read(new CsvSourceProvider(), CSV_SCHEMA, Map.of("mode", "DROPMALFORMED"), CSV_LINES);
        assertEquals(List.of(1, 5, 6), SourceDriver.column(rows, 0));
    }

    /** Spark's chain: the file, then the record's partial row (its corrupt column holds the line), then the parser's error. */
    @Test
    void csvFailFastRaisesSparksChain() {
        SparkException e = assertThrows(SparkException.class,
                () -> read(new CsvSourceProvider(), CSV_SCHEMA, Map.of("mode", "failfast"), CSV_LINES));
        assertEquals("FAILED_READ_FILE.NO_HINT", e.getCondition());
        assertEquals("[FAILED_READ_FILE.NO_HINT] Encountered error while reading file " + tmp.resolve("in/data").toUri()
                + ".  SQLSTATE: KD001", e.getMessage());
        SparkException malformed = (SparkException) e.getCause();
        assertEquals("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: "
                + "[null,b,x,b].\nParse Mode: FAILFAST. To process malformed records as null result, try setting the option "
                + "'mode' as 'PERMISSIVE'.  SQLSTATE: 22023", malformed.getMessage());
        assertEquals(NumberFormatException.class, malformed.getCause().getClass());
    }

    @Test
    void csvFailFastMissingFieldIsMalformedCsvRecord() {
        StructType schema = new StructType().add("k", DataTypes.StringType).add("n", DataTypes.IntegerType);
        SparkException e = assertThrows(SparkException.class,
                () -> read(new CsvSourceProvider(), schema, Map.of("mode", "FAILFAST"), "a,1", "b"));
        assertTrue(e.getCause().getMessage().startsWith(
                "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: [b,null]."),
                e.getCause().getMessage());
        assertEquals("[MALFORMED_CSV_RECORD] Malformed CSV record: b SQLSTATE: KD000", e.getCause().getCause().getMessage());
        assertEquals(SparkRuntimeException.class, e.getCause().getCause().getClass());
    }

    @Test
    void csvOptionsHeaderSepQuoteNullValue() throws IOException {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType)
                .add("score", DataTypes.DoubleType);
        List<Row> rows = read(new CsvSourceProvider(), schema,
                Map.of("header", "true", "sep", ";", "nullValue", "NA", "quote", "'"),
                "id;name;score", "1;'a;b';2.5", "2;NA;NA", "3;;1e3");
        assertEquals(Arrays.asList(1, "a;b", 2.5), row(rows.get(0)));
        assertEquals(Arrays.asList(2, null, null), row(rows.get(1)));
        assertEquals(Arrays.asList(3, null, 1000.0), row(rows.get(2)), "an empty field is nullValue");
    }

    @Test
    void csvTokenizerHandlesRfc4180AndBackslashEscapes() {
        CsvTokenizer t = new CsvTokenizer(',', '"', '\\');
        assertEquals(List.of("a", "", "c", ""), List.of(t.tokenize("a,,c,")));
        assertEquals(List.of("x,y", "\"he said \"\"no\"\"\"", "q\"r"),
                List.of(t.tokenize("\"x,y\",\"he said \"\"no\"\"\",\"q\\\"r\"")));
        assertEquals(List.of("1", "open"), List.of(t.tokenize("1,\"open")), "an open quote runs to the end");
        CsvTokenizer doubled = new CsvTokenizer(',', '"', '"');
        assertEquals(List.of("he said \"no\""), List.of(doubled.tokenize("\"he said \"\"no\"\"\"")));
        CsvTokenizer options = new CsvTokenizer("||", '"', '\\', true, false, "NA", "EMPTY");
        assertEquals(List.of("a ", "NA", "EMPTY", "b"), List.of(options.tokenize("  a ||||\"\"|| b")));
    }

    @Test
    void csvUnterminatedQuoteRunsToTheEndOfTheLine() throws IOException {
        List<Row> rows = read(new CsvSourceProvider(), CSV_SCHEMA, Map.of(), "1,\"open", "\"open,2");
        assertEquals(Arrays.asList(1, "open", null), row(rows.get(0)), "the open quote runs to the end of the line");
        assertEquals(Arrays.asList(null, null, "\"open,2"), row(rows.get(1)), "one token for two columns");
    }

    private static final String[] JSON_LINES = {
            "{\"id\":1,\"name\":\"a\",\"tags\":[\"x\",\"y\"],\"ts\":\"2024-01-01T00:00:00.000Z\",\"score\":1.5,\"ok\":true}",
            "{\"id\":\"oops\",\"name\":\"b\"}",
            "not json",
            "{\"id\":3}",
            "",
            "{\"id\":4,\"name\":5,\"score\":7}",
            "[1,2]"};

    @Test
    void jsonPermissiveNullsBadFieldsAndFillsCorruptRecord() throws IOException {
        List<Row> rows = read(new JsonSourceProvider(), JSON_SCHEMA, Map.of(), JSON_LINES);
        assertEquals(6, rows.size(), "blank line skipped");
        Row first = rows.get(0);
        assertEquals(1L, first.get(0));
        assertEquals(List.of("x", "y"), first.get(2));
        assertEquals(Timestamp.from(Instant.parse("2024-01-01T00:00:00Z")), first.get(3));
        assertEquals(1.5, first.get(4));
        assertEquals(true, first.get(5));
        assertNull(first.get(6));
        assertEquals(Arrays.asList(null, "b", null, null, null, null, JSON_LINES[1]), row(rows.get(1)));
        assertEquals(Arrays.asList(null, null, null, null, null, null, "not json"), row(rows.get(2)));
        assertEquals(Arrays.asList(3L, null, null, null, null, null, null), row(rows.get(3)), "missing fields are not malformed");
        assertEquals(Arrays.asList(4L, "5", null, null, 7.0, null, null), row(rows.get(4)), "string takes any scalar");
        assertEquals("[1,2]", rows.get(5).get(6));
    }

    @Test
    void jsonDropMalformedSkipsBadRows() throws IOException {
        List<Row> rows = read(new JsonSourceProvider(), JSON_SCHEMA, Map.of("mode", "DropMalformed"), JSON_LINES);
        assertEquals(List.of(1L, 3L, 4L), SourceDriver.column(rows, 0));
    }

    @Test
    void jsonFailFastTypeMismatchIsCannotParseJsonField() {
        SparkException e = assertThrows(SparkException.class,
                () -> read(new JsonSourceProvider(), JSON_SCHEMA, Map.of("mode", "FAILFAST"), JSON_LINES));
        assertEquals("FAILED_READ_FILE.NO_HINT", e.getCondition());
        assertTrue(e.getCause().getMessage().contains("record parsing: [null,b,null,null,null,null," + JSON_LINES[1] + "]."),
                e.getCause().getMessage());
        assertEquals("[CANNOT_PARSE_JSON_FIELD] Cannot parse the field name 'id' and the value oops of the JSON token type "
                + "VALUE_STRING to target Spark data type \"BIGINT\". SQLSTATE: 2203G", e.getCause().getCause().getMessage());
    }

    @Test
    void jsonFailFastSyntaxErrorKeepsJacksonsError() {
        StructType schema = new StructType().add("a", DataTypes.LongType);
        SparkException e = assertThrows(SparkException.class,
                () -> read(new JsonSourceProvider(), schema, Map.of("mode", "FAILFAST"), "{\"a\":"));
        assertTrue(e.getCause().getMessage().contains("record parsing: [null]."), e.getCause().getMessage());
        assertTrue(e.getCause().getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException, e.getCause().getCause().toString());
    }

    @Test
    void badRecordTextIsSparksInternalRow() {
        assertEquals("[1,null,1704067200000000,19723,x]", FileReadFailure.rowText(new Object[]{1L, null,
                Timestamp.from(Instant.parse("2024-01-01T00:00:00Z")), java.sql.Date.valueOf("2024-01-01"), "x"}));
    }

    @Test
    void jsonCustomCorruptColumnName() throws IOException {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("bad", DataTypes.StringType);
        List<Row> rows = read(new JsonSourceProvider(), schema, Map.of("columnNameOfCorruptRecord", "bad"),
                "{\"id\":1.5}", "{\"id\":2147483648}");
        assertEquals(Arrays.asList(null, "{\"id\":1.5}"), row(rows.get(0)));
        assertEquals(Arrays.asList(null, "{\"id\":2147483648}"), row(rows.get(1)), "int overflow is malformed");
    }

    @Test
    void jsonSingleQuotesByDefaultCommentsOnRequestAndTrailingTextIgnored() throws IOException {
        StructType schema = new StructType().add("a", DataTypes.IntegerType).add("_corrupt_record", DataTypes.StringType);
        List<Row> rows = read(new JsonSourceProvider(), schema, Map.of(), "{'a':1}", "{\"a\":2} // trailing", "// c");
        assertEquals(Arrays.asList(1, null), row(rows.get(0)));
        assertEquals(Arrays.asList(2, null), row(rows.get(1)));
        assertEquals(Arrays.asList(null, "// c"), row(rows.get(2)));
        List<Row> commented = read(new JsonSourceProvider(), schema, Map.of("allowComments", "true",
                "allowSingleQuotes", "false"), "{\"a\":1 /* x */}", "// only a comment", "{'a':3}");
        assertEquals(Arrays.asList(1, null), row(commented.get(0)));
        assertEquals(Arrays.asList(null, "{'a':3}"), row(commented.get(1)), "a comment line is no row");
    }

    @Test
    void textSourceKeepsEmptyLines() throws IOException {
        List<Row> rows = read(new TextSourceProvider(), null, Map.of(), "a", "", "c");
        assertEquals(Arrays.asList("a", "", "c"), SourceDriver.column(rows, 0));
    }
}

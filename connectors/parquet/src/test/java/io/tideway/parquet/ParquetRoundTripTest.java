package io.tideway.parquet;

import io.tideway.SparkException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.StructType;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Writes every supported type with {@code df.write().parquet} and reads it back with {@code spark.read().parquet}. */
class ParquetRoundTripTest {
    private static final TidewaySession spark = TidewaySession.builder().master("local[2]")
            .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    private static final StructType SCHEMA = new StructType()
            .add("b", DataTypes.BooleanType).add("y", DataTypes.ByteType).add("s", DataTypes.ShortType)
            .add("i", DataTypes.IntegerType).add("l", DataTypes.LongType).add("f", DataTypes.FloatType)
            .add("d", DataTypes.DoubleType).add("str", DataTypes.StringType).add("bin", DataTypes.BinaryType)
            .add("dt", DataTypes.DateType).add("ts", DataTypes.TimestampType)
            .add("dec", new DecimalType(5, 2)).add("dec18", new DecimalType(18, 3)).add("dec30", new DecimalType(30, 4))
            .add("arr", new ArrayType(DataTypes.IntegerType, true))
            .add("st", new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType));
    @TempDir
    Path tmp;

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> allTypes() {
        return spark.createDataFrame(List.of(
                RowFactory.create(true, (byte) -7, (short) 300, 42, 4_000_000_000L, 1.5f, -2.25, "héllo", new byte[]{1, 2, 3},
                        Date.valueOf("2024-02-29"), Timestamp.valueOf("2024-01-01 12:34:56.123456"),
                        new BigDecimal("-123.45"), new BigDecimal("123456789012345.678"),
                        new BigDecimal("-12345678901234567890123456.7891"), Arrays.asList(1, null, 3),
                        RowFactory.create(7, "x")),
                RowFactory.create(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                RowFactory.create(false, (byte) 0, (short) 0, 0, 0L, 0f, 0d, "", new byte[0], Date.valueOf("1969-12-31"),
                        Timestamp.valueOf("1969-12-31 23:59:59.999999"), new BigDecimal("0.01"), BigDecimal.ZERO,
                        new BigDecimal("1.0000"), List.of(), RowFactory.create(null, null))), SCHEMA);
    }

    private static List<String> rows(Dataset<Row> df) {
        return df.collectAsList().stream().map(ParquetRoundTripTest::text).sorted().toList();
    }

    private static String text(Row r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            Object v = r.get(i);
            sb.append(value(v)).append('|');
        }
        return sb.toString();
    }

    /** A value's text, binaries as their bytes at any depth. */
    private static String value(Object v) {
        if (v instanceof byte[] b) {
            return Arrays.toString(b);
        } else if (v instanceof List<?> l) {
            return l.stream().map(ParquetRoundTripTest::value).toList().toString();
        } else if (v instanceof java.util.Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(sb.length() > 1 ? ", " : "").append(value(k)).append('=').append(value(x)));
            return sb.append('}').toString();
        } else if (v instanceof Row r) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < r.length(); i++) {
                sb.append(i > 0 ? "," : "").append(value(r.get(i)));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }

    private static List<Path> parts(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    @ParameterizedTest
    @CsvSource({"none,parquet", "uncompressed,parquet", "snappy,snappy.parquet", "gzip,gz.parquet", "zstd,zstd.parquet"})
    void everyTypeAndNullRoundTripsWithEveryCodec(String codec, String extension) throws Exception {
        Path out = tmp.resolve(codec);
        allTypes().write().option("compression", codec).parquet(out.toString());
        List<Path> parts = parts(out);
        assertEquals(1, parts.size(), parts.toString());
        assertTrue(parts.get(0).getFileName().toString().matches("part-00000-[0-9a-f-]{36}-c000\\." + extension.replace(".", "\\.")),
                parts.get(0).toString());
        Dataset<Row> back = spark.read().parquet(out.toString());
        assertEquals(SCHEMA.fields().length, back.schema().fields().length);
        for (int i = 0; i < SCHEMA.length(); i++) {
            assertEquals(SCHEMA.apply(i).dataType(), back.schema().apply(i).dataType(), SCHEMA.apply(i).name());
        }
        assertEquals(rows(allTypes()), rows(back));
    }

    @Test
    void snappyIsTheDefaultAndTheSessionSettingIsRead() throws Exception {
        Path out = tmp.resolve("default");
        allTypes().write().parquet(out.toString());
        assertTrue(parts(out).get(0).toString().endsWith(".snappy.parquet"));
        spark.conf().set("spark.sql.parquet.compression.codec", "gzip");
        try {
            Path gz = tmp.resolve("gz");
            allTypes().write().parquet(gz.toString());
            assertTrue(parts(gz).get(0).toString().endsWith(".gz.parquet"));
        } finally {
            spark.conf().unset("spark.sql.parquet.compression.codec");
        }
        assertThrows(IllegalArgumentException.class, () -> allTypes().write().option("compression", "nope")
                .parquet(tmp.resolve("bad").toString()));
    }

    @ParameterizedTest
    @CsvSource({"INT96,INT96", "TIMESTAMP_MICROS,INT64", "TIMESTAMP_MILLIS,INT64"})
    void timestampsAsEachOutputTypeReadBack(String outputType, String physical) throws Exception {
        spark.conf().set("spark.sql.parquet.outputTimestampType", outputType);
        Path out = tmp.resolve(outputType);
        try {
            spark.createDataFrame(List.of(RowFactory.create(Timestamp.valueOf("2024-01-01 00:00:05.123"))),
                    new StructType().add("ts", DataTypes.TimestampType)).write().parquet(out.toString());
        } finally {
            spark.conf().unset("spark.sql.parquet.outputTimestampType");
        }
        MessageType schema;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(parts(out).get(0)),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            schema = r.getFooter().getFileMetaData().getSchema();
            assertTrue(r.getFooter().getFileMetaData().getKeyValueMetaData().get(SparkSchemaJson.ROW_METADATA_KEY)
                    .contains("\"type\":\"timestamp\""));
        }
        assertEquals(physical, schema.getType("ts").asPrimitiveType().getPrimitiveTypeName().name());
        assertEquals(List.of("2024-01-01 00:00:05.123|"), rows(spark.read().parquet(out.toString())));
    }

    @Test
    void aColumnTheFileLacksReadsAsNullAndATypeMismatchFailsInSparksWords() throws Exception {
        Path out = tmp.resolve("narrow");
        spark.createDataFrame(List.of(RowFactory.create(1, "a")), new StructType().add("id", DataTypes.IntegerType)
                .add("name", DataTypes.StringType)).write().parquet(out.toString());
        assertEquals(List.of("a|null|1|"), rows(spark.read().schema("name STRING, missing STRING, id BIGINT").parquet(out.toString())));
        Exception e = assertThrows(Exception.class, () -> spark.read().schema("id STRING").parquet(out.toString()).collectAsList());
        assertInstanceOf(SparkException.class, e);
        assertTrue(e.getMessage().startsWith("[FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH] Encountered error while reading file file:"), e.getMessage());
        assertTrue(e.getMessage().contains("Data type mismatches when reading Parquet column [id]. Expected Spark type string, actual Parquet type INT32."),
                e.getMessage());
        assertInstanceOf(SchemaColumnConvertNotSupportedException.class, e.getCause());
    }

    @Test
    void partitionByWritesDirectoriesThatReadBackAsColumns() throws Exception {
        Path out = tmp.resolve("parts");
        spark.createDataFrame(List.of(RowFactory.create(1, "a"), RowFactory.create(2, "b"), RowFactory.create(3, "a")),
                new StructType().add("id", DataTypes.IntegerType).add("k", DataTypes.StringType))
                .write().partitionBy("k").parquet(out.toString());
        assertTrue(Files.isDirectory(out.resolve("k=a")));
        assertEquals(List.of("1|a|", "2|b|", "3|a|"), rows(spark.read().parquet(out.toString())));
    }

    private static final StructType NESTED = new StructType()
            .add("fs", new ArrayType(DataTypes.FloatType, true)).add("ds", new ArrayType(DataTypes.DateType, true))
            .add("tss", new ArrayType(DataTypes.TimestampType, true)).add("decs", new ArrayType(new DecimalType(5, 2), true))
            .add("wide", new ArrayType(new DecimalType(25, 3), true)).add("bins", new ArrayType(DataTypes.BinaryType, true))
            .add("structs", new ArrayType(new StructType().add("a", DataTypes.IntegerType)
                    .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, true)), true))
            .add("nested", new ArrayType(new ArrayType(DataTypes.ShortType, true), true))
            .add("m", DataTypes.createMapType(DataTypes.StringType, new ArrayType(DataTypes.DoubleType, true), true))
            .add("mm", DataTypes.createMapType(DataTypes.IntegerType, DataTypes.createMapType(DataTypes.StringType,
                    DataTypes.ByteType, false), true))
            .add("ntz", DataTypes.TimestampNTZType);

    private static Dataset<Row> nested() {
        java.util.Map<String, Long> sm = new java.util.LinkedHashMap<>();
        sm.put("k", 1L);
        sm.put("n", null);
        java.util.Map<String, List<Double>> m = new java.util.LinkedHashMap<>();
        m.put("x", Arrays.asList(1.5, null));
        m.put("e", List.of());
        m.put("z", null);
        return spark.createDataFrame(List.of(
                RowFactory.create(Arrays.asList(1.5f, null), Arrays.asList(Date.valueOf("2024-02-29"), null),
                        List.of(Timestamp.valueOf("2024-01-01 00:00:05.5")), Arrays.asList(new BigDecimal("-1.25"), null),
                        List.of(new BigDecimal("-1234567890123456789012.345")), Arrays.asList(new byte[]{1, 2}, null),
                        Arrays.asList(RowFactory.create(1, sm), null, RowFactory.create(null, java.util.Map.of())),
                        Arrays.asList(List.of((short) 1, (short) 2), null, List.of()), m,
                        java.util.Map.of(7, java.util.Map.of("b", (byte) -1)),
                        java.time.LocalDateTime.parse("2024-01-01T12:34:56.123456")),
                RowFactory.create(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        java.util.Map.of(), java.util.Map.of(), null),
                RowFactory.create(null, null, null, null, null, null, null, null, null, null, null)), NESTED);
    }

    @Test
    void nestedArraysMapsAndTimestampNtzRoundTripInSparksLayout() throws Exception {
        Path out = tmp.resolve("nested");
        nested().write().parquet(out.toString());
        MessageType schema;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(parts(out).get(0)),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            schema = r.getFooter().getFileMetaData().getSchema();
        }
        assertEquals("optional group m (MAP) {\n  repeated group key_value {\n    required binary key (STRING);\n"
                + "    optional group value (LIST) {\n      repeated group list {\n        optional double element;\n"
                + "      }\n    }\n  }\n}", schema.getType("m").toString().strip());
        assertEquals("optional int64 ntz (TIMESTAMP(MICROS,false))", schema.getType("ntz").toString().strip());
        Dataset<Row> back = spark.read().parquet(out.toString());
        assertEquals(NESTED.simpleString(), back.schema().simpleString());
        assertEquals(rows(nested()), rows(back));
        // a struct inside an array read with fewer fields than the file holds
        assertEquals(List.of("[[1], null, [null]]|", "[]|", "null|"),
                rows(spark.read().schema("structs ARRAY<STRUCT<a: INT>>").parquet(out.toString())));
    }
}

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
            sb.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v)).append('|');
        }
        return sb.toString();
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

    @Test
    void arraysTheRowsCannotCarryAreRefusedNamingTheColumn() {
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(List.of(1.5f))),
                new StructType().add("fs", new ArrayType(DataTypes.FloatType, true)));
        Exception e = assertThrows(Exception.class, () -> df.write().parquet(tmp.resolve("floats").toString()));
        assertEquals("Tideway does not read or write Parquet columns of type array<float> yet (column `fs`): its rows "
                + "carry arrays of boolean, tinyint, smallint, int, bigint, double, string and timestamp only", e.getMessage());
    }
}

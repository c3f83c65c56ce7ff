package io.tideway.sql;

import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code df.write()} to real files; layouts, contents and errors are what Spark 4.0.4 wrote and
 * raised for the same DataFrame (Spark's local file system also writes hidden {@code .crc} files,
 * which Tideway does not).
 */
class DataFrameWriterTest {
    private static final Pattern PART = Pattern.compile("part-00000-[0-9a-f-]{36}-c000\\.(json|csv|txt)");
    private static final Pattern PARTITIONED_PART = Pattern.compile("part-00000-[0-9a-f-]{36}\\.c000\\.(json|csv|txt)");
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final Dataset<Row> df = spark.createDataFrame(List.of(
            RowFactory.create("ann", 30L, "1.5", true, java.sql.Date.valueOf("2024-01-02")),
            RowFactory.create("bob", null, "2", false, java.sql.Date.valueOf("2024-01-03")),
            RowFactory.create("cid", 4000000000L, "x", true, null)),
            new StructType().add("name", "string").add("age", "bigint").add("score", "string").add("flag", "boolean")
                    .add("d", "date"));
    @TempDir
    Path tmp;

    /** Visible files under {@code dir}, relative, sorted. */
    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static String content(Path dir, String suffix) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String f : files(dir)) {
            if (f.endsWith(suffix)) {
                sb.append(Files.readString(dir.resolve(f)));
            }
        }
        return sb.toString();
    }

    @Test
    void writesOnePartFileAndSuccessAsSpark() throws Exception {
        Path out = tmp.resolve("out");
        df.write().json(out.toString());
        List<String> files = files(out);
        assertEquals(2, files.size(), files.toString());
        assertEquals("_SUCCESS", files.get(0));
        assertTrue(PART.matcher(files.get(1)).matches(), files.get(1));
        assertEquals(0, Files.size(out.resolve("_SUCCESS")));
        assertEquals("{\"name\":\"ann\",\"age\":30,\"score\":\"1.5\",\"flag\":true,\"d\":\"2024-01-02\"}\n"
                + "{\"name\":\"bob\",\"score\":\"2\",\"flag\":false,\"d\":\"2024-01-03\"}\n"
                + "{\"name\":\"cid\",\"age\":4000000000,\"score\":\"x\",\"flag\":true}\n", content(out, ".json"));
        Path csv = tmp.resolve("csv");
        df.write().option("header", "true").csv(csv.toString());
        assertEquals("name,age,score,flag,d\nann,30,1.5,true,2024-01-02\nbob,,2,false,2024-01-03\ncid,4000000000,x,true,\n",
                content(csv, ".csv"));
    }

    @Test
    void numbersOfEveryWidthAreWrittenAsSparkPrintsThem() throws Exception {
        Dataset<Row> numbers = spark.createDataFrame(List.of(
                RowFactory.create(new java.math.BigDecimal("1.50"), (byte) -1, (short) 300, 1.1f),
                RowFactory.create(null, null, null, Float.NaN)),
                new StructType().add("m", "decimal(10,2)").add("b", "tinyint").add("s", "smallint").add("f", "float"));
        Path json = tmp.resolve("numbers-json");
        numbers.write().json(json.toString());
        assertEquals("{\"m\":1.50,\"b\":-1,\"s\":300,\"f\":1.1}\n{\"f\":\"NaN\"}\n", content(json, ".json"));
        Path csv = tmp.resolve("numbers-csv");
        numbers.write().csv(csv.toString());
        assertEquals("1.50,-1,300,1.1\n,,,NaN\n", content(csv, ".csv"));
    }

    @Test
    void writtenFilesReadBack() throws Exception {
        Path out = tmp.resolve("back");
        df.write().format("json").save(out.toString());
        assertEquals("[[30,2024-01-02,true,ann,1.5], [null,2024-01-03,false,bob,2], [4000000000,null,true,cid,x]]",
                spark.read().json(out.toString()).collectAsList().toString());
        df.select("name").write().text(tmp.resolve("text").toString());
        assertEquals(List.of("ann", "bob", "cid"), spark.read().textFile(tmp.resolve("text").toString()).collectAsList());
    }

    @Test
    void saveModes() throws Exception {
        Path out = tmp.resolve("modes");
        df.write().csv(out.toString());
        AnalysisException exists = assertThrows(AnalysisException.class, () -> df.write().csv(out.toString()));
        assertEquals("[PATH_ALREADY_EXISTS] Path file:" + out + " already exists. Set mode as \"overwrite\" to overwrite the"
                + " existing path. SQLSTATE: 42K04", exists.getMessage());
        assertThrows(AnalysisException.class, () -> df.write().mode("error").csv(out.toString()));
        assertThrows(AnalysisException.class, () -> df.write().mode(SaveMode.ErrorIfExists).csv(out.toString()));
        AnalysisException bad = assertThrows(AnalysisException.class, () -> df.write().mode("foo"));
        assertEquals("[INVALID_SAVE_MODE] The specified save mode \"foo\" is invalid. Valid save modes include \"append\","
                + " \"overwrite\", \"ignore\", \"error\", \"errorifexists\", and \"default\". SQLSTATE: 42000", bad.getMessage());
        df.write().mode("append").csv(out.toString());
        assertEquals(3, files(out).size());
        assertEquals(6, spark.read().csv(out.toString()).count());
        df.limit(1).write().mode(SaveMode.Overwrite).csv(out.toString());
        assertEquals(2, files(out).size());
        assertEquals(1, spark.read().csv(out.toString()).count());
        df.write().mode("ignore").json(out.toString());
        assertEquals(2, files(out).size());
        assertTrue(files(out).get(1).endsWith(".csv"));
    }

    @Test
    void partitionByWritesKeyValueDirectories() throws Exception {
        Path out = tmp.resolve("parts");
        df.write().partitionBy("flag").json(out.toString());
        List<String> files = files(out);
        assertEquals(3, files.size(), files.toString());
        assertEquals("_SUCCESS", files.get(0));
        assertTrue(files.get(1).startsWith("flag=false/") && PARTITIONED_PART.matcher(files.get(1).substring(11)).matches(), files.get(1));
        assertTrue(files.get(2).startsWith("flag=true/"), files.get(2));
        assertEquals("{\"name\":\"bob\",\"score\":\"2\",\"d\":\"2024-01-03\"}\n", Files.readString(out.resolve(files.get(1))));
        Dataset<Row> back = spark.read().json(out.toString());
        assertEquals("struct<age:bigint,d:string,name:string,score:string,flag:string>", back.schema().simpleString()); // Spark infers no boolean partitions
        assertEquals(3, back.count());

        Path nulls = tmp.resolve("nulls");
        df.select("name", "d").write().partitionBy("d").text(nulls.toString());
        List<String> dirs = new ArrayList<>();
        for (String f : files(nulls)) {
            dirs.add(f.contains("/") ? f.substring(0, f.indexOf('/')) : f);
        }
        assertEquals(List.of("_SUCCESS", "d=2024-01-02", "d=2024-01-03", "d=__HIVE_DEFAULT_PARTITION__"), dirs);
        assertEquals("[[cid,null]]", spark.read().text(nulls.toString()).where("d is null").collectAsList().toString());
    }

    @Test
    void errorsInSparksWords() {
        AnalysisException text = assertThrows(AnalysisException.class, () -> df.write().text(tmp.resolve("t2").toString()));
        assertEquals("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support the column `age` of the type"
                + " \"BIGINT\". SQLSTATE: 0A000", text.getMessage());
        AnalysisException all = assertThrows(AnalysisException.class,
                () -> df.select("name").write().partitionBy("name").json(tmp.resolve("pall").toString()));
        assertEquals("[ALL_PARTITION_COLUMNS_NOT_ALLOWED] Cannot use all columns for partition columns. SQLSTATE: KD005",
                all.getMessage());
        AnalysisException unknown = assertThrows(AnalysisException.class,
                () -> df.write().partitionBy("zzz").json(tmp.resolve("punk").toString()));
        assertEquals("Partition column `zzz` not found in schema struct<name:string,age:bigint,score:string,flag:boolean,"
                + "d:date>.", unknown.getMessage());
        Exception noPath = assertThrows(IllegalArgumentException.class, () -> df.write().format("json").save());
        assertEquals("Expected exactly one path to be specified, but got: .", noPath.getMessage());
        assertFalse(Files.exists(tmp.resolve("t2")));
        AnalysisException stream = assertThrows(AnalysisException.class, () -> spark.readStream().format("rate").load().write());
        assertEquals("[CALL_ON_STREAMING_DATASET_UNSUPPORTED] The method `write` can not be called on streaming"
                + " Dataset/DataFrame. SQLSTATE: 42KDE", stream.getMessage());
    }

    @Test
    void anEmptyDataFrameWritesAnEmptyPartFile() throws Exception {
        Path out = tmp.resolve("empty");
        df.limit(0).write().json(out.toString());
        List<String> files = files(out);
        assertEquals(2, files.size());
        assertEquals(0, Files.size(out.resolve(files.get(1))));
    }
}

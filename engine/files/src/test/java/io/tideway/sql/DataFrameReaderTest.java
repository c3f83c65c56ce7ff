package io.tideway.sql;

import io.tideway.SparkException;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code spark.read()} over real files; expected schemas, rows and errors are what Spark 4.0.4
 * printed for the same files and calls.
 */
class DataFrameReaderTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    @TempDir
    Path tmp;

    private static String rows(Dataset<?> d) {
        return d.collectAsList().toString();
    }

    private Path write(String relative, String text) throws Exception {
        Path f = tmp.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private Path csvDir() throws Exception {
        write("csv/a.csv", "name,age,score,when,flag,d\nann,30,1.5,2024-01-02 03:04:05,true,2024-01-02\n"
                + "bob,,2,2024-01-02T03:04:05Z,false,2024-01-03\ncid,4000000000,x,,TRUE,\n");
        return tmp.resolve("csv");
    }

    @Test
    void aSchemaOfNumbersOfEveryWidthReadsCsvAndJson() throws Exception {
        write("n/a.csv", "1.255,-1,300,1.1\n123456789.9,7,2,NaN\n");
        String ddl = "m DECIMAL(10,2), b TINYINT, s SMALLINT, f FLOAT";
        Dataset<Row> csv = spark.read().schema(ddl).csv(tmp.resolve("n").toString());
        assertEquals("[[1.26,-1,300,1.1], [null,7,2,NaN]]", rows(csv), "decimal(10,2) cannot hold 123456789.9: that field alone is null");
        write("j/a.json", "{\"m\": 1.255, \"b\": -1, \"s\": 300, \"f\": 1.1}\n{\"m\": 2, \"b\": 300}\n");
        Dataset<Row> json = spark.read().schema(ddl).json(tmp.resolve("j").toString());
        assertEquals("[[1.26,-1,300,1.1], [2.00,null,null,null]]", rows(json), "a tinyint cannot hold 300: the fields read before it stay");
    }

    @Test
    void csvWithoutHeaderOrInferenceReadsStringsNamedByPosition() throws Exception {
        Dataset<Row> d = spark.read().csv(csvDir().toString());
        assertEquals("struct<_c0:string,_c1:string,_c2:string,_c3:string,_c4:string,_c5:string>", d.schema().simpleString());
        assertEquals(4, d.count());
        assertEquals("[name,age,score,when,flag,d]", d.first().toString());
    }

    @Test
    void csvHeaderNamesColumnsAndInferSchemaTypesThem() throws Exception {
        String dir = csvDir().toString();
        Dataset<Row> strings = spark.read().option("header", "true").csv(dir);
        assertEquals("struct<name:string,age:string,score:string,when:string,flag:string,d:string>",
                strings.schema().simpleString());
        assertEquals("[bob,null,2,2024-01-02T03:04:05Z,false,2024-01-03]", strings.collectAsList().get(1).toString());
        Dataset<Row> typed = spark.read().option("header", true).option("inferSchema", true).csv(dir);
        assertEquals("struct<name:string,age:bigint,score:string,when:timestamp,flag:boolean,d:date>",
                typed.schema().simpleString());
        assertEquals("[[ann,30,1.5,true,2024-01-02], [bob,null,2,false,2024-01-03], [cid,4000000000,x,true,null]]",
                rows(typed.drop("when")));
        // without a header the header line is data, so every column is a string
        assertEquals("struct<_c0:string,_c1:string,_c2:string,_c3:string,_c4:string,_c5:string>",
                spark.read().option("inferSchema", true).csv(dir).schema().simpleString());
    }

    @Test
    void csvHeaderNamesAreMadeSafeAndTypesWiden() throws Exception {
        write("safe/a.csv", "a,A,,b\n1,2,3,x\n1.5,2,4,2024-01-01\n");
        write("safe/b.csv", "a,A,,b\n3000000000,2,5,true\n");
        Dataset<Row> d = spark.read().option("header", true).option("inferSchema", true).csv(tmp.resolve("safe").toString());
        assertEquals("struct<a0:double,A1:int,_c2:int,b:string>", d.schema().simpleString());
        assertEquals(3, d.count());
    }

    @Test
    void jsonInfersASortedSchemaWithTheCorruptRecordColumn() throws Exception {
        write("json/a.json", "{\"b\":1,\"a\":\"x\",\"c\":1.5,\"arr\":[1,2],\"s\":{\"z\":1,\"y\":true}}\n"
                + "{\"b\":2.5,\"n\":null,\"a\":3}\nnot json\n\n{\"b\":99999999999}\n");
        String dir = tmp.resolve("json").toString();
        Dataset<Row> d = spark.read().json(dir);
        assertEquals("struct<_corrupt_record:string,a:string,arr:array<bigint>,b:double,c:double,n:string,"
                + "s:struct<y:boolean,z:bigint>>", d.schema().simpleString());
        assertEquals("[[null,x,[1, 2],1.0,1.5,null,[true,1]], [null,3,null,2.5,null,null,null], "
                + "[not json,null,null,null,null,null,null], [null,null,null,9.9999999999E10,null,null,null]]", rows(d));
        Dataset<Row> dropped = spark.read().option("mode", "DROPMALFORMED").json(dir);
        assertEquals("struct<a:string,arr:array<bigint>,b:double,c:double,n:string,s:struct<y:boolean,z:bigint>>",
                dropped.schema().simpleString());
        assertEquals(3, dropped.count());
        assertEquals("struct<a:string,arr:array<bigint>,b:double,bad:string,c:double,n:string,s:struct<y:boolean,z:bigint>>",
                spark.read().option("columnNameOfCorruptRecord", "bad").json(dir).schema().simpleString());
        SparkException e = assertThrows(SparkException.class, () -> spark.read().option("mode", "FAILFAST").json(dir));
        assertEquals("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: "
                + "_corrupt_record.\nParse Mode: FAILFAST. To process malformed records as null result, try setting the "
                + "option 'mode' as 'PERMISSIVE'.  SQLSTATE: 22023", e.getMessage());
        assertEquals("[[x,1], [3,null], [null,null], [null,null]]", rows(spark.read().schema("a STRING, b INT").json(dir)));
    }

    @Test
    void textAndTextFileReadLines() throws Exception {
        write("t/a.txt", "one\ntwo\n\nfour\n");
        Dataset<Row> text = spark.read().text(tmp.resolve("t").toString());
        assertEquals("struct<value:string>", text.schema().simpleString());
        assertEquals("[[one], [two], [], [four]]", rows(text));
        Dataset<String> lines = spark.read().textFile(tmp.resolve("t/a.txt").toString());
        assertEquals(List.of("one", "two", "", "four"), lines.collectAsList());
        assertThrows(AnalysisException.class, () -> spark.read().schema("v STRING").textFile(tmp.toString()),
                "User specified schema not supported with `textFile`.");
    }

    @Test
    void formatLoadOptionsAndSeveralPaths() throws Exception {
        write("x/1.csv", "a;b\n1;2\n");
        write("y/2.csv", "a;b\n3;4\n");
        Dataset<Row> d = spark.read().format("csv").options(Map.of("header", "true", "sep", ";"))
                .option("inferSchema", true).load(tmp.resolve("x").toString(), tmp.resolve("y").toString());
        assertEquals("[[1,2], [3,4]]", rows(d.orderBy("a")));
        Dataset<Row> byOption = spark.read().format("csv").option("path", tmp.resolve("x").toString())
                .schema(new StructType().add("a", "int").add("b", "int")).option("header", true).option("sep", ";").load();
        assertEquals("[[1,2]]", rows(byOption));
    }

    @Test
    void parseModesApplyToBatchReads() throws Exception {
        write("m/a.csv", "1,x\noops,y\n3,z\n");
        String dir = tmp.resolve("m").toString();
        assertEquals("[[1,x,null], [null,y,oops,y], [3,z,null]]", rows(spark.read()
                .schema("n INT, s STRING, _corrupt_record STRING").csv(dir)));
        assertEquals("[[1,x], [3,z]]", rows(spark.read().schema("n INT, s STRING").option("mode", "DROPMALFORMED").csv(dir)));
        Dataset<Row> failFast = spark.read().schema("n INT, s STRING").option("mode", "FAILFAST").csv(dir);
        SparkException e = assertThrows(SparkException.class, failFast::collectAsList);
        assertTrue(e.getMessage().startsWith("[FAILED_READ_FILE.NO_HINT] Encountered error while reading file file:"),
                e.getMessage());
    }

    @Test
    void partitionDirectoriesAndGlobs() throws Exception {
        write("p/k=1/d=x/f.json", "{\"v\":1}\n");
        write("p/k=2/d=y/f.json", "{\"v\":2}\n");
        Dataset<Row> d = spark.read().json(tmp.resolve("p").toString());
        assertEquals("struct<v:bigint,k:int,d:string>", d.schema().simpleString());
        assertEquals("[[1,1,x], [2,2,y]]", rows(d.orderBy("v")));
        Dataset<Row> glob = spark.read().json(tmp.resolve("p") + "/k=*/*");
        assertEquals("struct<v:bigint>", glob.schema().simpleString());
        assertEquals("[[1], [2]]", rows(glob.orderBy("v")));
    }

    @Test
    void theListingIsFixedAtLoad() throws Exception {
        write("grow/1.txt", "a\n");
        Dataset<Row> d = spark.read().text(tmp.resolve("grow").toString());
        assertEquals(1, d.count());
        write("grow/2.txt", "b\n");
        assertEquals(1, d.count());
        assertEquals(2, spark.read().text(tmp.resolve("grow").toString()).count());
    }

    @Test
    void errorsInSparksWords() throws Exception {
        Path missing = tmp.resolve("nope");
        AnalysisException notFound = assertThrows(AnalysisException.class, () -> spark.read().json(missing.toString()));
        assertEquals("[PATH_NOT_FOUND] Path does not exist: file:" + missing + ". SQLSTATE: 42K03", notFound.getMessage());
        AnalysisException noMatch = assertThrows(AnalysisException.class, () -> spark.read().json(tmp + "/zz*/*"));
        assertEquals("[PATH_NOT_FOUND] Path does not exist: file:" + tmp + "/zz*/*. SQLSTATE: 42K03", noMatch.getMessage());
        Files.createDirectories(tmp.resolve("empty"));
        AnalysisException json = assertThrows(AnalysisException.class, () -> spark.read().json(tmp.resolve("empty").toString()));
        assertEquals("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for JSON. It must be specified manually. SQLSTATE: 42KD9",
                json.getMessage());
        AnalysisException csv = assertThrows(AnalysisException.class, () -> spark.read().csv(tmp.resolve("empty").toString()));
        assertEquals("[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for CSV. It must be specified manually. SQLSTATE: 42KD9",
                csv.getMessage());
        assertEquals(0, spark.read().text(tmp.resolve("empty").toString()).count());
        AnalysisException noPath = assertThrows(AnalysisException.class, () -> spark.read().format("json").load());
        assertTrue(noPath.getMessage().startsWith("[UNABLE_TO_INFER_SCHEMA]"));
        AnalysisException rate = assertThrows(AnalysisException.class, () -> spark.read().format("rate").load());
        assertEquals("rate is not a valid Spark SQL Data Source.", rate.getMessage());
        Exception unknown = assertThrows(Exception.class, () -> spark.read().format("nope").load("x"));
        assertTrue(unknown.getMessage().startsWith("[DATA_SOURCE_NOT_FOUND] Failed to find the data source: nope."));
    }

    @Test
    void tableReadsATempView() {
        spark.createDataFrame(List.of(RowFactory.create(1)), new StructType().add("i", "int")).createOrReplaceTempView("readerView");
        assertEquals("[[1]]", rows(spark.read().table("readerView")));
    }
}

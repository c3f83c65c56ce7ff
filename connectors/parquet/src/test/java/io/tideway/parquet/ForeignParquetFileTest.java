package io.tideway.parquet;

import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Parquet file written by another writer (parquet-java's example model: no Spark schema in the
 * footer) reads with the types Spark's {@code ParquetToSparkSchemaConverter} gives its columns.
 */
class ForeignParquetFileTest {
    private static final TidewaySession spark = TidewaySession.builder().master("local[2]")
            .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    @TempDir
    Path tmp;

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void parquetTypesMapAsSparkMapsThem() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message m {"
                + " required int32 i; optional binary raw; optional binary e (ENUM);"
                + " optional int64 ms (TIMESTAMP(MILLIS,true)); optional int64 plain;"
                + " optional int32 tiny (INTEGER(8,true)); optional int32 day (DATE);"
                + " repeated int32 legacy;"
                + " optional group lst (LIST) { repeated int32 item; }"
                + " optional fixed_len_byte_array(5) dec (DECIMAL(10,2)); optional binary bdec (DECIMAL(8,3));"
                + " optional group g { optional double x; optional binary s (STRING); } }");
        Path dir = Files.createDirectories(tmp.resolve("in"));
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(dir.resolve("f.parquet")))
                .withConf(new PlainParquetConfiguration()).withType(schema).withCodecFactory(ParquetCodecs.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            SimpleGroupFactory f = new SimpleGroupFactory(schema);
            Group full = f.newGroup().append("i", 1).append("raw", Binary.fromConstantByteArray(new byte[]{9}))
                    .append("e", "RED").append("ms", 1_704_067_205_500L).append("plain", 7L).append("tiny", -3)
                    .append("day", 19_723).append("legacy", 1).append("legacy", 2)
                    .append("dec", Binary.fromConstantByteArray(new byte[]{0, 0, 0, 0x30, 0x39}))
                    .append("bdec", Binary.fromConstantByteArray(new byte[]{(byte) 0xff, (byte) 0x85}));
            full.addGroup("lst").append("item", 5).append("item", 6); // the two-level LIST form
            full.addGroup("g").append("x", 2.5).append("s", "y");
            w.write(full);
            w.write(f.newGroup().append("i", 2));
        }
        var df = spark.read().parquet(dir.toString());
        assertEquals("struct<i:int,raw:binary,e:string,ms:timestamp,plain:bigint,tiny:tinyint,day:date,legacy:array<int>,"
                + "lst:array<int>,dec:decimal(10,2),bdec:decimal(8,3),g:struct<x:double,s:string>>", df.schema().simpleString());
        List<String> rows = df.collectAsList().stream().map(Row::toString).sorted().toList();
        assertEquals(List.of(
                "[1,[9],RED,2024-01-01 00:00:05.5,7,-3,2024-01-01,[1, 2],[5, 6],123.45,-0.123,[2.5,y]]",
                "[2,null,null,null,null,null,null,[],null,null,null,null]"), rows);
    }

    /**
     * The list and map forms of older writers, read by Spark's rules: a repeated group named
     * {@code array} or {@code <list>_tuple}, or of several fields, is the element itself; a
     * repeated group of one other field wraps the element; a MAP_KEY_VALUE group is a map; a
     * timestamp not adjusted to UTC is a timestamp_ntz.
     */
    @Test
    void legacyListsMapsAndLocalTimestampsReadAsSparkReadsThem() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message m { required int32 id;"
                + " optional group two (LIST) { repeated group array { optional int32 a; } }"
                + " optional group tuple (LIST) { repeated group tuple_tuple { optional binary s (STRING); } }"
                + " optional group three (LIST) { repeated group bag { optional int32 array; } }"
                + " optional group multi (LIST) { repeated group pair { required int32 x; optional int32 y; } }"
                + " optional group kv (MAP) { repeated group map (MAP_KEY_VALUE) { required binary key (STRING); optional int32 value; } }"
                + " optional int64 local (TIMESTAMP(MICROS,false)); }");
        Path dir = Files.createDirectories(tmp.resolve("legacy"));
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(dir.resolve("f.parquet")))
                .withConf(new PlainParquetConfiguration()).withType(schema).withCodecFactory(ParquetCodecs.INSTANCE).build()) {
            SimpleGroupFactory f = new SimpleGroupFactory(schema);
            Group full = f.newGroup().append("id", 1).append("local", 1_704_067_205_500_000L);
            Group two = full.addGroup("two");
            two.addGroup("array").append("a", 1);
            two.addGroup("array");
            full.addGroup("tuple").addGroup("tuple_tuple").append("s", "x");
            Group three = full.addGroup("three");
            three.addGroup("bag").append("array", 5);
            three.addGroup("bag");
            full.addGroup("multi").addGroup("pair").append("x", 1).append("y", 2);
            Group kv = full.addGroup("kv");
            kv.addGroup("map").append("key", "k").append("value", 3);
            kv.addGroup("map").append("key", "n");
            w.write(full);
            w.write(f.newGroup().append("id", 2));
        }
        var df = spark.read().parquet(dir.toString());
        assertEquals("struct<id:int,two:array<struct<a:int>>,tuple:array<struct<s:string>>,three:array<int>,"
                + "multi:array<struct<x:int,y:int>>,kv:map<string,int>,local:timestamp_ntz>", df.schema().simpleString());
        List<String> rows = df.collectAsList().stream().map(Row::toString).sorted().toList();
        assertEquals(List.of("[1,[[1], [null]],[[x]],[5, null],[[1,2]],{k=3, n=null},2024-01-01T00:00:05.500]",
                "[2,null,null,null,null,null,null]"), rows);
        // one field of a two-level list's element group: the group still reads as the element
        assertEquals(List.of("[1,[[2]]]", "[2,null]"), spark.read()
                .schema("id INT, multi ARRAY<STRUCT<y: INT>>").parquet(dir.toString())
                .collectAsList().stream().map(Row::toString).sorted().toList());
    }
}

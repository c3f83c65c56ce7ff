package io.tideway.engine.sink.file;

import io.tideway.engine.row.GenericRow;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.StreamSink;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.agrona.ExpandableDirectByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileStreamSinkTest {
    private static final StructType SCHEMA = new StructType().add("id", DataTypes.LongType)
            .add("name", DataTypes.StringType).add("ts", DataTypes.TimestampType).add("score", DataTypes.DoubleType);

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    private StreamSink sink(SinkProvider provider, StructType schema, Map<String, String> options) {
        Map<String, String> o = new HashMap<>(options);
        o.putIfAbsent("path", out().toString());
        return provider.create(new SinkContext(new Options(o), schema, OutputMode.Append(), null, tmp.resolve("chk"), null, false));
    }

    private StreamSink json() {
        return sink(new JsonSinkProvider(), SCHEMA, Map.of("timeZone", "UTC"));
    }

    private static Row row(Object... values) {
        return new GenericRow(values, SCHEMA);
    }

    /** Writes rows through one writer per partition; returns the writers' commit messages. */
    private static List<CommitMessage> write(StreamSink sink, StructType schema, long batchId, List<List<Row>> partitions) {
        RowConverter converter = new RowConverter(schema);
        ExpandableDirectByteBuffer buf = new ExpandableDirectByteBuffer(256);
        RowWriter rw = new RowWriter(schema.length());
        List<CommitMessage> messages = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            PartitionWriter w = sink.createWriter(p, batchId);
            for (Row r : partitions.get(p)) {
                converter.write(r, rw.wrap(buf, 0));
                w.accept(buf, 0, rw.finish());
            }
            messages.add(w.commit());
        }
        return messages;
    }

    private static List<List<Row>> batch(long batchId) {
        return List.of(List.of(row(batchId * 10 + 1, "a" + batchId, null, 1.5)), List.of(row(batchId * 10 + 2, null, null, null)));
    }

    private long dataFilesInDirectory() throws IOException {
        try (Stream<Path> s = Files.list(out())) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).count();
        }
    }

    @Test
    void writesPartFilesAndLogsThemPerBatch() throws IOException {
        StreamSink sink = json();
        sink.commit(0, write(sink, SCHEMA, 0, batch(0)));
        sink.commit(1, write(sink, SCHEMA, 1, batch(1)));
        List<Path> files = FileSinkReader.readCommittedFiles(out());
        assertEquals(4, files.size());
        for (Path f : files) {
            assertTrue(f.getFileName().toString().matches("part-0000[01]-[0-9a-f-]{36}-c000\\.json"), f.toString());
        }
        assertEquals(List.of("{\"id\":1,\"name\":\"a0\",\"score\":1.5}", "{\"id\":2}",
                "{\"id\":11,\"name\":\"a1\",\"score\":1.5}", "{\"id\":12}"), FileSinkReader.readCommittedLines(out()));
        List<String> log1 = Files.readAllLines(out().resolve("_spark_metadata/1"));
        assertEquals("v1", log1.get(0));
        assertTrue(log1.get(1).matches("\\{\"path\":\"file:///.*part-00000-.*-c000\\.json\",\"size\":\\d+,\"isDir\":false,"
                + "\"modificationTime\":\\d+,\"blockReplication\":1,\"blockSize\":33554432,\"action\":\"add\"}"), log1.get(1));
        try (Stream<Path> s = Files.list(out())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void rerunOfACommittedBatchIsSkippedAndItsFilesDeleted() throws IOException {
        StreamSink sink = json();
        sink.commit(0, write(sink, SCHEMA, 0, batch(0)));
        sink.commit(1, write(sink, SCHEMA, 1, batch(1)));
        List<String> before = FileSinkReader.readCommittedLines(out());

        StreamSink restarted = json(); // crash after the sink commit, before commits/1: batch 1 re-runs
        restarted.commit(1, write(restarted, SCHEMA, 1, batch(1)));
        assertEquals(before, FileSinkReader.readCommittedLines(out()));
        assertEquals(4, dataFilesInDirectory(), "the re-run's files were deleted");
        assertEquals(1L, ((FileStreamSink) restarted).latestCommittedBatchId().getAsLong());
    }

    @Test
    void rerunAfterACrashBeforeTheSinkCommitWritesTheBatchOnce() throws IOException {
        StreamSink sink = json();
        sink.commit(0, write(sink, SCHEMA, 0, batch(0)));
        write(sink, SCHEMA, 1, batch(1)); // files renamed into place, then the process dies

        StreamSink restarted = json();
        restarted.commit(1, write(restarted, SCHEMA, 1, batch(1)));
        List<String> lines = FileSinkReader.readCommittedLines(out());
        assertEquals(4, lines.size());
        assertEquals(Set.copyOf(lines).size(), lines.size(), "no duplicate rows: " + lines);
        assertEquals(6, dataFilesInDirectory(), "the crashed attempt's files stay, unlisted, as in Spark");
    }

    @Test
    void abortDeletesWrittenFilesAndEmptyPartitionsWriteNothing() throws IOException {
        StreamSink sink = json();
        List<CommitMessage> messages = write(sink, SCHEMA, 0, List.of(List.of(row(1L, "x", null, null)), List.of()));
        // partition 1 had no rows: no file (only partition 0 writes an empty one)
        assertEquals(List.of(), ((WrittenFiles) messages.get(1)).files());
        sink.abort(0, messages);
        assertEquals(0, dataFilesInDirectory());
        assertEquals(List.of(), FileSinkReader.readCommittedFiles(out()));
    }

    @Test
    void jsonFormatsTimestampsInTheSessionZoneWithMillis() {
        StreamSink sink = json();
        Timestamp ts = Timestamp.from(Instant.parse("2024-03-01T12:34:56.789Z"));
        sink.commit(0, write(sink, SCHEMA, 0, List.of(List.of(row(1L, "q\"uote", ts, Double.NaN)))));
        assertEquals(List.of("{\"id\":1,\"name\":\"q\\\"uote\",\"ts\":\"2024-03-01T12:34:56.789Z\",\"score\":\"NaN\"}"),
                FileSinkReader.readCommittedLines(out()));
    }

    @Test
    void csvQuotesOnlyWhenNeededAndWritesHeaderOnRequest() {
        StreamSink sink = sink(new CsvSinkProvider(), SCHEMA, Map.of("header", "true", "timeZone", "UTC"));
        Timestamp ts = Timestamp.from(Instant.parse("2024-03-01T00:00:00Z"));
        sink.commit(0, write(sink, SCHEMA, 0, List.of(List.of(row(1L, "plain", ts, 2.0), row(2L, "a,b", null, null),
                row(3L, "say \"hi\"", null, null), row(4L, "", null, null), row(5L, null, null, null)))));
        assertEquals(List.of("id,name,ts,score", "1,plain,2024-03-01T00:00:00.000Z,2.0", "2,\"a,b\",,",
                "3,\"say \\\"hi\\\"\",,", "4,\"\",,", "5,,,"), FileSinkReader.readCommittedLines(out()));
    }

    @Test
    void csvTrimsStringsByDefaultAsSparkWrites() {
        StreamSink sink = sink(new CsvSinkProvider(), SCHEMA, Map.of());
        sink.commit(0, write(sink, SCHEMA, 0, List.of(List.of(row(1L, " padded\t", null, null)))));
        assertEquals(List.of("1,padded,,"), FileSinkReader.readCommittedLines(out()));
        StreamSink kept = sink(new CsvSinkProvider(), SCHEMA, Map.of("ignoreLeadingWhiteSpace", "false",
                "ignoreTrailingWhiteSpace", "false"));
        kept.commit(1, write(kept, SCHEMA, 1, List.of(List.of(row(2L, " padded ", null, null)))));
        assertEquals(List.of("1,padded,,", "2,\" padded \",,"), FileSinkReader.readCommittedLines(out()));
    }

    @Test
    void aBatchWithoutRowsWritesOneEmptyFileFromPartitionZero() throws IOException {
        StreamSink sink = json();
        sink.commit(0, write(sink, SCHEMA, 0, List.of(List.of(), List.of())));
        assertEquals(1, dataFilesInDirectory());
        assertEquals(1, FileSinkReader.readCommittedFiles(out()).size());
        assertEquals(List.of(), FileSinkReader.readCommittedLines(out()));
    }

    @Test
    void textSinkRequiresExactlyOneStringColumn() {
        StreamSink refused = sink(new TextSinkProvider(), SCHEMA, Map.of()); // Spark checks when a batch writes
        Exception e = assertThrows(Exception.class, () -> refused.createWriter(0, 0));
        assertEquals("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support the column `id` of"
                + " the type \"BIGINT\". SQLSTATE: 0A000", e.getMessage());
        StructType two = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);
        StreamSink twoColumns = sink(new TextSinkProvider(), two, Map.of());
        assertEquals("Text data source supports only a single column, and you have 2 columns.",
                assertThrows(Exception.class, () -> twoColumns.createWriter(0, 0)).getMessage());
        StructType one = new StructType().add("value", DataTypes.StringType);
        StreamSink sink = sink(new TextSinkProvider(), one, Map.of());
        sink.commit(0, write(sink, one, 0, List.of(List.of(new GenericRow(new Object[]{"l1"}, one),
                new GenericRow(new Object[]{null}, one)))));
        assertEquals(List.of("l1", ""), FileSinkReader.readCommittedLines(out()));
        assertTrue(FileSinkReader.readCommittedFiles(out()).get(0).toString().endsWith("-c000.txt"));
    }

    @Test
    void pathIsRequiredAndOnlyAppendIsSupported() {
        JsonSinkProvider p = new JsonSinkProvider();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.create(
                new SinkContext(Options.empty(), SCHEMA, OutputMode.Append(), null, tmp, null, false)));
        assertEquals("'path' is not specified.", e.getMessage());
        assertEquals(Set.of(OutputMode.Append()), p.supportedModes());
        assertEquals("FileSink[file:" + out().toAbsolutePath() + "]", json().description());
    }

    @Test
    void badFormatOptionsNameTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> sink(new CsvSinkProvider(), SCHEMA, Map.of("sep", "ab"))).getMessage().contains("'sep'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> sink(new JsonSinkProvider(), SCHEMA, Map.of("timeZone", "Mars/Base"))).getMessage().contains("'timeZone'"));
    }

    @Test
    void providersAreFoundByShortName() {
        Map<String, Class<?>> found = new HashMap<>();
        for (SinkProvider p : ServiceLoader.load(SinkProvider.class)) {
            found.put(p.shortName(), p.getClass());
        }
        assertEquals(JsonSinkProvider.class, found.get("json"));
        assertEquals(CsvSinkProvider.class, found.get("csv"));
        assertEquals(TextSinkProvider.class, found.get("text"));
    }
}

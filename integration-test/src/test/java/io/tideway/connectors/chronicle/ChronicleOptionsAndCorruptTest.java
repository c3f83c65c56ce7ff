package io.tideway.connectors.chronicle;

import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ChronicleOptionsAndCorruptTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private static final StructType SCHEMA = new StructType().add("n", DataTypes.LongType).add("s", DataTypes.StringType)
            .add("_corrupt_record", DataTypes.StringType);

    @AfterEach
    void stop() {
        spark.stop();
    }

    private static void writeMixed(ChronicleQueue q) {
        try (ExcerptAppender a = q.createAppender()) {
            try (DocumentContext dc = a.writingDocument()) {
                dc.wire().write("n").int64(1).write("s").text("héllo");
            }
            try (DocumentContext dc = a.writingDocument()) {
                dc.wire().bytes().write(new byte[]{(byte) 0xFF, (byte) 0xEE, 1, 2});
            }
            try (DocumentContext dc = a.writingDocument()) {
                dc.wire().write("n").text("not a number");
            }
            try (DocumentContext dc = a.writingDocument()) {
                dc.wire().write("s").text("only s").write("ignored").int32(3);
            }
        }
    }

    private List<Row> run(Path dir, String mode, String table) throws Exception {
        StreamingQuery q = spark.readStream().format("chronicle").option("path", dir.resolve("q").toString())
                .option("format", "wire").option("mode", mode).schema(SCHEMA).load()
                .writeStream().format("memory").queryName(table).start();
        try {
            q.processAllAvailable();
        } finally {
            q.stop();
        }
        return spark.table(table).collectAsList();
    }

    @Test
    void corruptExcerptsFollowTheMode(@TempDir Path dir) throws Exception {
        try (ChronicleQueue q = TestQueues.open(dir.resolve("q"))) {
            writeMixed(q);
            List<Row> permissive = run(dir, "PERMISSIVE", "permissive");
            assertEquals(4, permissive.size());
            assertEquals(1L, permissive.get(0).getLong(0));
            assertEquals("héllo", permissive.get(0).getString(1));
            assertTrue(permissive.get(0).isNullAt(2));
            assertTrue(permissive.get(1).isNullAt(0) && !permissive.get(1).isNullAt(2), "garbage: nulls + _corrupt_record");
            assertTrue(permissive.get(2).isNullAt(0) && !permissive.get(2).isNullAt(2), "wrong type: nulls + _corrupt_record");
            assertTrue(permissive.get(3).isNullAt(0) && permissive.get(3).getString(1).equals("only s"), "a missing field is null");

            List<Row> dropped = run(dir, "DROPMALFORMED", "dropped");
            assertEquals(2, dropped.size());

            StreamingQuery failing = spark.readStream().format("chronicle").option("path", dir.resolve("q").toString())
                    .option("format", "wire").option("mode", "FAILFAST").schema(SCHEMA).load()
                    .writeStream().format("memory").queryName("failing").start();
            Exception e = assertThrows(Exception.class, failing::processAllAvailable);
            String message = failing.exception().isDefined() ? failing.exception().get().toString() : e.toString();
            assertTrue(message.contains("FAILFAST") && message.contains(dir.resolve("q").toString())
                    && message.contains("index " + (q.firstIndex() + 1)), message);
        }
    }

    @Test
    void corruptExcerptsAreCounted(@TempDir Path dir) {
        try (ChronicleQueue q = TestQueues.open(dir.resolve("q"))) {
            writeMixed(q);
            var options = new io.tideway.engine.spi.Options(Map.of("path", dir.resolve("q").toString(), "format", "wire",
                    "mode", "DROPMALFORMED"));
            ChronicleSource source = ChronicleSource.open(new io.tideway.engine.spi.SourceContext(options, SCHEMA, dir, Map.of()));
            try (ExcerptReader reader = source.newReader(ChronicleOffset.EARLIEST)) {
                int rows = 0;
                int r;
                while ((r = reader.next((b, o, l) -> { }, Long.MAX_VALUE)) != ExcerptReader.NONE) {
                    rows += r;
                }
                assertEquals(2, rows);
                assertEquals(Map.of("excerptsRead", "4", "corruptExcerpts", "2", "droppedExcerpts", "2"), source.metrics());
            } finally {
                source.close();
            }
        }
    }

    /** The metrics of the last progress report with input rows. */
    private static Map<String, String> lastMetrics(StreamingQuery q) {
        io.tideway.sql.streaming.StreamingQueryProgress[] all = q.recentProgress();
        for (int i = all.length - 1; i >= 0; i--) {
            if (all[i].numInputRows() > 0) {
                return all[i].sources()[0].metrics();
            }
        }
        return Map.of();
    }

    private Map<String, String> microBatchMetrics(Path dir, String mode, String table) throws Exception {
        StreamingQuery q = spark.readStream().format("chronicle").option("path", dir.resolve("q").toString())
                .option("format", "wire").option("mode", mode).schema(SCHEMA).load()
                .writeStream().format("memory").queryName(table).start();
        try {
            q.processAllAvailable();
            return lastMetrics(q);
        } finally {
            q.stop();
        }
    }

    /** The requirement: a corrupt excerpt follows the mode and is counted in the query's progress. */
    @Test
    void corruptExcerptsAreCountedInProgress(@TempDir Path dir) throws Exception {
        try (ChronicleQueue q = TestQueues.open(dir.resolve("q"))) {
            writeMixed(q);
            assertEquals(Map.of("excerptsRead", "4", "corruptExcerpts", "2", "droppedExcerpts", "0"),
                    microBatchMetrics(dir, "PERMISSIVE", "mp"));
            assertEquals(Map.of("excerptsRead", "4", "corruptExcerpts", "2", "droppedExcerpts", "2"),
                    microBatchMetrics(dir, "DROPMALFORMED", "md"));

            StreamingQuery continuous = spark.readStream().format("chronicle").option("path", dir.resolve("q").toString())
                    .option("format", "wire").option("mode", "DROPMALFORMED").schema(SCHEMA).load()
                    .writeStream().format("memory").queryName("cd").option("checkpointLocation", dir.resolve("chk").toString())
                    .trigger(io.tideway.sql.streaming.Trigger.Continuous(100)).start();
            try {
                TestQueues.await(() -> {
                    var p = continuous.lastProgress();
                    return continuous.exception().isDefined()
                            || p != null && "2".equals(p.sources()[0].metrics().get("droppedExcerpts"));
                }, "an epoch's progress after the corrupt excerpts", 20_000_000L);
                Map<String, String> m = continuous.lastProgress().sources()[0].metrics();
                assertEquals("4", m.get("excerptsRead"), m::toString);
                assertEquals("2", m.get("corruptExcerpts"), m::toString);
            } finally {
                continuous.stop();
            }
            assertTrue(continuous.exception().isEmpty(), () -> String.valueOf(continuous.exception()));
        }
    }

    private void assertBadOption(String expectedInMessage, StructType schema, String... options) {
        var reader = spark.readStream().format("chronicle");
        if (schema != null) {
            reader = reader.schema(schema);
        }
        for (int i = 0; i < options.length; i += 2) {
            reader = reader.option(options[i], options[i + 1]);
        }
        var r = reader;
        Exception e = assertThrows(Exception.class, () -> r.load().writeStream().format("memory").queryName("bad").start().stop());
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @Test
    void badOptionsNameTheOption(@TempDir Path dir) throws Exception {
        try (ChronicleQueue q = TestQueues.open(dir.resolve("q"))) {
            TestQueues.appendLongs(q, 0, 1);
        }
        String p = dir.resolve("q").toString();
        assertBadOption("'path'", null);
        assertBadOption("'path'", null, "path", p, "queue", "x");
        assertBadOption("option 'path'", null, "path", dir.resolve("nope").toString());
        assertBadOption("option 'queue'", null, "queue", "unregistered");
        assertBadOption("option 'format'", null, "path", p, "format", "avro");
        assertBadOption("option 'startingPosition'", null, "path", p, "startingPosition", "middle");
        assertBadOption("option 'maxRecordsPerTrigger' must be positive", null, "path", p, "maxRecordsPerTrigger", "0");
        assertBadOption("option 'rollCycle'", null, "path", p, "rollCycle", "FORTNIGHTLY");
        assertBadOption("option 'format' = 'wire'", null, "path", p, "format", "wire");
        assertBadOption("option 'format' = 'bytes'", SCHEMA, "path", p);
        assertBadOption("option 'format' = 'wire' does not support",
                new StructType().add("d", DataTypes.DateType), "path", p, "format", "wire");
    }
}

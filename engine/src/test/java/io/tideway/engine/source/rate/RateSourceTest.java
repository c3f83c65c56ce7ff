package io.tideway.engine.source.rate;

import io.tideway.engine.source.SourceRows;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.LongOffset;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateSourceTest {
    private static final long ORIGIN = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private static Options opts(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new Options(m);
    }

    private RateStreamSource source(Options options, long clockMs) {
        return new RateStreamSource(RateSourceOptions.parse(options), dir, () -> clockMs);
    }

    private static List<Long> values(List<Row> rows) {
        List<Long> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getLong(1)));
        return out;
    }

    private static List<Long> timestampsMs(List<Row> rows) {
        List<Long> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getTimestamp(0).getTime()));
        return out;
    }

    @Test
    void digestWorkedExampleFourRowsPerSecondTwoPartitions() {
        RateStreamSource source = source(opts("rowsPerSecond", "4", "numPartitions", "2"), ORIGIN);
        assertEquals(ORIGIN, source.creationTimeMs());
        List<InputPartition> parts = source.planPartitions(new LongOffset(2), new LongOffset(3));
        assertEquals(2, parts.size());
        List<List<Row>> rows = SourceRows.collect(source, parts, RateSourceProvider.SCHEMA);
        assertEquals(List.of(8L, 10L), values(rows.get(0)));
        assertEquals(List.of(9L, 11L), values(rows.get(1)));
        assertEquals(List.of(ORIGIN + 2000, ORIGIN + 2500), timestampsMs(rows.get(0)));
        assertEquals(List.of(ORIGIN + 2250, ORIGIN + 2750), timestampsMs(rows.get(1)));
    }

    @Test
    void timestampsAreMicrosecondsInTheRow() {
        RateStreamSource source = source(opts("rowsPerSecond", "4", "numPartitions", "1"), ORIGIN);
        var reader = source.createReader(source.planPartitions(new LongOffset(2), new LongOffset(3)).get(0));
        List<Long> micros = new ArrayList<>();
        while (reader.read((b, o, l) -> micros.add(b.getLong(o + 8)), 10) >= 0) {
            // drain
        }
        assertEquals(List.of((ORIGIN + 2000) * 1000, (ORIGIN + 2250) * 1000, (ORIGIN + 2500) * 1000,
                (ORIGIN + 2750) * 1000), micros);
    }

    @Test
    void firstBatchStartsAtNullAndCoversSecondsFromZero() {
        RateStreamSource source = source(opts("rowsPerSecond", "3", "numPartitions", "1"), ORIGIN);
        List<List<Row>> rows = SourceRows.collect(source, source.planPartitions(null, new LongOffset(2)),
                RateSourceProvider.SCHEMA);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), values(rows.get(0)));
        assertEquals(List.of(ORIGIN, ORIGIN + 333, ORIGIN + 667, ORIGIN + 1000, ORIGIN + 1333, ORIGIN + 1667),
                timestampsMs(rows.get(0)));
    }

    @Test
    void emptyRangeAndMorePartitionsThanRows() {
        RateStreamSource source = source(opts("rowsPerSecond", "2", "numPartitions", "5"), ORIGIN);
        assertTrue(source.planPartitions(new LongOffset(3), new LongOffset(3)).isEmpty());
        List<List<Row>> rows = SourceRows.collect(source, source.planPartitions(new LongOffset(3), new LongOffset(4)),
                RateSourceProvider.SCHEMA);
        assertEquals(List.of(List.of(6L), List.of(7L), List.of(), List.of(), List.of()),
                rows.stream().map(RateSourceTest::values).toList());
        assertThrows(IllegalArgumentException.class, () -> source.planPartitions(new LongOffset(4), new LongOffset(3)));
    }

    @Test
    void valueAtSecondRampsUpLinearlyThenHoldsTheRate() {
        long[] expected = {0, 2, 6, 12, 20, 30, 40};
        for (int s = 0; s < expected.length; s++) {
            assertEquals(expected[s], RateSchedule.valueAtSecond(s, 10, 4), "second " + s);
        }
        for (int s = 0; s < 5; s++) {
            assertEquals(s * 7L, RateSchedule.valueAtSecond(s, 7, 0));
        }
        // speed delta is integer division: 10 / (2 + 1) = 3 → 0, 3, 9, then +10 per second
        assertEquals(List.of(0L, 3L, 9L, 19L), List.of(RateSchedule.valueAtSecond(0, 10, 2),
                RateSchedule.valueAtSecond(1, 10, 2), RateSchedule.valueAtSecond(2, 10, 2),
                RateSchedule.valueAtSecond(3, 10, 2)));
    }

    @Test
    void rampUpBatchSpreadsItsRowsOverTheSecond() {
        RateStreamSource source = source(opts("rowsPerSecond", "10", "rampUpTime", "4s", "numPartitions", "1"), ORIGIN);
        List<Row> rows = SourceRows.collect(source, source.planPartitions(new LongOffset(1), new LongOffset(2)),
                RateSourceProvider.SCHEMA).get(0);
        assertEquals(List.of(2L, 3L, 4L, 5L), values(rows));
        assertEquals(List.of(ORIGIN + 1000, ORIGIN + 1250, ORIGIN + 1500, ORIGIN + 1750), timestampsMs(rows));
    }

    @Test
    void latestOffsetCountsWholeSecondsAndNeverGoesBack() {
        AtomicLong clock = new AtomicLong(ORIGIN);
        RateStreamSource source = new RateStreamSource(RateSourceOptions.parse(opts()), dir, clock::get);
        assertNull(source.latestOffset(null, ReadLimit.SOURCE_DEFAULT), "no batch before a whole second");
        clock.set(ORIGIN + 999);
        assertNull(source.latestOffset(null, ReadLimit.SOURCE_DEFAULT));
        clock.set(ORIGIN + 1000);
        assertEquals(new LongOffset(1), source.latestOffset(null, ReadLimit.SOURCE_DEFAULT));
        clock.set(ORIGIN + 3500);
        assertEquals(new LongOffset(3), source.latestOffset(new LongOffset(1), ReadLimit.ALL_AVAILABLE));
        clock.set(ORIGIN + 2000); // clock stepped back
        assertEquals(new LongOffset(3), source.latestOffset(new LongOffset(3), ReadLimit.SOURCE_DEFAULT));
        // a replayed batch ending later than the clock moves the floor to its end
        source.planPartitions(new LongOffset(3), new LongOffset(7));
        assertEquals(new LongOffset(7), source.latestOffset(new LongOffset(7), ReadLimit.SOURCE_DEFAULT));
    }

    @Test
    void availableNowFixesTheTargetWhenPrepared() {
        AtomicLong clock = new AtomicLong(ORIGIN);
        RateStreamSource source = new RateStreamSource(RateSourceOptions.parse(opts()), dir, clock::get);
        clock.set(ORIGIN + 4200);
        source.prepareForTriggerAvailableNow();
        clock.set(ORIGIN + 9000);
        assertEquals(new LongOffset(4), source.latestOffset(null, ReadLimit.ALL_AVAILABLE));
        assertEquals(new LongOffset(4), source.latestOffset(new LongOffset(4), ReadLimit.ALL_AVAILABLE));
    }

    @Test
    void restartReusesTheCreationTimeFromTheMetadataLog() throws Exception {
        RateStreamSource first = source(opts("rowsPerSecond", "5", "numPartitions", "2"), ORIGIN);
        List<List<Row>> before = SourceRows.collect(first, first.planPartitions(new LongOffset(4), new LongOffset(6)),
                RateSourceProvider.SCHEMA);
        assertEquals("v1\n" + ORIGIN, Files.readString(dir.resolve("0")), "the first planning call logs the origin");

        RateStreamSource restarted = source(opts("rowsPerSecond", "5", "numPartitions", "2"), ORIGIN + 60_000);
        assertEquals(ORIGIN, restarted.creationTimeMs());
        assertEquals("v1\n" + ORIGIN, Files.readString(dir.resolve("0")));
        List<List<Row>> after = SourceRows.collect(restarted,
                restarted.planPartitions(restarted.deserializeOffset("4"), restarted.deserializeOffset("6")),
                RateSourceProvider.SCHEMA);
        assertEquals(before, after);
        assertEquals(new LongOffset(60), restarted.latestOffset(new LongOffset(6), ReadLimit.SOURCE_DEFAULT));
    }

    @Test
    void corruptCreationTimeNamesTheFile() throws Exception {
        Files.writeString(dir.resolve("0"), "v1\nnot-a-number");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> source(opts(), ORIGIN));
        assertTrue(e.getMessage().contains(dir.resolve("0").toString()), e.getMessage());
    }

    @Test
    void providerCreatesFromContextAndPersistsWallClockOrigin() {
        long before = System.currentTimeMillis();
        StreamSource source = new RateSourceProvider().create(
                new SourceContext(opts("rowsPerSecond", "2"), RateSourceProvider.SCHEMA, dir, Map.of()));
        long origin = ((RateStreamSource) source).creationTimeMs();
        assertTrue(origin >= before && origin <= System.currentTimeMillis());
        assertEquals(new LongOffset(3), source.deserializeOffset("3"));
    }

    @Test
    void descriptionMatchesSparkIncludingTheMissingBracket() {
        assertEquals("RateStreamV2[rowsPerSecond=1, rampUpTimeSeconds=0, numPartitions=default",
                source(opts(), ORIGIN).description());
        assertEquals("RateStreamV2[rowsPerSecond=100, rampUpTimeSeconds=5, numPartitions=3",
                source(opts("rowsPerSecond", "100", "rampUpTime", "5s", "numPartitions", "3"), ORIGIN).description());
    }

    @Test
    void schemaIsTimestampThenValueNullableAsSparkDeclaresIt() {
        StructType schema = new RateSourceProvider().schema(null, opts());
        assertEquals("struct<timestamp:timestamp,value:bigint>", schema.simpleString());
        assertTrue(schema.apply(0).nullable());
        assertTrue(schema.apply(1).nullable());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new RateSourceProvider().schema(schema, opts()));
        assertEquals("RateStreamProvider source does not support user-specified schema.", e.getMessage());
        assertInstanceOf(io.tideway.SparkUnsupportedOperationException.class, e);
    }

    @Test
    void defaultsNumPartitionsToAvailableProcessors() {
        RateSourceOptions o = RateSourceOptions.parse(opts());
        assertEquals(1, o.rowsPerSecond());
        assertEquals(0, o.rampUpTimeSeconds());
        assertEquals(Runtime.getRuntime().availableProcessors(), o.numPartitions());
    }

    @Test
    void rampUpTimeIsTruncatedToWholeSeconds() {
        assertEquals(5, RateSourceOptions.parseSeconds("5"));
        assertEquals(5, RateSourceOptions.parseSeconds("5s"));
        assertEquals(1, RateSourceOptions.parseSeconds("1500ms"));
        assertEquals(0, RateSourceOptions.parseSeconds("999ms"));
        assertEquals(120, RateSourceOptions.parseSeconds("2min"));
        assertEquals(7, RateSourceOptions.parseSeconds("7 seconds"));
        assertEquals(-1, RateSourceOptions.parseSeconds("-1s"));
    }

    @Test
    void badOptionValuesGiveSparksMessages() {
        assertMessage("Invalid value '0'. The option 'rowsPerSecond' must be positive", "rowsPerSecond", "0");
        assertMessage("Invalid value '-3'. The option 'rowsPerSecond' must be positive", "rowsPerSecond", "-3");
        // Spark reads the option with toLong: Long.parseLong's NumberFormatException
        assertMessage("For input string: \"abc\"", "rowsPerSecond", "abc");
        assertMessage("Invalid value '-1'. The option 'rampUpTime' must not be negative", "rampUpTime", "-1s");
        assertMessage("Invalid value '-2'. The option 'rampUpTime' must not be negative", "rampUpTime", "-2");
        assertMessage("Invalid value '0'. The option 'numPartitions' must be positive", "numPartitions", "0");
        assertMessage("Invalid value '-1'. The option 'numPartitions' must be positive", "numPartitions", "-1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RateSourceProvider().schema(null, opts("rampUpTime", "soon")));
        assertTrue(e.getMessage().startsWith("Invalid value 'soon' for option 'rampUpTime'"), e.getMessage());
    }

    private static void assertMessage(String expected, String option, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RateSourceProvider().schema(null, opts(option, value)));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void overflowIsRejectedWithSparksMessage() {
        long rate = Long.MAX_VALUE / 2; // max seconds = 2
        ArithmeticException rampUp = assertThrows(ArithmeticException.class,
                () -> RateSourceOptions.parse(opts("rowsPerSecond", Long.toString(rate), "rampUpTime", "3s")));
        assertEquals("Integer overflow. Max offset with " + rate + " rowsPerSecond is 2, but 'rampUpTimeSeconds' is 3.",
                rampUp.getMessage());
        RateStreamSource source = source(opts("rowsPerSecond", Long.toString(rate)), ORIGIN);
        ArithmeticException end = assertThrows(ArithmeticException.class,
                () -> source.planPartitions(new LongOffset(2), new LongOffset(3)));
        assertEquals("Integer overflow. Max offset with " + rate + " rowsPerSecond is 2, but it's 3 now.",
                end.getMessage());
    }

    @Test
    void readerStopsAtTheEndOfTheRangeWithoutOverflowing() {
        RateInputPartition p = new RateInputPartition(1, 2, Long.MAX_VALUE - 5, Long.MAX_VALUE, 0, 0.0);
        List<Row> rows = SourceRows.collect(new RatePartitionReader(p), RateSourceProvider.SCHEMA, 1);
        assertEquals(List.of(Long.MAX_VALUE - 4, Long.MAX_VALUE - 2), values(rows));
    }

    @Test
    void readerAllocatesNothingPerRow() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        RateInputPartition p = new RateInputPartition(0, 1, 0, 2_000_000, ORIGIN, 0.5);
        long[] sum = new long[1];
        io.tideway.offheap.row.RowConsumer out = (b, o, l) -> sum[0] += b.getLong(o + 16);
        RatePartitionReader warm = new RatePartitionReader(p);
        while (warm.read(out, 1024) >= 0) {
            // warm up the loop so the measured pass runs compiled code
        }
        RatePartitionReader reader = new RatePartitionReader(p);
        long before = threads.getCurrentThreadAllocatedBytes();
        int rows = 0;
        for (int n; (n = reader.read(out, 1024)) >= 0; ) {
            rows += n;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(2_000_000, rows);
        assertTrue(allocated < 16 * 1024, "allocated " + allocated + " bytes for 2M rows");
    }

    @Test
    void providersAreFoundByShortNameThroughServiceLoader() {
        Map<String, SourceProvider> byName = new HashMap<>();
        ServiceLoader.load(SourceProvider.class).forEach(p -> byName.put(p.shortName(), p));
        assertTrue(byName.get("rate") instanceof RateSourceProvider);
        assertTrue(byName.get("rate-micro-batch") instanceof RateMicroBatchSourceProvider);
        assertTrue(byName.get("rate").supportsContinuous());
        assertFalse(byName.get("rate-micro-batch").supportsContinuous());
        assertTrue(byName.containsKey("socket"));
    }
}

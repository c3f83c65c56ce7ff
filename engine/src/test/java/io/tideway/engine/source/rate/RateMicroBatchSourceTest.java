package io.tideway.engine.source.rate;

import io.tideway.engine.source.SourceRows;
import io.tideway.engine.spi.LongOffset;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateMicroBatchSourceTest {
    private static Options opts(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new Options(m);
    }

    private static StreamSource source(String... kv) {
        return new RateMicroBatchSourceProvider().create(new SourceContext(opts(kv), RateSourceProvider.SCHEMA, null, Map.of()));
    }

    private static List<Long> values(List<Row> rows) {
        List<Long> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getLong(1)));
        return out;
    }

    @Test
    void eachLatestOffsetIsExactlyOneBatchBeyondItsStart() {
        StreamSource source = source("rowsPerBatch", "10", "startTimestamp", "1000", "advanceMillisPerBatch", "500");
        Offset o1 = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        assertEquals("{\"offset\":10,\"timestamp\":1500}", o1.json());
        assertEquals(o1, source.latestOffset(null, ReadLimit.SOURCE_DEFAULT), "no wall clock involved");
        Offset o2 = source.latestOffset(o1, ReadLimit.SOURCE_DEFAULT);
        assertEquals(new RateMicroBatchOffset(20, 2000), o2);
        assertEquals(new RateMicroBatchOffset(30, 2500), source.latestOffset(o2, ReadLimit.ALL_AVAILABLE),
                "Trigger.Once also gets one batch");
    }

    @Test
    void batchKHoldsItsValuesStripedAndStampedWithItsStartTime() {
        StreamSource source = source("rowsPerBatch", "10", "numPartitions", "3", "startTimestamp", "1000",
                "advanceMillisPerBatch", "500");
        Offset o1 = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        Offset o2 = source.latestOffset(o1, ReadLimit.SOURCE_DEFAULT);

        List<List<Row>> batch0 = SourceRows.collect(source, source.planPartitions(null, o1), RateSourceProvider.SCHEMA);
        assertEquals(List.of(List.of(0L, 3L, 6L, 9L), List.of(1L, 4L, 7L), List.of(2L, 5L, 8L)),
                batch0.stream().map(RateMicroBatchSourceTest::values).toList());
        batch0.forEach(rows -> rows.forEach(r -> assertEquals(1000L, r.getTimestamp(0).getTime())));

        List<List<Row>> batch1 = SourceRows.collect(source, source.planPartitions(o1, o2), RateSourceProvider.SCHEMA);
        assertEquals(List.of(List.of(10L, 13L, 16L, 19L), List.of(11L, 14L, 17L), List.of(12L, 15L, 18L)),
                batch1.stream().map(RateMicroBatchSourceTest::values).toList());
        batch1.forEach(rows -> rows.forEach(r -> assertEquals(1500L, r.getTimestamp(0).getTime())));

        assertTrue(source.planPartitions(o2, o2).isEmpty());
    }

    @Test
    void replayAfterRestartUsesOnlyTheLoggedOffsets() {
        StreamSource before = source("rowsPerBatch", "4", "numPartitions", "2");
        Offset o1 = before.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        Offset o2 = before.latestOffset(o1, ReadLimit.SOURCE_DEFAULT);
        List<List<Row>> rows = SourceRows.collect(before, before.planPartitions(o1, o2), RateSourceProvider.SCHEMA);

        StreamSource after = source("rowsPerBatch", "4", "numPartitions", "2");
        Offset r1 = after.deserializeOffset(o1.json());
        Offset r2 = after.deserializeOffset(o2.json());
        assertEquals(rows, SourceRows.collect(after, after.planPartitions(r1, r2), RateSourceProvider.SCHEMA));
        assertEquals(List.of(4L, 6L), values(rows.get(0)));
        assertEquals(1000L, rows.get(0).get(0).getTimestamp(0).getTime(), "batch 1 is stamped 0 + 1 * 1000 ms");
    }

    @Test
    void offsetJsonRoundTrips() {
        RateMicroBatchOffset o = new RateMicroBatchOffset(2000, 2000);
        assertEquals("{\"offset\":2000,\"timestamp\":2000}", o.json());
        assertEquals(o, RateMicroBatchOffset.parse(o.json()));
        assertEquals(o, RateMicroBatchOffset.parse(" {\"timestamp\":2000, \"offset\":2000, \"x\":1} "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateMicroBatchOffset.parse("7"));
        assertEquals("Invalid rate-micro-batch offset '7': expected {\"offset\":<long>,\"timestamp\":<long>}", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RateMicroBatchOffset.parse("{\"offset\":1.5,\"timestamp\":0}"));
        assertThrows(IllegalArgumentException.class, () -> RateMicroBatchOffset.parse("{broken"));
        assertThrows(IllegalArgumentException.class,
                () -> source("rowsPerBatch", "1").planPartitions(new LongOffset(0), new LongOffset(1)));
    }

    @Test
    void availableNowStopsAtTheFirstBatch() {
        StreamSource source = source("rowsPerBatch", "5");
        source.prepareForTriggerAvailableNow();
        Offset end = source.latestOffset(null, ReadLimit.ALL_AVAILABLE);
        assertEquals(new RateMicroBatchOffset(5, 1000), end);
        assertEquals(end, source.latestOffset(end, ReadLimit.ALL_AVAILABLE));
    }

    @Test
    void descriptionAndDefaults() {
        assertEquals("RatePerMicroBatchStream[rowsPerBatch=7, numPartitions=default, startTimestamp=0, "
                + "advanceMsPerBatch=1000]", source("rowsPerBatch", "7").description());
        RateMicroBatchOptions o = RateMicroBatchOptions.parse(opts("rowsPerBatch", "7"));
        assertEquals(Runtime.getRuntime().availableProcessors(), o.numPartitions());
        assertEquals(0, o.startTimestamp());
        assertEquals(1000, o.advanceMillisPerBatch());
    }

    @Test
    void overflowNamesTheOffsetAndOptions() {
        StreamSource source = source("rowsPerBatch", Long.toString(Long.MAX_VALUE));
        Offset o1 = source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> source.latestOffset(o1, ReadLimit.SOURCE_DEFAULT));
        assertTrue(e.getMessage().contains("rowsPerBatch=" + Long.MAX_VALUE), e.getMessage());
    }

    @Test
    void badOptionValuesGiveSparksMessages() {
        assertMessage("Invalid value '0'. The option 'rowsPerBatch' must be positive");
        assertMessage("Invalid value '0'. The option 'rowsPerBatch' must be positive", "rowsPerBatch", "0");
        assertMessage("Invalid value '-5'. The option 'rowsPerBatch' must be positive", "rowsPerBatch", "-5");
        assertMessage("Invalid value '0'. The option 'numPartitions' must be positive", "rowsPerBatch", "1",
                "numPartitions", "0");
        assertMessage("Invalid value '-1'. The option 'startTimestamp' must be non-negative", "rowsPerBatch", "1",
                "startTimestamp", "-1");
        assertMessage("Invalid value '-1'. The option 'advanceMillisPerBatch' must be non-negative", "rowsPerBatch", "1",
                "advanceMillisPerBatch", "-1");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new RateMicroBatchSourceProvider().schema(RateSourceProvider.SCHEMA, opts("rowsPerBatch", "1")));
        assertEquals("RatePerMicroBatchProvider source does not support user-specified schema.", e.getMessage());
        assertInstanceOf(io.tideway.SparkUnsupportedOperationException.class, e);
    }

    private static void assertMessage(String expected, String... kv) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RateMicroBatchSourceProvider().schema(null, opts(kv)));
        assertEquals(expected, e.getMessage());
    }
}

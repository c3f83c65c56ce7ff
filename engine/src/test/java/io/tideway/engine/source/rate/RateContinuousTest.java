package io.tideway.engine.source.rate;

import io.tideway.engine.source.ContinuousRows;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.LongOffset;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceContext;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateContinuousTest {
    private static final long ORIGIN = 1_700_000_000_000L;
    private static final StructType SCHEMA = RateSourceProvider.SCHEMA;

    @TempDir
    Path dir;

    /** A clock the test moves by hand; plain fields, so reading it allocates nothing. */
    static final class ManualClock implements RateClock {
        long millis;
        long nanos;

        ManualClock(long millis, long nanos) {
            this.millis = millis;
            this.nanos = nanos;
        }

        @Override
        public long currentTimeMillis() {
            return millis;
        }

        @Override
        public long nanoTime() {
            return nanos;
        }
    }

    private static Options opts(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new Options(m);
    }

    private static RateContinuousStream stream(ManualClock clock, String... kv) {
        return new RateContinuousStream(RateSourceOptions.parse(opts(kv)), OptionalLong.empty(), clock);
    }

    private static List<Long> values(List<Row> rows) {
        return rows.stream().map(r -> r.getLong(1)).toList();
    }

    /** The {@code timestamp} column in µs, read raw from the row. */
    private static List<Long> micros(ContinuousPartitionReader reader, int maxRows) {
        List<Long> out = new ArrayList<>();
        reader.poll((b, o, l) -> out.add(b.getLong(o + 8)), maxRows);
        return out;
    }

    @Test
    void pacerIsExactAtAnyRate() {
        long[][] cases = {{3, 1}, {7, 3}, {1, 1}, {1_000_000_007L, 2}, {3_000_000_000_000L, 7}, {Long.MAX_VALUE, 1}};
        for (long[] c : cases) {
            long rate = c[0];
            int n = (int) c[1];
            long start = 123_456_789L;
            RatePacer pacer = new RatePacer(rate, n, start);
            for (long k = 0; k <= 20_000; k++) {
                long expected = BigInteger.valueOf(k).multiply(BigInteger.valueOf(n * 1_000_000_000L))
                        .divide(BigInteger.valueOf(rate)).longValueExact() + start;
                assertEquals(expected, pacer.due(), "rate " + rate + ", partitions " + n + ", row " + k);
                pacer.advance();
            }
        }
    }

    @Test
    void partitionsStripeValuesAtTheirOwnRateFromTheOrigin() {
        ManualClock clock = new ManualClock(ORIGIN, 0);
        RateContinuousStream stream = stream(clock, "rowsPerSecond", "4", "numPartitions", "2");
        assertEquals(ORIGIN, stream.originMs());
        List<PartitionOffset> initial = stream.initialOffsets();
        assertEquals(List.of(new RatePartitionOffset(-2, ORIGIN), new RatePartitionOffset(-1, ORIGIN)), initial);
        ContinuousPartitionReader p0 = stream.createReader(0, initial.get(0));
        ContinuousPartitionReader p1 = stream.createReader(1, initial.get(1));

        assertEquals(0, p0.poll((b, o, l) -> { }, 10), "nothing is due at the origin");
        clock.millis = ORIGIN + 499;
        assertEquals(0, p0.poll((b, o, l) -> { }, 10), "the first row is due one period (500 ms) after the origin");
        clock.millis = ORIGIN + 500;
        assertEquals(List.of((ORIGIN + 500) * 1000), micros(p0, 10));
        clock.millis = ORIGIN + 2100;
        List<Row> rows0 = ContinuousRows.poll(p0, SCHEMA, 10);
        List<Row> rows1 = ContinuousRows.poll(p1, SCHEMA, 10);
        assertEquals(List.of(2L, 4L, 6L), values(rows0));
        assertEquals(List.of(1L, 3L, 5L, 7L), values(rows1));
        assertEquals(List.of(ORIGIN + 500, ORIGIN + 1000, ORIGIN + 1500, ORIGIN + 2000),
                rows1.stream().map(r -> r.getTimestamp(0).getTime()).toList());
        assertEquals(new RatePartitionOffset(6, ORIGIN + 2000), p0.currentOffset());
        assertEquals(new RatePartitionOffset(7, ORIGIN + 2000), p1.currentOffset());
        assertEquals(0, p0.poll((b, o, l) -> { }, 10));
    }

    @Test
    void timestampsAreOriginPlusKPeriodsToTheMicrosecond() {
        ManualClock clock = new ManualClock(ORIGIN, 0);
        RateContinuousStream stream = stream(clock, "rowsPerSecond", "3", "numPartitions", "1");
        ContinuousPartitionReader reader = stream.createReader(0, stream.initialOffsets().get(0));
        clock.millis = ORIGIN + 100_000;
        List<Long> micros = micros(reader, 300);
        assertEquals(300, micros.size());
        for (int k = 1; k <= 300; k++) {
            // period = 1e9/3 ns, kept exactly (Spark would truncate it to 333 ms)
            long intendedNanos = ORIGIN * 1_000_000L + k * 1_000_000_000L / 3;
            assertEquals(intendedNanos / 1000, micros.get(k - 1), "row " + k);
        }
    }

    @Test
    void aCatchUpBurstIsBoundedByMaxRows() {
        ManualClock clock = new ManualClock(ORIGIN, 0);
        RateContinuousStream stream = stream(clock, "rowsPerSecond", "1000", "numPartitions", "1");
        ContinuousPartitionReader reader = stream.createReader(0, stream.initialOffsets().get(0));
        clock.millis = ORIGIN + 10;
        assertEquals(List.of(0L, 1L, 2L), values(ContinuousRows.poll(reader, SCHEMA, 3)));
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L), values(ContinuousRows.poll(reader, SCHEMA, 100)));
        assertEquals(0, reader.poll((b, o, l) -> { }, 100));
    }

    /** A batch target that takes its first {@code inPlace} rows in place, the rest through accept, up to {@code capacity}. */
    static final class Batch implements ContinuousPartitionReader.BatchTarget {
        final org.agrona.concurrent.UnsafeBuffer memory = new org.agrona.concurrent.UnsafeBuffer(new byte[4096]);
        /** Per row: {offset, length} in {@link #memory} for a row written in place, or null for a copied one. */
        final List<int[]> places = new ArrayList<>();
        final List<byte[]> copies = new ArrayList<>();
        final int inPlace;
        final int capacity;
        int used;

        Batch(int inPlace, int capacity) {
            this.inPlace = inPlace;
            this.capacity = capacity;
        }

        @Override
        public boolean isFull() {
            return places.size() >= capacity;
        }

        @Override
        public int reserve(int length) {
            if (places.size() >= inPlace) {
                return -1;
            }
            places.add(new int[]{used, length});
            copies.add(null);
            used += length;
            return used - length;
        }

        @Override
        public org.agrona.MutableDirectBuffer buffer() {
            return memory;
        }

        @Override
        public void accept(org.agrona.DirectBuffer buffer, int offset, int length) {
            byte[] b = new byte[length];
            buffer.getBytes(offset, b);
            places.add(null);
            copies.add(b);
        }

        /** Every row's bytes, in order. */
        List<String> bytes() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < places.size(); i++) {
                byte[] r = copies.get(i);
                if (r == null) {
                    r = new byte[places.get(i)[1]];
                    memory.getBytes(places.get(i)[0], r);
                }
                out.add(java.util.Arrays.toString(r));
            }
            return out;
        }
    }

    @Test
    void aBatchPollWritesInPlaceWhereItCanStopsWhenFullAndMatchesPoll() {
        ManualClock clock = new ManualClock(ORIGIN, 0);
        RateContinuousStream stream = stream(clock, "rowsPerSecond", "1000", "numPartitions", "1", "includeIntendedNanoTime", "true");
        ContinuousPartitionReader batched = stream.createReader(0, stream.initialOffsets().get(0));
        ContinuousPartitionReader single = stream.createReader(0, stream.initialOffsets().get(0));
        clock.millis = ORIGIN + 10;
        Batch batch = new Batch(3, 5);
        assertEquals(5, batched.pollBatch(batch, 100), "stops when the target is full");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Batch one = new Batch(0, 1);
            assertEquals(1, single.poll(one, 1));
            expected.addAll(one.bytes());
        }
        assertEquals(expected, batch.bytes(), "3 rows in place, 2 copied, the same bytes as poll");
        assertEquals(single.currentOffset().json(), batched.currentOffset().json());
        assertEquals(5, batched.pollBatch(new Batch(0, 100), 100), "the rest that is due");
        assertEquals(0, batched.pollBatch(new Batch(0, 100), 100));
    }

    @Test
    void onlyExactPacingKnowsWhenTheNextRowIsDue() {
        ManualClock clock = new ManualClock(ORIGIN, 1_000);
        RateContinuousStream paced = stream(clock, "rowsPerSecond", "4", "numPartitions", "2", "exactPacing", "true");
        ContinuousPartitionReader reader = paced.createReader(1, paced.initialOffsets().get(1));
        assertEquals(1_000 + 500_000_000L, reader.nextRowDueNanoTime(), "one period (2/4 s) after the reader started");
        clock.nanos = 1_000 + 500_000_000L;
        assertEquals(1, reader.poll((b, o, l) -> { }, 10));
        assertEquals(1_000 + 1_000_000_000L, reader.nextRowDueNanoTime());
        RateContinuousStream wall = stream(clock, "rowsPerSecond", "4");
        assertEquals(ContinuousPartitionReader.UNKNOWN_DUE_TIME,
                wall.createReader(0, wall.initialOffsets().get(0)).nextRowDueNanoTime());
    }

    @Test
    void aPollReportsItsFirstRowsIntendedTimeAsTheSourceTime() {
        ManualClock clock = new ManualClock(ORIGIN, 1_000);
        RateContinuousStream paced = stream(clock, "rowsPerSecond", "4", "numPartitions", "2", "exactPacing", "true");
        ContinuousPartitionReader reader = paced.createReader(1, paced.initialOffsets().get(1));
        clock.nanos = 1_000 + 1_200_000_000L; // late: the rows due at 0.5 s and 1.0 s are both emitted now
        assertEquals(2, reader.poll((b, o, l) -> { }, 10));
        assertEquals(1_000 + 500_000_000L, reader.firstRowSourceNanoTime(), "the oldest row's intended time");
    }

    @Test
    void offsetsRoundTripInSparksFormat() {
        ManualClock clock = new ManualClock(ORIGIN, 0);
        RateContinuousStream stream = stream(clock, "rowsPerSecond", "4", "numPartitions", "2");
        String json = stream.serializeOffsets(stream.initialOffsets());
        assertEquals("{\"0\":{\"value\":-2,\"runTimeMs\":" + ORIGIN + "},\"1\":{\"value\":-1,\"runTimeMs\":" + ORIGIN + "}}",
                json);
        assertEquals(stream.initialOffsets(), stream.deserializeOffsets(json));
        List<PartitionOffset> later = List.of(new RatePartitionOffset(12, 1_700_000_003_500L),
                new RatePartitionOffset(13, 1_700_000_003_500L));
        String digest = "{\"0\":{\"value\":12,\"runTimeMs\":1700000003500},\"1\":{\"value\":13,\"runTimeMs\":1700000003500}}";
        assertEquals(digest, stream.serializeOffsets(later));
        assertEquals(later, stream.deserializeOffsets(" {\"1\":{\"runTimeMs\":1700000003500,\"value\":13},"
                + "\"0\":{\"value\":12,\"runTimeMs\":1700000003500}} "));
    }

    @Test
    void changingNumPartitionsOrCorruptOffsetsFailWithAClearMessage() {
        RateContinuousStream three = stream(new ManualClock(ORIGIN, 0), "numPartitions", "3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> three.deserializeOffsets(
                "{\"0\":{\"value\":12,\"runTimeMs\":1},\"1\":{\"value\":13,\"runTimeMs\":1}}"));
        assertEquals("The previous run contained 2 partitions, but 3 partitions are currently configured."
                + " The numPartitions option cannot be changed.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> three.deserializeOffsets("{\"0\":{\"value\":\"x\"}}"));
        assertThrows(IllegalArgumentException.class, () -> three.deserializeOffsets("[1,2"));
        assertThrows(IllegalArgumentException.class, () -> three.deserializeOffsets("\"soon\""));
    }

    @Test
    void restartResumesAfterTheCommittedRowWithNoGapOrRepeat() {
        ManualClock clock = new ManualClock(ORIGIN, 0);
        RateContinuousStream first = stream(clock, "rowsPerSecond", "6", "numPartitions", "3");
        List<ContinuousPartitionReader> readers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            readers.add(first.createReader(p, first.initialOffsets().get(p)));
        }
        clock.millis = ORIGIN + 1700; // periods of 500 ms: rows at 500, 1000, 1500 per partition
        List<Long> before = new ArrayList<>();
        List<PartitionOffset> committed = new ArrayList<>();
        for (ContinuousPartitionReader r : readers) {
            before.addAll(values(ContinuousRows.poll(r, SCHEMA, 100)));
            committed.add(r.currentOffset());
        }
        String line = first.serializeOffsets(committed);

        clock.millis = ORIGIN + 60_000; // down for a minute: Spark's catch-up burst follows
        RateContinuousStream restarted = stream(clock, "rowsPerSecond", "6", "numPartitions", "3");
        List<PartitionOffset> start = restarted.deserializeOffsets(line);
        List<Long> after = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            ContinuousPartitionReader r = restarted.createReader(p, start.get(p));
            List<Long> ts = new ArrayList<>();
            List<Row> rows = ContinuousRows.poll(r, SCHEMA, 2);
            rows.forEach(row -> ts.add(row.getTimestamp(0).getTime()));
            assertEquals(List.of(ORIGIN + 2000, ORIGIN + 2500), ts, "partition " + p + " resumes one period later");
            after.addAll(values(rows));
        }
        List<Long> all = new ArrayList<>(before);
        all.addAll(after);
        assertEquals(List.of(0L, 3L, 6L, 1L, 4L, 7L, 2L, 5L, 8L, 9L, 12L, 10L, 13L, 11L, 14L), all);
        assertEquals(15, all.stream().distinct().count());
        assertTrue(all.stream().sorted().toList().equals(java.util.stream.LongStream.range(0, 15).boxed().toList()));
    }

    @Test
    void microBatchOffsetMapsToTheLastValuePerPartition() throws Exception {
        long created = ORIGIN - 10_000;
        RateCreationTime.loadOrCreate(dir, () -> created);
        Options options = opts("rowsPerSecond", "5", "numPartitions", "2");
        ContinuousStream stream = new RateSourceProvider().createContinuous(new SourceContext(options, SCHEMA, dir, Map.of()));
        // 3 s at 5 rows/s: values 0..14 were emitted; p0 last 14, p1 last 13, each stamped where the
        // schedule puts it before second 3 (200 ms a value)
        assertEquals(List.of(new RatePartitionOffset(14, created + 2800), new RatePartitionOffset(13, created + 2600)),
                stream.deserializeOffsets("3"));
        ContinuousPartitionReader p0 = stream.createReader(0, stream.deserializeOffsets("3").get(0));
        ContinuousPartitionReader p1 = stream.createReader(1, stream.deserializeOffsets("3").get(1));
        // the next micro-batch would have stamped 15 at +3000 and 16 at +3200: so does the continuous run
        List<Row> r0 = ContinuousRows.poll(p0, SCHEMA, 1);
        List<Row> r1 = ContinuousRows.poll(p1, SCHEMA, 1);
        assertEquals(List.of(16L), values(r0));
        assertEquals(List.of(15L), values(r1));
        assertEquals(created + 3200, r0.get(0).getTimestamp(0).getTime());
        assertEquals(created + 3000, r1.get(0).getTimestamp(0).getTime());
        // the micro-batch source would have emitted the same values before its offset 3
        RateStreamSource microBatch = new RateStreamSource(RateSourceOptions.parse(options), dir, () -> created);
        assertEquals(15, io.tideway.engine.source.SourceRows.collect(microBatch,
                microBatch.planPartitions(null, new LongOffset(3)), SCHEMA).stream().mapToInt(List::size).sum());
    }

    @Test
    void microBatchOffsetMappingFollowsRampUpAndEdgeCases() {
        ManualClock clock = new ManualClock(ORIGIN, 0);
        // ramp-up 4 s at 10 rows/s: 2 s emitted 6 rows (0..5)
        RateContinuousStream ramp = stream(clock, "rowsPerSecond", "10", "rampUpTime", "4s", "numPartitions", "4");
        assertEquals(List.of(4L, 5L, 2L, 3L), ramp.deserializeOffsets("2").stream()
                .map(o -> ((RatePartitionOffset) o).value()).toList());
        // nothing emitted yet: the initial values p - N
        assertEquals(List.of(-4L, -3L, -2L, -1L), ramp.deserializeOffsets("0").stream()
                .map(o -> ((RatePartitionOffset) o).value()).toList());
        // fewer rows than partitions: 1 s at 2 rows/s, 3 partitions
        RateContinuousStream sparse = stream(clock, "rowsPerSecond", "2", "numPartitions", "3");
        List<PartitionOffset> offsets = sparse.deserializeOffsets("1");
        assertEquals(List.of(0L, 1L, -1L), offsets.stream().map(o -> ((RatePartitionOffset) o).value()).toList());
        // no creation time logged: times count back from this stream's origin, so it resumes now
        assertEquals(ORIGIN - 1000, ((RatePartitionOffset) offsets.get(0)).runTimeMs()); // value 0 is two values (1 s) before row 2
        assertThrows(IllegalArgumentException.class, () -> sparse.deserializeOffsets("-1"));
    }

    @Test
    void continuousOffsetsResumeMicroBatchWithNoGapAndAnOriginInLineWithTheRun() throws Exception {
        ManualClock clock = new ManualClock(ORIGIN, 0);
        RateContinuousStream continuous = stream(clock, "rowsPerSecond", "6", "numPartitions", "3");
        clock.millis = ORIGIN + 1700; // 500 ms a row per partition: 0,1,2 at +500; 3,4,5 at +1000; 6,7,8 at +1500
        List<Long> before = new ArrayList<>();
        List<PartitionOffset> committed = new ArrayList<>();
        int[] rows = {3, 3, 2}; // partition 2 lags: it has not emitted 8
        for (int p = 0; p < 3; p++) {
            ContinuousPartitionReader r = continuous.createReader(p, continuous.initialOffsets().get(p));
            before.addAll(values(ContinuousRows.poll(r, SCHEMA, rows[p])));
            committed.add(r.currentOffset());
        }
        String line = continuous.serializeOffsets(committed);

        Options options = opts("rowsPerSecond", "6", "numPartitions", "2"); // micro-batch need not keep N
        RateStreamSource microBatch = new RateStreamSource(RateSourceOptions.parse(options), dir, () -> ORIGIN + 60_000);
        // every value below 8 was emitted; second 1 (value 6) is the last whole second at or below it
        assertEquals(new LongOffset(1), microBatch.deserializeOffset(line));
        // value 6 was due at +1500 in the continuous run, so second 1 starts there: origin +500, logged
        assertEquals(ORIGIN + 500, microBatch.creationTimeMs());
        assertEquals("v1\n" + (ORIGIN + 500), Files.readString(dir.resolve("0")));
        assertEquals(new LongOffset(59), microBatch.latestOffset(new LongOffset(1), ReadLimit.SOURCE_DEFAULT));
        List<List<Row>> batch = io.tideway.engine.source.SourceRows.collect(microBatch,
                microBatch.planPartitions(new LongOffset(1), new LongOffset(2)), SCHEMA);
        List<Long> after = new ArrayList<>();
        batch.forEach(r -> after.addAll(values(r)));
        assertEquals(ORIGIN + 1500, batch.get(0).get(0).getTimestamp(0).getTime(), "value 6 keeps its continuous time");
        List<Long> all = new ArrayList<>(before);
        all.addAll(after);
        assertEquals(LongStream.range(0, 12).boxed().toList(), all.stream().distinct().sorted().toList(), "no gap");
        assertEquals(List.of(6L, 7L), all.stream().filter(v -> all.indexOf(v) != all.lastIndexOf(v)).distinct().sorted()
                .toList(), "values after second 1 that a partition had emitted are read again (at-least-once)");

        // a logged origin (an earlier micro-batch run) is kept; a fresh clock never pushes the origin into the future
        RateStreamSource again = new RateStreamSource(RateSourceOptions.parse(options), dir, () -> ORIGIN + 60_000);
        assertEquals(new LongOffset(1), again.deserializeOffset(line));
        assertEquals(ORIGIN + 500, again.creationTimeMs());
        Path fresh = Files.createDirectory(dir.resolve("fresh"));
        RateStreamSource early = new RateStreamSource(RateSourceOptions.parse(options), fresh, () -> ORIGIN);
        assertEquals(new LongOffset(1), early.deserializeOffset(line));
        assertEquals(ORIGIN - 1000, early.creationTimeMs(), "clock behind the run's times: origin = now - 1 s");
    }

    @Test
    void continuousOffsetsMapToSecondsThroughTheRampUpAndFailClearly() {
        RateStreamSource ramp = new RateStreamSource(RateSourceOptions.parse(opts("rowsPerSecond", "10", "rampUpTime", "4s")),
                dir, () -> ORIGIN);
        // valueAtSecond: 0, 2, 6, 12, 20, 30, ...; p0 emitted up to 12, p1 up to 11: 13 is the first not emitted
        assertEquals(new LongOffset(3), ramp.deserializeOffset(
                "{\"0\":{\"value\":12,\"runTimeMs\":0},\"1\":{\"value\":11,\"runTimeMs\":0}}"));
        assertEquals(new LongOffset(0), ramp.deserializeOffset(
                "{\"0\":{\"value\":-2,\"runTimeMs\":0},\"1\":{\"value\":-1,\"runTimeMs\":0}}"));
        assertEquals(3, RateResumePoint.lastSecondAtOrBelow(19, 10, 4));
        assertEquals(4, RateResumePoint.lastSecondAtOrBelow(20, 10, 4));
        assertEquals(4, RateResumePoint.lastSecondAtOrBelow(0, 1, 4), "a ramp-up plateau at 0 resumes at its end");
        assertThrows(IllegalArgumentException.class, () -> ramp.deserializeOffset("{}"));
        assertThrows(IllegalArgumentException.class, () -> ramp.deserializeOffset("{\"0\":{\"value\":1}}"));
        assertThrows(IllegalArgumentException.class, () -> ramp.deserializeOffset("{\"1\":{\"value\":1,\"runTimeMs\":0}}"));
        assertThrows(IllegalArgumentException.class, () -> ramp.deserializeOffset("{\"0\":{\"value\":-5,\"runTimeMs\":0}}"));
        assertThrows(IllegalArgumentException.class, () -> ramp.deserializeOffset("{\"0\":"));
    }

    @Test
    void exactPacingRunsANanosecondScheduleFromTheReadersStart() {
        long nanoStart = 5_000_000_000L;
        ManualClock clock = new ManualClock(ORIGIN, nanoStart);
        RateContinuousStream stream = stream(clock, "rowsPerSecond", "3000", "numPartitions", "1", "exactPacing", "true",
                "includeIntendedNanoTime", "true");
        clock.millis = ORIGIN + 5000; // reader starts 5 s after the stream: no catch-up in exact pacing
        ContinuousPartitionReader reader = stream.createReader(0, stream.initialOffsets().get(0));
        StructType schema = RateSourceProvider.SCHEMA_WITH_INTENDED_NANO_TIME;
        clock.nanos = nanoStart + 333_332;
        assertEquals(0, reader.poll((b, o, l) -> { }, 10), "row 1 is due at 333,333.33 ns");
        clock.nanos = nanoStart + 333_334;
        assertEquals(List.of(0L), values(ContinuousRows.poll(reader, schema, 10)));
        clock.millis = ORIGIN + 999_999; // the wall clock no longer matters
        clock.nanos = nanoStart + 1_000_000;
        List<Row> rows = ContinuousRows.poll(reader, schema, 10);
        assertEquals(List.of(1L, 2L), values(rows));
        assertEquals(List.of(nanoStart + 666_666, nanoStart + 1_000_000), rows.stream().map(r -> r.getLong(2)).toList());
        long wallStartNanos = (ORIGIN + 5000) * 1_000_000L;
        assertEquals(List.of((wallStartNanos + 666_666) / 1000, (wallStartNanos + 1_000_000) / 1000),
                rows.stream().map(r -> {
                    java.sql.Timestamp t = r.getTimestamp(0);
                    return t.getTime() / 1000 * 1_000_000 + t.getNanos() / 1000;
                }).toList());
        assertEquals(new RatePartitionOffset(2, ORIGIN + 5001), reader.currentOffset());
    }

    @Test
    void intendedNanoTimeColumnMapsTheWallScheduleOntoNanoTime() {
        ManualClock clock = new ManualClock(ORIGIN, 42_000_000_000L);
        RateContinuousStream stream = stream(clock, "rowsPerSecond", "2", "numPartitions", "1", "includeIntendedNanoTime", "true");
        ContinuousPartitionReader reader = stream.createReader(0, stream.initialOffsets().get(0));
        clock.millis = ORIGIN + 1000;
        List<Row> rows = ContinuousRows.poll(reader, RateSourceProvider.SCHEMA_WITH_INTENDED_NANO_TIME, 10);
        // the wall clock read ORIGIN when nanoTime read 42 s
        assertEquals(List.of(42_500_000_000L, 43_000_000_000L), rows.stream().map(r -> r.getLong(2)).toList());
    }

    @Test
    void microBatchReaderAlsoFillsTheIntendedNanoTimeColumn() {
        RateStreamSource source = new RateStreamSource(RateSourceOptions.parse(opts("rowsPerSecond", "4",
                "numPartitions", "1", "includeIntendedNanoTime", "true")), dir, () -> ORIGIN);
        List<Row> rows = io.tideway.engine.source.SourceRows.collect(source,
                source.planPartitions(new LongOffset(2), new LongOffset(3)), RateSourceProvider.SCHEMA_WITH_INTENDED_NANO_TIME)
                .get(0);
        assertEquals(4, rows.size());
        for (int i = 1; i < rows.size(); i++) { // 250 ms apart on both scales
            assertEquals(250_000_000L, rows.get(i).getLong(2) - rows.get(i - 1).getLong(2));
        }
    }

    @Test
    void rampUpTimeIsIgnoredInContinuousMode() {
        ManualClock clock = new ManualClock(ORIGIN, 0);
        RateContinuousStream stream = stream(clock, "rowsPerSecond", "10", "rampUpTime", "100s", "numPartitions", "1");
        ContinuousPartitionReader reader = stream.createReader(0, stream.initialOffsets().get(0));
        clock.millis = ORIGIN + 1000;
        assertEquals(10, ContinuousRows.poll(reader, SCHEMA, 100).size());
    }

    @Test
    void providerDescribesAndSchemasTheContinuousStream() {
        RateSourceProvider provider = new RateSourceProvider();
        Options options = opts("rowsPerSecond", "100", "rampUpTime", "5s", "numPartitions", "3");
        ContinuousStream stream = provider.createContinuous(new SourceContext(options, SCHEMA, null, Map.of()));
        assertEquals("RateStreamV2[rowsPerSecond=100, rampUpTimeSeconds=5, numPartitions=3", stream.description());
        assertEquals(3, stream.numPartitions());
        assertEquals("struct<timestamp:timestamp,value:bigint,intendedNanoTime:bigint>",
                provider.schema(null, opts("includeIntendedNanoTime", "true")).simpleString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.schema(null, opts("exactPacing", "maybe")));
        assertEquals("maybe is not a boolean string.", e.getMessage());
    }

    @Test
    void realClockDeliversStripedRowsSpacedByOnePeriod() {
        Options options = opts("rowsPerSecond", "2000", "numPartitions", "2");
        ContinuousStream stream = new RateSourceProvider().createContinuous(new SourceContext(options, SCHEMA, null, Map.of()));
        for (int p = 0; p < 2; p++) {
            try (ContinuousPartitionReader reader = stream.createReader(p, stream.initialOffsets().get(p))) {
                List<Row> rows = ContinuousRows.pollUntil(reader, SCHEMA, 200, Duration.ofSeconds(10));
                for (int i = 0; i < rows.size(); i++) {
                    assertEquals(p + 2L * i, rows.get(i).getLong(1));
                    if (i > 0) { // 1000 rows/s per partition: exactly 1 ms apart
                        assertEquals(1, rows.get(i).getTimestamp(0).getTime() - rows.get(i - 1).getTimestamp(0).getTime());
                    }
                }
            }
        }
    }

    @Test
    void exactPacingOnTheRealClockDeliversRowsInOrder() {
        Options options = opts("rowsPerSecond", "100000", "numPartitions", "1", "exactPacing", "true");
        ContinuousStream stream = new RateSourceProvider().createContinuous(new SourceContext(options, SCHEMA, null, Map.of()));
        try (ContinuousPartitionReader reader = stream.createReader(0, stream.initialOffsets().get(0))) {
            List<Row> rows = ContinuousRows.pollUntil(reader, SCHEMA, 1000, Duration.ofSeconds(10));
            assertEquals(java.util.stream.LongStream.range(0, 1000).boxed().toList(), values(rows));
        }
    }

    @Test
    void pollAllocatesNothingPerRow() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        ManualClock clock = new ManualClock(ORIGIN, 0);
        RateContinuousStream stream = stream(clock, "rowsPerSecond", "1000000", "numPartitions", "2",
                "includeIntendedNanoTime", "true");
        long[] sum = new long[1];
        io.tideway.offheap.row.RowConsumer out = (b, o, l) -> sum[0] += b.getLong(o + 16);
        clock.millis = ORIGIN + 4000; // 2M rows due per partition
        ContinuousPartitionReader warm = stream.createReader(0, stream.initialOffsets().get(0));
        while (warm.poll(out, 1024) > 0) {
            // warm up so the measured pass runs compiled code
        }
        ContinuousPartitionReader reader = stream.createReader(1, stream.initialOffsets().get(1));
        long before = threads.getCurrentThreadAllocatedBytes();
        int rows = 0;
        for (int n; (n = reader.poll(out, 1024)) > 0; ) {
            rows += n;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(2_000_000, rows);
        assertTrue(allocated < 16 * 1024, "allocated " + allocated + " bytes for 2M rows");
        warm.close();
        reader.close();
    }

    /** A target that takes rows in runs, as the continuous slot appender does: a header word, then the row. */
    private static final class RunTarget implements ContinuousPartitionReader.BatchTarget {
        final org.agrona.concurrent.UnsafeBuffer memory = new org.agrona.concurrent.UnsafeBuffer(new byte[64 * 1024]);
        final List<String> rows = new ArrayList<>();
        int used;
        int runOffset;
        int stride;

        @Override
        public boolean isFull() {
            return false;
        }

        @Override
        public int reserveRun(int length, int maxRows) {
            stride = 8 + length;
            int n = Math.min(maxRows, (memory.capacity() - used) / stride);
            runOffset = used + 8;
            used += n * stride;
            return n;
        }

        @Override
        public int runOffset() {
            return runOffset;
        }

        @Override
        public int runStride() {
            return stride;
        }

        @Override
        public void cancelRun(int n) {
            used -= n * stride;
        }

        @Override
        public org.agrona.MutableDirectBuffer buffer() {
            return memory;
        }

        @Override
        public void accept(org.agrona.DirectBuffer buffer, int offset, int length) {
            throw new AssertionError("a run target takes every row in place");
        }

        /** The rows written so far, each as its bytes. */
        List<String> drain(int length) {
            for (int at = 8; at < used; at += stride) {
                byte[] r = new byte[length];
                memory.getBytes(at, r);
                rows.add(java.util.Arrays.toString(r));
            }
            used = 0;
            return rows;
        }
    }

    @Test
    void runsWriteTheSameRowsAsSinglePollsAtAnyRateAndPacing() {
        String[][] cases = {
                {"3000", "1", "true"}, {"7", "3", "false"}, {"999999937", "1", "true"}, {"100000", "2", "true"},
                {"1000", "1", "false"}, {"333333", "5", "true"}};
        for (String[] c : cases) {
            ManualClock clock = new ManualClock(ORIGIN, 7_123_456_789L);
            RateContinuousStream stream = stream(clock, "rowsPerSecond", c[0], "numPartitions", c[1], "exactPacing", c[2],
                    "includeIntendedNanoTime", "true");
            ContinuousPartitionReader run = stream.createReader(0, stream.initialOffsets().get(0));
            ContinuousPartitionReader single = stream.createReader(0, stream.initialOffsets().get(0));
            List<String> expected = new ArrayList<>();
            RunTarget target = new RunTarget();
            int length = RowDescriptorLength.W1;
            for (int step = 1; step <= 40; step++) {
                clock.millis = ORIGIN + step * 37L;
                clock.nanos = 7_123_456_789L + step * 37_000_123L;
                run.pollBatch(target, 500);
                target.drain(length);
                for (int n; (n = single.poll((b, o, l) -> {
                    byte[] r = new byte[l];
                    b.getBytes(o, r);
                    expected.add(java.util.Arrays.toString(r));
                }, 1)) > 0 && expected.size() < target.rows.size(); ) {
                    // one row a poll, the reference path
                }
            }
            assertTrue(target.rows.size() >= 3, java.util.Arrays.toString(c) + ": rows were due");
            assertEquals(expected, target.rows, java.util.Arrays.toString(c));
            assertEquals(single.currentOffset().json(), run.currentOffset().json(), java.util.Arrays.toString(c));
        }
    }

    /** Row lengths of the rate source's rows with {@code includeIntendedNanoTime}. */
    private static final class RowDescriptorLength {
        static final int W1 = io.tideway.offheap.row.RowDescriptor.fixedLength(3);
    }
}

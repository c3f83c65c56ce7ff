package io.tideway.sql.execution.streaming;

import io.tideway.engine.source.ContinuousRows;
import io.tideway.engine.source.RowCountPartitionOffset;
import io.tideway.engine.source.SourceRows;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.LongOffset;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryStreamContinuousTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static MemoryStream<Long> memory(int partitions) {
        return new MemoryStream<>(1, null, Encoders.LONG(), partitions);
    }

    private static StructType schema(MemoryStream<Long> m) {
        return m.schema(null, Options.empty());
    }

    private static ContinuousStream continuous(MemoryStream<Long> m) {
        return m.createContinuous(new SourceContext(Options.empty(), schema(m), null, Map.of()));
    }

    private static List<Long> values(List<Row> rows) {
        return rows.stream().map(r -> r.getLong(0)).toList();
    }

    private static List<Long> stripe(long from, long to, int p, int n) {
        return LongStream.range(from, to).filter(i -> i % n == p).boxed().toList();
    }

    @Test
    void rowsAddedWhileReadersPollArriveInOrderPerPartition() throws Exception {
        MemoryStream<Long> m = memory(3);
        ContinuousStream stream = continuous(m);
        assertTrue(m.supportsContinuous());
        int total = 30_000;
        Thread writer = new Thread(() -> {
            long next = 0;
            while (next < total) {
                int chunk = (int) Math.min(total - next, ThreadLocalRandom.current().nextInt(1, 200));
                List<Long> data = new ArrayList<>(chunk);
                for (int i = 0; i < chunk; i++) {
                    data.add(next++);
                }
                m.addData(data);
            }
        }, "memory-writer");
        List<ContinuousPartitionReader> readers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            readers.add(stream.createReader(p, stream.initialOffsets().get(p)));
        }
        writer.start();
        List<List<Long>> got = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        SourceRows.await(() -> {
            for (int p = 0; p < 3; p++) {
                got.get(p).addAll(values(ContinuousRows.poll(readers.get(p), schema(m), 64)));
            }
            return got.stream().mapToInt(List::size).sum() == total;
        }, TIMEOUT, total + " rows");
        writer.join(TIMEOUT.toMillis());
        assertFalse(writer.isAlive());
        for (int p = 0; p < 3; p++) {
            assertEquals(stripe(0, total, p, 3), got.get(p), "partition " + p);
            assertEquals(0, readers.get(p).poll((b, o, l) -> { }, 10));
            assertEquals(new RowCountPartitionOffset(total / 3), readers.get(p).currentOffset());
        }
    }

    @Test
    void restartFromSerializedOffsetsResumesWithNoGapOrRepeat() {
        MemoryStream<Long> m = memory(2);
        ContinuousStream stream = continuous(m);
        m.addData(0L, 1L, 2L, 3L, 4L);
        ContinuousPartitionReader p0 = stream.createReader(0, stream.initialOffsets().get(0));
        ContinuousPartitionReader p1 = stream.createReader(1, stream.initialOffsets().get(1));
        assertEquals(List.of(0L, 2L, 4L), values(ContinuousRows.poll(p0, schema(m), 10)));
        assertEquals(List.of(1L), values(ContinuousRows.poll(p1, schema(m), 1)));
        String line = stream.serializeOffsets(List.of(p0.currentOffset(), p1.currentOffset()));
        assertEquals("{\"0\":3,\"1\":1}", line);

        m.addData(5L, 6L, 7L);
        ContinuousStream restarted = continuous(m);
        List<PartitionOffset> start = restarted.deserializeOffsets(line);
        assertEquals(List.of(new RowCountPartitionOffset(3), new RowCountPartitionOffset(1)), start);
        assertEquals(List.of(6L), values(ContinuousRows.poll(restarted.createReader(0, start.get(0)), schema(m), 10)));
        assertEquals(List.of(3L, 5L, 7L), values(ContinuousRows.poll(restarted.createReader(1, start.get(1)), schema(m), 10)));
    }

    @Test
    void microBatchOffsetMapsToEachPartitionsShareOfTheRows() {
        ContinuousStream three = continuous(memory(3));
        // rows 0..6: p0 has 0,3,6; p1 has 1,4; p2 has 2,5
        assertEquals("{\"0\":3,\"1\":2,\"2\":2}", three.serializeOffsets(three.deserializeOffsets("7")));
        assertEquals("{\"0\":0,\"1\":0,\"2\":0}", three.serializeOffsets(three.deserializeOffsets("0")));
        assertEquals("{\"0\":1,\"1\":0,\"2\":0}", three.serializeOffsets(three.deserializeOffsets("1")));
        assertEquals(three.initialOffsets(), three.deserializeOffsets("0"));

        MemoryStream<Long> m = memory(2);
        m.addData(LongStream.range(0, 8).boxed().toList());
        ContinuousStream two = continuous(m);
        List<PartitionOffset> start = two.deserializeOffsets("5"); // a micro-batch run consumed rows 0..4
        assertEquals(List.of(6L), values(ContinuousRows.poll(two.createReader(0, start.get(0)), schema(m), 10)));
        assertEquals(List.of(5L, 7L), values(ContinuousRows.poll(two.createReader(1, start.get(1)), schema(m), 10)));
    }

    @Test
    void continuousOffsetsResumeMicroBatchAtTheFirstRowAPartitionHadNotEmitted() {
        MemoryStream<Long> m = memory(2);
        m.addData(LongStream.range(0, 10).boxed().toList());
        ContinuousStream stream = continuous(m);
        ContinuousPartitionReader p0 = stream.createReader(0, stream.initialOffsets().get(0));
        ContinuousPartitionReader p1 = stream.createReader(1, stream.initialOffsets().get(1));
        assertEquals(List.of(0L, 2L, 4L, 6L), values(ContinuousRows.poll(p0, schema(m), 4)));
        assertEquals(List.of(1L), values(ContinuousRows.poll(p1, schema(m), 1)));
        String line = stream.serializeOffsets(List.of(p0.currentOffset(), p1.currentOffset())); // {"0":4,"1":1}

        StreamSource source = m.create(null);
        LongOffset start = (LongOffset) source.deserializeOffset(line);
        assertEquals(new LongOffset(3), start, "row 3 (partition 1's next) is the first not emitted");
        List<Long> replayed = SourceRows.collect(source, source.planPartitions(start, new LongOffset(10)), schema(m))
                .stream().flatMap(r -> values(r).stream()).toList();
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L), replayed, "4 and 6 are read again: at-least-once");

        // level partitions hand over exactly; the partition count is the continuous run's, not the stream's
        assertEquals(new LongOffset(10), source.deserializeOffset("{\"0\":5,\"1\":5}"));
        assertEquals(new LongOffset(7), source.deserializeOffset(" {\"1\":2,\"0\":3,\"2\":2} ")); // next: 9, 7, 8
        assertEquals(new LongOffset(0), source.deserializeOffset("{\"0\":0,\"1\":0}"));
        assertEquals(new LongOffset(7), source.deserializeOffset("7"));
        // and back: the micro-batch offset gives each partition its share, nothing skipped
        assertEquals("{\"0\":2,\"1\":1}", stream.serializeOffsets(stream.deserializeOffsets(start.json())));
    }

    @Test
    void badContinuousOffsetsFailTheMicroBatchViewWithAClearMessage() {
        StreamSource source = memory(2).create(null);
        assertThrows(IllegalArgumentException.class, () -> source.deserializeOffset("{}"));
        assertThrows(IllegalArgumentException.class, () -> source.deserializeOffset("{\"0\":1,\"2\":1}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> source.deserializeOffset("{\"0\":-1,\"1\":0}"));
        assertTrue(e.getMessage().contains("partition 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> source.deserializeOffset("{\"0\":" + Long.MAX_VALUE + ",\"1\":0}"));
        assertThrows(IllegalArgumentException.class, () -> source.deserializeOffset("{\"0\":1"));
    }

    @Test
    void badOffsetsFailWithAClearMessage() {
        ContinuousStream three = continuous(memory(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> three.deserializeOffsets("{\"0\":1,\"1\":2}"));
        assertEquals("The previous run contained 2 partitions, but 3 partitions are currently configured."
                + " The numPartitions option cannot be changed.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> three.deserializeOffsets("{\"0\":1,\"1\":2,\"3\":4}"));
        assertThrows(IllegalArgumentException.class, () -> three.deserializeOffsets("{\"0\":-1,\"1\":2,\"2\":4}"));
        assertThrows(IllegalArgumentException.class, () -> three.deserializeOffsets("-3"));
        assertThrows(IllegalArgumentException.class, () -> three.createReader(3, new RowCountPartitionOffset(0)));
    }

    @Test
    void descriptionMatchesTheMicroBatchView() {
        MemoryStream<Long> m = memory(2);
        assertEquals(m.create(null).description(), continuous(m).description());
        assertEquals(2, continuous(m).numPartitions());
    }

    @Test
    void microBatchViewStillSlicesContiguousRanges() {
        MemoryStream<Long> m = memory(2);
        StreamSource source = m.create(null);
        assertNull(source.latestOffset(null, ReadLimit.SOURCE_DEFAULT));
        assertEquals(new LongOffset(4), m.addData(0L, 1L, 2L, 3L));
        assertEquals(new LongOffset(4), source.latestOffset(null, ReadLimit.SOURCE_DEFAULT));
        List<InputPartition> parts = source.planPartitions(null, new LongOffset(4));
        List<List<Row>> rows = SourceRows.collect(source, parts, schema(m));
        assertEquals(List.of(List.of(0L, 1L), List.of(2L, 3L)), rows.stream().map(MemoryStreamContinuousTest::values).toList());
    }

    @Test
    void logGrowsPastItsInitialCapacityWithoutLosingRows() {
        MemoryRowLog log = new MemoryRowLog();
        for (int i = 0; i < 1000; i++) {
            log.append(List.of(new byte[]{(byte) i}));
        }
        assertEquals(1000, log.size());
        byte[][] rows = log.rows();
        for (int i = 0; i < 1000; i++) {
            assertEquals((byte) i, rows[i][0]);
        }
    }
}

package io.tideway.engine.sink;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.encoders.PrimitiveEncoder;
import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Encoders;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ForeachSinkTest {
    private static final StructType SCHEMA = new StructType().add("v", DataTypes.LongType, true).add("s", DataTypes.StringType, true)
            .add("d", DataTypes.DoubleType, true);
    private final GrowableBuffer memory = new GrowableBuffer(128);

    @AfterEach
    void free() {
        memory.close();
        Recorder.SEEN.clear();
        Recorder.KEPT.clear();
        Recorder.COPIES.clear();
    }

    /** Records what process() sees; static because the sink runs serialized copies. */
    public static final class Recorder extends ForeachWriter<Row> {
        private static final long serialVersionUID = 1L;
        static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());
        static final List<Row> KEPT = Collections.synchronizedList(new ArrayList<>());
        static final Set<Object> COPIES = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        private final List<Row> views = new ArrayList<>();

        @Override
        public boolean open(long partitionId, long epochId) {
            COPIES.add(this);
            return true;
        }

        @Override
        public void process(Row row) {
            String v = row.isNullAt(0) ? "null" : Long.toString(row.getLong(0));
            SEEN.add(v + "|" + row.get(0) + "|" + row.getString(1) + "|" + row.get(2) + "|" + row);
            KEPT.add(((ForeachSink.RowView) row).copy());
            views.add(row);
            if (views.size() > 1) {
                assertSame(views.get(0), row, "one view per writer");
            }
        }

        @Override
        public void close(Throwable errorOrNull) {
        }
    }

    private int row(Long v, String s, Double d) {
        RowWriter w = new RowWriter(3).wrap(memory.buffer(), 0, memory);
        if (v == null) {
            w.setNull(0);
        } else {
            w.putLong(0, v);
        }
        if (s == null) {
            w.setNull(1);
        } else {
            w.putBytes(1, s.getBytes(StandardCharsets.UTF_8));
        }
        if (d == null) {
            w.setNull(2);
        } else {
            w.putDouble(2, d);
        }
        return w.finish();
    }

    @Test
    void aRowWriterSeesOneReusedViewWhoseCopiesAreSafeToKeep() {
        ForeachSink<Row> sink = new ForeachSink<>(new Recorder(), new RowEncoder(SCHEMA));
        PartitionWriter writer = sink.createWriter(0, 7);
        writer.accept(memory.buffer(), 0, row(42L, "héllo", 1.5));
        writer.accept(memory.buffer(), 0, row(null, null, null));
        writer.accept(memory.buffer(), 0, row(-1L, "", -0.0));
        writer.commit();
        assertEquals(List.of("42|42|héllo|1.5|[42,héllo,1.5]", "null|null|null|null|[null,null,null]", "-1|-1||-0.0|[-1,,-0.0]"),
                List.copyOf(Recorder.SEEN));
        assertEquals("[[42,héllo,1.5], [null,null,null], [-1,,-0.0]]", Recorder.KEPT.toString());
        sink.stop();
    }

    @Test
    void aNullColumnReadAsAPrimitiveFailsLikeSparks() {
        ForeachSink<Row> sink = new ForeachSink<>(new LongReader(), new RowEncoder(SCHEMA));
        PartitionWriter writer = sink.createWriter(0, 0);
        ForeachUserFunctionException e = assertThrows(ForeachUserFunctionException.class,
                () -> writer.accept(memory.buffer(), 0, row(null, "x", 1.0)));
        assertEquals("[FOREACH_USER_FUNCTION_ERROR] An error occurred in the user provided function in foreach sink. "
                + "Reason: [ROW_VALUE_IS_NULL] Found NULL in a row at the index 0, expected a non-NULL value. SQLSTATE: 22023"
                + " SQLSTATE: 39000", e.getMessage(), "process() failed: Spark wraps it");
        assertEquals(SparkRuntimeException.class, e.getCause().getClass());
        assertEquals("[ROW_VALUE_IS_NULL] Found NULL in a row at the index 0, expected a non-NULL value. SQLSTATE: 22023",
                e.getCause().getMessage());
    }

    @Test
    void everyBatchGetsItsOwnCopyOfTheWriter() {
        ForeachSink<Row> sink = new ForeachSink<>(new Recorder(), new RowEncoder(SCHEMA));
        for (long epoch = 0; epoch < 5; epoch++) {
            for (int p = 0; p < 2; p++) {
                PartitionWriter w = sink.createWriter(p, epoch);
                w.commit();
            }
        }
        assertEquals(10, Recorder.COPIES.size(), "a fresh copy per partition and epoch, ready-made or not");
        sink.stop();
    }

    @Test
    void aContinuousPartitionKeepsOneCopyAcrossEpochsUntilItsTaskFails() {
        ForeachSink<Row> sink = new ForeachSink<>(new Recorder(), new RowEncoder(SCHEMA), true);
        for (long epoch = 0; epoch < 5; epoch++) {
            for (int p = 0; p < 2; p++) {
                PartitionWriter w = sink.createWriter(p, epoch);
                w.accept(memory.buffer(), 0, row(epoch, "e", 0.0)); // one view per copy: asserted in process()
                w.commit();
            }
        }
        assertEquals(2, Recorder.COPIES.size(), "as Spark's long-running continuous task: one copy per partition");
        sink.createWriter(0, 5).abort(); // the task failed: its restart deserializes a fresh copy
        sink.createWriter(0, 5).commit();
        assertEquals(3, Recorder.COPIES.size());
        sink.stop();
    }

    @Test
    void typedWritersStillGetFreshObjects() {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        LongCollector.SINK = seen;
        ForeachSink<Long> sink = new ForeachSink<>(new LongCollector(), (PrimitiveEncoder<Long>) Encoders.LONG());
        PartitionWriter w = sink.createWriter(0, 0);
        RowWriter rw = new RowWriter(1).wrap(memory.buffer(), 0, memory);
        rw.putLong(0, 5L);
        w.accept(memory.buffer(), 0, rw.finish());
        w.commit();
        assertEquals(List.of(5L), seen);
    }

    /** Reads column 0 as a primitive long. */
    public static final class LongReader extends ForeachWriter<Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean open(long partitionId, long epochId) {
            return true;
        }

        @Override
        public void process(Row value) {
            value.getLong(0);
        }

        @Override
        public void close(Throwable errorOrNull) {
        }
    }

    /** Collects longs into a list set by the test. */
    public static final class LongCollector extends ForeachWriter<Long> {
        private static final long serialVersionUID = 1L;
        static List<Long> SINK;

        @Override
        public boolean open(long partitionId, long epochId) {
            return true;
        }

        @Override
        public void process(Long value) {
            SINK.add(value);
        }

        @Override
        public void close(Throwable errorOrNull) {
        }
    }
}

package io.tideway.sql.execution.streaming;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.plan.StreamingRelation;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.LongOffset;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSource;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoder;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source fed from code, for tests and examples, mirroring Spark's {@code MemoryStream}:
 * {@code addData(...)} appends rows; offsets are row counts. Data lives in this object, so a
 * query restarted in the same JVM on the same checkpoint resumes where it stopped. Thread-safe:
 * any thread may add data while a query reads; readers never lock ({@link MemoryRowLog}). In
 * continuous mode partition p reads rows {@code i % numPartitions == p} ({@link MemoryContinuousStream}).
 * Either mode resumes from the other's checkpoint: micro-batch to continuous exactly, continuous to
 * micro-batch at-least-once ({@link MemoryStripes}).
 */
public final class MemoryStream<T> implements SourceProvider {
    private static final AtomicInteger IDS = new AtomicInteger();
    private final int id;
    private final TidewaySession session;
    private final ObjectEncoder<T> encoder;
    private final int numPartitions;
    private final MemoryRowLog rows = new MemoryRowLog();

    public MemoryStream(int id, TidewaySession session, Encoder<T> encoder, int numPartitions) {
        this.id = id;
        this.session = session;
        this.encoder = ObjectEncoder.of(encoder);
        this.numPartitions = numPartitions;
    }

    public MemoryStream(int id, TidewaySession session, Encoder<T> encoder) {
        this(id, session, encoder, 1);
    }

    /** A new stream with a fresh id. */
    public static <T> MemoryStream<T> create(Encoder<T> encoder, TidewaySession session) {
        return new MemoryStream<>(IDS.incrementAndGet(), session, encoder);
    }

    @SafeVarargs
    public final Offset addData(T... data) {
        return addData(Arrays.asList(data));
    }

    /** Appends rows; returns the offset that includes them. */
    public Offset addData(List<T> data) {
        ObjectEncoder.Converter<T> converter = encoder.newConverter();
        ExpandableDirectByteBuffer buf = new ExpandableDirectByteBuffer(128);
        RowWriter w = new RowWriter(encoder.schema().length());
        List<byte[]> encoded = new ArrayList<>(data.size());
        for (T item : data) {
            converter.write(item, w.wrap(buf, 0));
            byte[] bytes = new byte[w.finish()];
            buf.getBytes(0, bytes);
            encoded.add(bytes);
        }
        return new LongOffset(rows.append(encoded));
    }

    public Dataset<T> toDS() {
        StreamingRelation relation = new StreamingRelation(this, "memory", new Options(Map.of("id", Integer.toString(id))),
                encoder.schema());
        return new Dataset<>(session, relation, encoder);
    }

    public Dataset<Row> toDF() {
        return toDS().toDF();
    }

    @Override
    public String shortName() {
        return "memory";
    }

    @Override
    public StructType schema(StructType userSchema, Options options) {
        return encoder.schema();
    }

    @Override
    public boolean supportsContinuous() {
        return true;
    }

    @Override
    public StreamSource create(SourceContext context) {
        return new Source();
    }

    /** Striped over this stream's {@code numPartitions}; see {@link MemoryContinuousStream}. */
    @Override
    public ContinuousStream createContinuous(SourceContext context) {
        return new MemoryContinuousStream(description(), numPartitions, rows);
    }

    private String description() {
        return "MemoryStream[" + String.join(",", encoder.schema().fieldNames()) + "]";
    }

    private record Slice(int index, long from, long to) implements InputPartition {
    }

    /** The micro-batch view of this stream. */
    private final class Source implements StreamSource {
        @Override
        public String description() {
            return MemoryStream.this.description();
        }

        @Override
        public Offset latestOffset(Offset start, ReadLimit limit) {
            int size = rows.size();
            return size == 0 ? null : new LongOffset(size);
        }

        /**
         * A row count, or a continuous run's {@code {"0":c0,"1":c1,...}}: then the query resumes at
         * the first row some partition had not emitted and reads the rows after it again
         * (at-least-once; {@link MemoryStripes#microBatchOffset}).
         */
        @Override
        public Offset deserializeOffset(String json) {
            return MemoryStripes.microBatchOffset(json);
        }

        @Override
        public List<InputPartition> planPartitions(Offset start, Offset end) {
            long from = start == null ? 0 : ((LongOffset) start).value();
            long to = ((LongOffset) end).value();
            List<InputPartition> parts = new ArrayList<>();
            long n = to - from;
            int k = (int) Math.max(1, Math.min(numPartitions, n));
            for (int i = 0; i < k; i++) {
                parts.add(new Slice(i, from + n * i / k, from + n * (i + 1) / k));
            }
            return parts;
        }

        @Override
        public PartitionReader createReader(InputPartition partition) {
            Slice s = (Slice) partition;
            UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
            return new PartitionReader() {
                private long next = s.from;

                @Override
                public int read(RowConsumer out, int maxRows) {
                    if (next >= s.to) {
                        return -1;
                    }
                    byte[][] published = rows.rows(); // rows below s.to were published before s was planned
                    int n = 0;
                    while (next < s.to && n < maxRows) {
                        byte[] row = published[(int) next];
                        view.wrap(row);
                        out.accept(view, 0, row.length);
                        next++;
                        n++;
                    }
                    return n;
                }
            };
        }
    }
}

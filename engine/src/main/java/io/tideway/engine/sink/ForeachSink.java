package io.tideway.engine.sink;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.error.RowErrors;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import io.tideway.offheap.row.RowDescriptor;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code foreach(writer)}: runs the open/process/close lifecycle of copies of the user's
 * {@link ForeachWriter} (made by serialization, as Spark does) on the worker (or task) thread.
 *
 * <p>Micro-batch: each partition of each batch gets a fresh copy, as each Spark task deserializes
 * its own. Copies are made ahead: a partition's first writer also makes the copy for its second,
 * and each {@link #commit} makes every partition's copy for the batch after the next.
 *
 * <p>Continuous: each partition has one copy for as long as its task runs, opened and closed once
 * per epoch — as in Spark, whose long-running continuous task deserializes its writer factory
 * once and creates each epoch's writer from it. A task that fails (its writer is aborted) gets a
 * fresh copy when it restarts. Nothing is deserialized per epoch, on the task thread or the
 * epoch coordinator's.
 *
 * <p>A {@code ForeachWriter<Row>} receives one reused, read-only {@link Row} view per writer
 * copy, pointing at the row being written: the hot path allocates nothing (typed getters such as
 * {@code getLong} read the bytes in place; {@code get(i)} boxes). <b>The row is valid only
 * during {@code process()}</b>, like the {@code InternalRow}s Spark's own data writers receive;
 * a writer that keeps rows beyond the call must keep a copy ({@link RowView#copy()}) or the
 * values it needs. Typed writers ({@code ForeachWriter<Long>}, beans) get fresh objects, as in Spark.
 *
 * <p>Threading: {@link #createWriter} on worker/task threads (concurrently for different
 * partitions); each returned writer belongs to the thread that created it.
 */
public final class ForeachSink<T> implements StreamSink {
    private final byte[] serializedWriter;
    private final ObjectEncoder<T> encoder;
    /** Per partition, a fresh copy of the writer for its next batch, if made ahead. */
    private final Map<Integer, Copy<T>> nextCopies = new ConcurrentHashMap<>();
    /** Partitions that have had a writer: the ones {@link #commit} makes copies for. */
    private final Set<Integer> partitions = ConcurrentHashMap.newKeySet();
    /** Resolves the writer's classes: the context class loader of the first {@link #createWriter} caller. */
    private volatile ClassLoader loader;
    private final boolean continuous;
    /** Continuous mode: each partition's copy, for the life of its task. */
    private final Map<Integer, Copy<T>> taskCopies = new ConcurrentHashMap<>();

    /**
     * A copy of the user's writer with what feeds it: a typed writer's converter, or a
     * {@code ForeachWriter<Row>}'s reused view. Used by one thread at a time.
     */
    private record Copy<T>(ForeachWriter<T> writer, ObjectEncoder.Converter<T> converter, RowView view, RowReader reader) {
    }

    /** A micro-batch foreach sink. */
    public ForeachSink(ForeachWriter<T> writer, ObjectEncoder<T> encoder) {
        this(writer, encoder, false);
    }

    /** @param continuous whether the query runs continuously (one copy per partition, not per epoch) */
    public ForeachSink(ForeachWriter<T> writer, ObjectEncoder<T> encoder, boolean continuous) {
        this.serializedWriter = serialize(writer);
        this.encoder = encoder;
        this.continuous = continuous;
    }

    private static byte[] serialize(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new IllegalArgumentException("The ForeachWriter must be serializable: " + e, e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private ForeachWriter<T> freshCopy(ClassLoader loader) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serializedWriter)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, loader);
            }
        }) {
            return (ForeachWriter<T>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot copy the ForeachWriter: " + e, e);
        }
    }

    private Copy<T> newCopy(ClassLoader classes) {
        ObjectEncoder.Converter<T> converter = encoder instanceof RowEncoder ? null : encoder.newConverter();
        return new Copy<>(freshCopy(classes), converter, converter == null ? new RowView(encoder.schema()) : null,
                new RowReader(encoder.schema().length()));
    }

    /**
     * The copy made ahead for {@code partition}, else one made now. A partition's first call also
     * makes the copy for its next batch (in continuous mode that call is on the query thread).
     */
    private Copy<T> takeCopy(int partition) {
        if (loader == null) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            loader = context != null ? context : ForeachSink.class.getClassLoader();
        }
        if (continuous) {
            return taskCopies.computeIfAbsent(partition, p -> newCopy(loader));
        }
        Copy<T> copy = nextCopies.remove(partition);
        if (copy == null) {
            copy = newCopy(loader); // first batch, or the copy for this batch was not made in time
        }
        if (partitions.add(partition)) {
            nextCopies.putIfAbsent(partition, newCopy(loader));
        }
        return copy;
    }

    @Override
    public String description() {
        return "ForeachSink";
    }

    @Override
    @SuppressWarnings("unchecked")
    public PartitionWriter createWriter(int partition, long batchId) {
        Copy<T> copy = takeCopy(partition);
        ForeachWriter<T> writer = copy.writer();
        ObjectEncoder.Converter<T> converter = copy.converter();
        RowView view = copy.view();
        RowReader reader = copy.reader();
        boolean opened = writer.open(partition, batchId);
        return new PartitionWriter() {
            private boolean closed;

            @Override
            public void accept(DirectBuffer buffer, int offset, int length) {
                if (!opened) {
                    return;
                }
                try {
                    if (view != null) {
                        writer.process((T) view.wrap(buffer, offset, length));
                    } else {
                        writer.process(converter.read(reader.wrap(buffer, offset, length)));
                    }
                } catch (RuntimeException e) {
                    closed = true;
                    writer.close(e);
                    throw Unchecked.raise(ForeachUserFunctionException.ofWriter(e));
                }
            }

            @Override
            public CommitMessage commit() {
                if (!closed) {
                    closed = true;
                    writer.close(null);
                }
                return new CollectedRows(List.of(), 0);
            }

            @Override
            public void abort() {
                if (continuous) {
                    taskCopies.remove(partition, copy); // the task is ending: a restarted one gets a fresh copy
                }
                if (!closed) {
                    closed = true;
                    writer.close(new IllegalStateException("batch " + batchId + " aborted"));
                }
            }
        };
    }

    /** Micro-batch: each partition already closed its writer; makes every partition's copy for the batch after next. */
    @Override
    public void commit(long batchId, List<CommitMessage> messages) {
        ClassLoader classes = loader;
        if (classes == null || continuous) {
            return;
        }
        for (Integer p : partitions) {
            if (!nextCopies.containsKey(p)) {
                try {
                    nextCopies.putIfAbsent(p, newCopy(classes));
                } catch (RuntimeException e) {
                    return; // the task makes its copy itself, where the error reaches the query with its context
                }
            }
        }
    }

    @Override
    public void stop() {
        nextCopies.clear();
        taskCopies.clear();
    }

    /**
     * The {@link Row} a {@code ForeachWriter<Row>} receives: a read-only view of the binary row
     * being written ({@code RowDescriptor} layout), re-pointed for every row, valid only during
     * {@code process()}. Typed getters read in place; {@code get(i)}, {@code toString},
     * {@code equals} and {@link #copy()} decode (and allocate). Owned by the writer's thread.
     */
    public static final class RowView implements Row {
        private static final long serialVersionUID = 1L;
        private final StructType schema;
        private final DataType[] types;
        private final int slotBase;
        private transient DirectBuffer buffer;
        private transient int offset;
        private transient int length;
        private transient RowReader reader;
        private transient RowConverter converter;

        RowView(StructType schema) {
            this.schema = schema;
            this.types = new DataType[schema.length()];
            for (int i = 0; i < types.length; i++) {
                types[i] = schema.apply(i).dataType();
            }
            this.slotBase = RowDescriptor.slotOffset(types.length, 0);
        }

        RowView wrap(DirectBuffer buffer, int offset, int length) {
            if (this.buffer != buffer) {
                this.buffer = buffer; // rows mostly come from one buffer: skip the reference store's GC barrier
            }
            this.offset = offset;
            this.length = length;
            return this;
        }

        /** An immutable copy of the current row, safe to keep after {@code process()} returns. */
        @Override
        public Row copy() {
            if (converter == null) {
                converter = new RowConverter(schema);
                reader = new RowReader(types.length);
            }
            return converter.toRow(reader.wrap(buffer, offset, length));
        }

        @Override
        public int size() {
            return types.length;
        }

        @Override
        public StructType schema() {
            return schema;
        }

        @Override
        public boolean isNullAt(int i) {
            return (buffer.getLong(offset + ((i >>> 6) << 3)) & (1L << (i & 63))) != 0;
        }

        private int slot(int i) {
            return offset + slotBase + (i << 3);
        }

        @Override
        public Object get(int i) {
            if (isNullAt(i)) {
                return null;
            }
            DataType t = types[i];
            if (t == DataTypes.LongType) {
                return buffer.getLong(slot(i));
            } else if (t == DataTypes.IntegerType) {
                return buffer.getInt(slot(i));
            } else if (t == DataTypes.DoubleType) {
                return buffer.getDouble(slot(i));
            } else if (t == DataTypes.BooleanType) {
                return buffer.getByte(slot(i)) != 0;
            } else if (t == DataTypes.StringType) {
                long w = buffer.getLong(slot(i));
                return buffer.getStringWithoutLengthUtf8(offset + RowDescriptor.varOffset(w), RowDescriptor.varLength(w));
            }
            return copy().get(i); // timestamps, dates, binary, arrays, structs: the converter's rules
        }

        @Override
        public long getLong(int i) {
            if (types[i] != DataTypes.LongType) {
                return Row.super.getLong(i);
            }
            checkNotNull(i);
            return buffer.getLong(slot(i));
        }

        @Override
        public int getInt(int i) {
            if (types[i] != DataTypes.IntegerType) {
                return Row.super.getInt(i);
            }
            checkNotNull(i);
            return buffer.getInt(slot(i));
        }

        @Override
        public double getDouble(int i) {
            if (types[i] != DataTypes.DoubleType) {
                return Row.super.getDouble(i);
            }
            checkNotNull(i);
            return buffer.getDouble(slot(i));
        }

        @Override
        public boolean getBoolean(int i) {
            if (types[i] != DataTypes.BooleanType) {
                return Row.super.getBoolean(i);
            }
            checkNotNull(i);
            return buffer.getByte(slot(i)) != 0;
        }

        private void checkNotNull(int i) {
            if (isNullAt(i)) {
                throw RowErrors.valueIsNull(i); // as Row's own getters
            }
        }

        @Override
        public String toString() {
            return copy().toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row && copy().equals(o);
        }

        @Override
        public int hashCode() {
            return copy().hashCode();
        }

        /** Serializing a view (e.g. sending it elsewhere) sends an immutable copy. */
        private Object writeReplace() throws ObjectStreamException {
            return copy();
        }
    }
}

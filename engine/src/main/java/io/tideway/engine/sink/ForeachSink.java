package io.tideway.engine.sink;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.ForeachWriter;
import org.agrona.DirectBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

/**
 * {@code foreach(writer)}: each partition of each batch gets a fresh copy of the user's
 * {@link ForeachWriter} (by serialization, as Spark does) and runs its open/process/close
 * lifecycle on the worker thread.
 */
public final class ForeachSink<T> implements StreamSink {
    private final byte[] serializedWriter;
    private final ObjectEncoder<T> encoder;

    public ForeachSink(ForeachWriter<T> writer, ObjectEncoder<T> encoder) {
        this.serializedWriter = serialize(writer);
        this.encoder = encoder;
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
    private ForeachWriter<T> freshCopy() {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serializedWriter)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader() : ForeachSink.class.getClassLoader());
            }
        }) {
            return (ForeachWriter<T>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot copy the ForeachWriter: " + e, e);
        }
    }

    @Override
    public String description() {
        return "ForeachSink";
    }

    @Override
    public PartitionWriter createWriter(int partition, long batchId) {
        ForeachWriter<T> writer = freshCopy();
        ObjectEncoder.Converter<T> converter = encoder.newConverter();
        RowReader reader = new RowReader(encoder.schema().length());
        boolean opened = writer.open(partition, batchId);
        return new PartitionWriter() {
            private boolean closed;

            @Override
            public void accept(DirectBuffer buffer, int offset, int length) {
                if (!opened) {
                    return;
                }
                try {
                    writer.process(converter.read(reader.wrap(buffer, offset, length)));
                } catch (RuntimeException e) {
                    closed = true;
                    writer.close(e);
                    throw e;
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
                if (!closed) {
                    closed = true;
                    writer.close(new IllegalStateException("batch " + batchId + " aborted"));
                }
            }
        };
    }

    @Override
    public void commit(long batchId, List<CommitMessage> messages) {
        // each partition already closed its writer
    }
}

package io.tideway.microbatch.stateful;

import io.tideway.sql.streaming.StatefulProcessor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * A task's own copy of a {@code transformWithState} processor, made as Spark's tasks make theirs
 * (by serializing the one in the plan): {@code init} sets fields of the copy, so partitions
 * running at once do not share them. Stateless.
 */
final class ProcessorCopies {
    private ProcessorCopies() {
    }

    @SuppressWarnings("unchecked")
    static StatefulProcessor<Object, Object, Object> copy(StatefulProcessor<?, ?, ?> processor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(processor);
        } catch (IOException e) {
            throw new UncheckedIOException("the StatefulProcessor " + processor.getClass().getName() + " cannot be serialized", e);
        }
        try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (StatefulProcessor<Object, Object, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("the StatefulProcessor " + processor.getClass().getName() + " cannot be copied", e);
        }
    }

    /** Resolves classes through the thread's context loader, where the user's classes are. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(java.io.InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall back to the default resolution below
                }
            }
            return super.resolveClass(desc);
        }
    }
}

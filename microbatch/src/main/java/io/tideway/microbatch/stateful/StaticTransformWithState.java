package io.tideway.microbatch.stateful;

import io.tideway.api.java.function.MapFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.encoders.ObjectRows;
import io.tideway.engine.exec.BatchExecutor;
import io.tideway.engine.exec.InitialStates;
import io.tideway.engine.exec.StaticTransformRunner;
import io.tideway.engine.exec.UserFunctionException;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.TransformWithState;
import io.tideway.engine.state.StateStoreProvider;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import org.agrona.ExpandableDirectByteBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code transformWithState} over a static Dataset, as Spark's batch plan: one run of the
 * processor over all the keys (data and initial state) against a state store of its own, in a
 * temporary directory deleted after, as batch 0 of a query whose id is all zeros. Stateless.
 */
public final class StaticTransformWithState implements StaticTransformRunner {
    private static final UUID BATCH_QUERY_ID = new UUID(0, 0);

    @Override
    @SuppressWarnings("unchecked")
    public List<Row> run(TransformWithState node, EvalContext ctx) {
        Map<ByteBuffer, KeyedRows.Group> groups = new LinkedHashMap<>();
        ObjectEncoder.Converter<Object> keys = ((ObjectEncoder<Object>) node.keyEncoder()).newConverter();
        ExpandableDirectByteBuffer scratch = new ExpandableDirectByteBuffer(64);
        MapFunction<Object, Object> keyFunction = node.keyFunction();
        for (Object o : BatchExecutor.collect(node.child(), node.valueEncoder(), ctx)) {
            Object key = UserFunctionException.call(() -> keyFunction.call(o));
            group(groups, keys, node.keyEncoder().schema().length(), scratch, key).values.add(o);
        }
        if (node.initialState() != null) {
            for (InitialStates.Entry e : InitialStates.read(node.initialState(), ctx)) {
                group(groups, keys, node.keyEncoder().schema().length(), scratch, e.key()).initials.add(e.state());
            }
        }
        List<Object> out = new ArrayList<>();
        Path dir = temporaryDirectory();
        try (StateStoreProvider provider = new StateStoreProvider(dir, Integer.MAX_VALUE, 1)) {
            new ProcessorRun(node, provider.load(0), System.currentTimeMillis(), 0L).run(groups, out::add, BATCH_QUERY_ID,
                    UUID.randomUUID(), 0L);
        } finally {
            delete(dir);
        }
        return ObjectRows.toRows(out, (ObjectEncoder<Object>) node.outputEncoder());
    }

    private static KeyedRows.Group group(Map<ByteBuffer, KeyedRows.Group> groups, ObjectEncoder.Converter<Object> keys, int keyFields,
                                         ExpandableDirectByteBuffer scratch, Object key) {
        RowWriter w = new RowWriter(keyFields).wrap(scratch, 0);
        keys.write(key, w);
        byte[] encoded = new byte[w.finish()];
        scratch.getBytes(0, encoded);
        return groups.computeIfAbsent(ByteBuffer.wrap(encoded), k -> new KeyedRows.Group());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("tideway-transform-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for transformWithState's state", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}

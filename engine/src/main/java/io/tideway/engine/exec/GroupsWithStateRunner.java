package io.tideway.engine.exec;

import io.tideway.api.java.function.FlatMapGroupsWithStateFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.encoders.ObjectRows;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.EventTimeWatermark;
import io.tideway.engine.plan.FlatMapGroupsWithState;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructField;
import org.agrona.ExpandableDirectByteBuffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@link FlatMapGroupsWithState} over a static Dataset, as Spark's batch plan does:
 * one call per key with data or an initial state (a cogroup of the two; a key with two initial
 * states fails), each with a fresh {@link GroupStateImpl} holding the key's initial state, if
 * any, and the wall clock as its processing time. Keys group by their encoded value, in order of
 * first appearance (data first). Stateless.
 */
final class GroupsWithStateRunner {
    private GroupsWithStateRunner() {
    }

    /** One key, its values and its initial states. */
    private record Group(Object key, List<Object> values, List<Object> initials) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Row> run(FlatMapGroupsWithState node, EvalContext ctx) {
        ObjectEncoder.Converter<Object> keys = ((ObjectEncoder<Object>) node.keyEncoder()).newConverter();
        int keyFields = node.keyEncoder().schema().length();
        ExpandableDirectByteBuffer scratch = new ExpandableDirectByteBuffer(64);
        Map<ByteBuffer, Group> groups = new LinkedHashMap<>();
        MapFunction<Object, Object> keyFunction = (MapFunction<Object, Object>) node.keyFunction();
        for (Object o : BatchExecutor.collect(node.child(), node.valueEncoder(), ctx)) {
            Object key = UserFunctionException.call(() -> keyFunction.call(o));
            group(groups, keys, keyFields, scratch, key).values.add(o);
        }
        if (node.initialState() != null) {
            for (InitialStates.Entry e : InitialStates.read(node.initialState(), ctx)) {
                group(groups, keys, keyFields, scratch, e.key()).initials.add(e.state());
            }
        }
        boolean watermarkPresent = Arrays.stream(node.child().schema().fields())
                .map(StructField::metadata).anyMatch(m -> m.contains(EventTimeWatermark.DELAY_KEY));
        List<Object> out = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.initials.size() > 1) {
                throw InitialStates.duplicateKey();
            }
            GroupStateImpl<Object> state = new GroupStateImpl<>(g.initials.isEmpty() ? null : g.initials.get(0), node.timeout(),
                    System.currentTimeMillis(), GroupStateImpl.NO_TIMESTAMP, watermarkPresent, false);
            Iterator<Object> values = g.values.iterator();
            if (node.isMapGroups()) {
                out.add(UserFunctionException.call(() -> ((MapGroupsWithStateFunction) node.function()).call(g.key, values, state)));
            } else {
                Iterator<Object> results = UserFunctionException.call(
                        () -> ((FlatMapGroupsWithStateFunction) node.function()).call(g.key, values, state));
                while (results != null && results.hasNext()) {
                    out.add(results.next());
                }
            }
        }
        return ObjectRows.toRows(out, (ObjectEncoder<Object>) node.outputEncoder());
    }

    private static Group group(Map<ByteBuffer, Group> groups, ObjectEncoder.Converter<Object> keys, int keyFields,
                               ExpandableDirectByteBuffer scratch, Object key) {
        RowWriter w = new RowWriter(keyFields).wrap(scratch, 0);
        keys.write(key, w);
        byte[] encoded = new byte[w.finish()];
        scratch.getBytes(0, encoded);
        return groups.computeIfAbsent(ByteBuffer.wrap(encoded), k -> new Group(key, new ArrayList<>(), new ArrayList<>(1)));
    }
}

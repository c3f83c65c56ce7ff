package io.tideway.engine.exec;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.encoders.ObjectRows;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.MapGroups;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import org.agrona.ExpandableDirectByteBuffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a static {@link MapGroups}: reads the child's objects, groups them by their encoded
 * key (so keys group as Spark groups them, by value, whatever the key class's {@code equals}),
 * and runs the group function once per key, in order of each key's first appearance. Stateless.
 */
final class MapGroupsRunner {
    private MapGroupsRunner() {
    }

    /** One key and its values, in input order. */
    private record Group(Object key, List<Object> values) {
    }

    @SuppressWarnings("unchecked")
    static List<Row> run(MapGroups node, EvalContext ctx) {
        List<?> objects = BatchExecutor.collect(node.child(), node.input(), ctx);
        ObjectEncoder.Converter<Object> keys = ((ObjectEncoder<Object>) node.keyEncoder()).newConverter();
        int keyFields = node.keyEncoder().schema().length();
        ExpandableDirectByteBuffer scratch = new ExpandableDirectByteBuffer(64);
        Map<ByteBuffer, Group> groups = new LinkedHashMap<>();
        for (Object o : objects) {
            Object key = UserFunctionException.call(() -> node.key().call(o));
            Object value = node.value() == null ? o : UserFunctionException.call(() -> node.value().call(o));
            RowWriter w = new RowWriter(keyFields).wrap(scratch, 0);
            keys.write(key, w);
            byte[] encoded = new byte[w.finish()];
            scratch.getBytes(0, encoded);
            groups.computeIfAbsent(ByteBuffer.wrap(encoded), k -> new Group(key, new ArrayList<>())).values.add(value);
        }
        List<Object> out = new ArrayList<>();
        for (Group g : groups.values()) {
            Iterator<?> results = UserFunctionException.call(() -> node.groups().call(g.key, g.values.iterator()));
            while (results.hasNext()) {
                out.add(results.next());
            }
        }
        return ObjectRows.toRows(out, (ObjectEncoder<Object>) node.output());
    }
}

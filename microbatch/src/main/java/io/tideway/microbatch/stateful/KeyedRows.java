package io.tideway.microbatch.stateful;

import io.tideway.api.java.function.MapFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.exec.InitialStates;
import io.tideway.engine.exec.UserFunctionException;
import io.tideway.engine.expr.EvalContext;
import io.tideway.offheap.map.Murmur3Hash;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shuffle of the object-keyed stages ({@code [flat]MapGroupsWithState}, {@code transformWithState}).
 * A shuffled row has three fields:
 * <pre>
 *   0 KEY      the key's row (the key encoder's columns)
 *   1 VALUE    an input row; null in a seed row
 *   2 INITIAL  an initial state's row; null in an input row
 * </pre>
 * The map side runs the key function over each input row; the first batch's seed rows carry
 * the initial state. Rows hash by the key's bytes, so both kinds of a key meet in one partition.
 */
final class KeyedRows {
    static final int KEY = 0;
    static final int VALUE = 1;
    static final int INITIAL = 2;
    static final int FIELDS = 3;

    private KeyedRows() {
    }

    /** One key's rows of a batch: its input objects and, in the first batch, its initial states (in order). */
    static final class Group {
        final List<Object> values = new ArrayList<>();
        final List<Object> initials = new ArrayList<>(1);

        /** The key's one initial state, or null; {@code duplicate} when it has several ([flat]MapGroupsWithState refuses them). */
        Object initial(java.util.function.Supplier<RuntimeException> duplicate) {
            if (initials.size() > 1) {
                throw duplicate.get();
            }
            return initials.isEmpty() ? null : initials.get(0);
        }
    }

    /** A partition's rows grouped by the key's bytes, keys in order of first appearance. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<ByteBuffer, Group> group(List<RowArena> input, ObjectEncoder<?> valueEncoder, int valueFields,
                                        ObjectEncoder<?> stateEncoder) {
        ObjectEncoder.Converter values = valueEncoder.newConverter();
        ObjectEncoder.Converter states = stateEncoder == null ? null : stateEncoder.newConverter();
        RowReader pair = new RowReader(FIELDS);
        RowReader valueRow = new RowReader(valueFields);
        RowReader stateRow = stateEncoder == null ? null : new RowReader(stateEncoder.schema().length());
        Map<ByteBuffer, Group> groups = new LinkedHashMap<>();
        for (RowArena a : input) {
            a.forEach((b, o, l) -> {
                pair.wrap(b, o, l);
                byte[] key = new byte[pair.varLength(KEY)];
                b.getBytes(pair.varOffset(KEY), key);
                Group g = groups.computeIfAbsent(ByteBuffer.wrap(key), k -> new Group());
                if (pair.isNullAt(VALUE)) {
                    g.initials.add(states.read(stateRow.wrap(b, pair.varOffset(INITIAL), pair.varLength(INITIAL))));
                } else {
                    g.values.add(values.read(valueRow.wrap(b, pair.varOffset(VALUE), pair.varLength(VALUE))));
                }
            });
        }
        return groups;
    }

    /** Writes the initial state's entries as seed rows into {@code shuffle}. Query thread. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void seed(List<InitialStates.Entry> entries, ObjectEncoder<?> keyEncoder, ObjectEncoder<?> stateEncoder,
                     StatefulStage.Shuffle shuffle) {
        ObjectEncoder.Converter keys = keyEncoder.newConverter();
        ObjectEncoder.Converter states = stateEncoder.newConverter();
        GrowableBuffer keyMemory = new GrowableBuffer(64);
        RowWriter keyWriter = new RowWriter(keyEncoder.schema().length());
        GrowableBuffer stateMemory = new GrowableBuffer(256);
        RowWriter stateWriter = new RowWriter(stateEncoder.schema().length());
        GrowableBuffer pairMemory = new GrowableBuffer(256);
        RowWriter pair = new RowWriter(FIELDS);
        for (InitialStates.Entry e : entries) {
            keyWriter.wrap(keyMemory.buffer(), 0, keyMemory);
            keys.write(e.key(), keyWriter);
            int keyLength = keyWriter.finish();
            stateWriter.wrap(stateMemory.buffer(), 0, stateMemory);
            states.write(e.state(), stateWriter);
            int stateLength = stateWriter.finish();
            pair.wrap(pairMemory.buffer(), 0, pairMemory);
            pair.putBytes(KEY, keyMemory.buffer(), 0, keyLength);
            pair.setNull(VALUE);
            pair.putBytes(INITIAL, stateMemory.buffer(), 0, stateLength);
            shuffle.add(Murmur3Hash.hash(keyMemory.buffer(), 0, keyLength), pairMemory.buffer(), 0, pair.finish());
        }
    }

    /** Runs the key function and sends (key, value, null) rows to the key's partition. One per reader task. */
    static final class MapSide extends RowTimedSide {
        @SuppressWarnings("rawtypes")
        private final ObjectEncoder.Converter values;
        @SuppressWarnings("rawtypes")
        private final ObjectEncoder.Converter keys;
        private final MapFunction<Object, Object> keyFunction;
        private final GrowableBuffer keyMemory = new GrowableBuffer(64);
        private final RowWriter keyWriter;
        private final GrowableBuffer pairMemory = new GrowableBuffer(256);
        private final RowWriter pair = new RowWriter(FIELDS);

        /** @param lateOrdinal the input's watermarked column by which late rows are dropped, or -1 */
        MapSide(EvalContext ctx, StructType input, int lateOrdinal, StatefulStage.Shuffle shuffle, ObjectEncoder<?> valueEncoder,
                ObjectEncoder<?> keyEncoder, MapFunction<Object, Object> keyFunction) {
            super(ctx, input, lateOrdinal, shuffle);
            this.values = valueEncoder.newConverter();
            this.keys = keyEncoder.newConverter();
            this.keyFunction = keyFunction;
            this.keyWriter = new RowWriter(keyEncoder.schema().length());
        }

        @Override
        @SuppressWarnings("unchecked")
        void shuffle(DirectBuffer buffer, int offset, int length) {
            Object value = values.read(in);
            Object key = UserFunctionException.call(() -> keyFunction.call(value));
            keyWriter.wrap(keyMemory.buffer(), 0, keyMemory);
            keys.write(key, keyWriter);
            int keyLength = keyWriter.finish();
            pair.wrap(pairMemory.buffer(), 0, pairMemory);
            pair.putBytes(KEY, keyMemory.buffer(), 0, keyLength);
            pair.putBytes(VALUE, buffer, offset, length);
            pair.setNull(INITIAL);
            out.add(Murmur3Hash.hash(keyMemory.buffer(), 0, keyLength), pairMemory.buffer(), 0, pair.finish());
        }
    }
}

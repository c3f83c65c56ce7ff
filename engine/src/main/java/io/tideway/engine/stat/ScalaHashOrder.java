package io.tideway.engine.stat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A map of counts that lists its keys in the order Spark's Scala 2.13 {@code mutable.HashMap}
 * iterates them: a power-of-two table (16 slots, doubled by any put or update made while it holds
 * {@code threshold - 1} entries, never shrunk) of chains sorted by the improved hash
 * ({@code h ^ (h >>> 16)} of Scala's {@code ##}), ties in insertion order. Values are Spark's
 * internal values: a string key hashes as Spark's {@code UTF8String} (Murmur3, seed 42). Not
 * thread-safe.
 */
final class ScalaHashOrder {
    private final LinkedHashMap<Object, long[]> entries = new LinkedHashMap<>();
    private int slots = 16;
    private long inserted;

    boolean contains(Object key) {
        return entries.containsKey(key);
    }

    int size() {
        return entries.size();
    }

    /** Scala's {@code put}/{@code update}: may grow the table first, even for a key already held. */
    void put(Object key, long count) {
        if (entries.size() + 1 >= (int) (slots * 0.75)) {
            slots *= 2;
        }
        long[] held = entries.get(key);
        if (held != null) {
            held[0] = count;
        } else {
            entries.put(key, new long[] {count, inserted++});
        }
    }

    long get(Object key) {
        return entries.get(key)[0];
    }

    Map<Object, long[]> entries() {
        return entries;
    }

    /** The keys in the Scala map's iteration order. */
    List<Object> keys() {
        int mask = slots - 1;
        List<Map.Entry<Object, long[]>> all = new ArrayList<>(entries.entrySet());
        all.sort(Comparator.<Map.Entry<Object, long[]>>comparingInt(e -> improved(e.getKey()) & mask)
                .thenComparingInt(e -> improved(e.getKey()))
                .thenComparingLong(e -> e.getValue()[1]));
        List<Object> out = new ArrayList<>(all.size());
        for (Map.Entry<Object, long[]> e : all) {
            out.add(e.getKey());
        }
        return out;
    }

    private static int improved(Object key) {
        int h = ScalaHash.of(key);
        return h ^ (h >>> 16);
    }
}

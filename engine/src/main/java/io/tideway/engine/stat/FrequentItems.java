package io.tideway.engine.stat;

import java.util.List;

/**
 * Spark's {@code CollectFrequentItems} for {@code df.stat().freqItems}: the frequent element count
 * of Karp, Schenker and Papadimitriou with at most {@code 1 / support} counters per partition,
 * partitions' counters merged as Spark's final aggregate merges them (each partial buffer
 * serialized and read back in its iteration order first), items listed in the order Spark's Scala
 * map holds them. Null is an item like any other. Not thread-safe.
 */
public final class FrequentItems {
    private final int size;

    public FrequentItems(int size) {
        this.size = size;
    }

    /** The frequent items of one column, given its values cut into Spark's partitions. */
    public List<Object> of(List<List<Object>> partitions) {
        ScalaHashOrder result = new ScalaHashOrder();
        for (List<Object> partition : partitions) {
            ScalaHashOrder partial = new ScalaHashOrder();
            for (Object v : partition) {
                add(partial, v, 1L);
            }
            // the partial buffer crosses the shuffle serialized, read back into a fresh map
            ScalaHashOrder read = new ScalaHashOrder();
            for (Object k : partial.keys()) {
                read.put(k, partial.get(k));
            }
            for (Object k : read.keys()) {
                add(result, k, read.get(k));
            }
        }
        return result.keys();
    }

    private void add(ScalaHashOrder map, Object key, long count) {
        if (map.contains(key)) {
            map.put(key, map.get(key) + count);
        } else if (map.size() < size) {
            map.put(key, count);
        } else {
            long minCount = Long.MAX_VALUE;
            for (long[] v : map.entries().values()) {
                minCount = Math.min(minCount, v[0]);
            }
            if (map.size() == 0) {
                minCount = 0;
            }
            if (count - minCount >= 0) {
                map.put(key, count);
                long min = minCount;
                map.entries().values().removeIf(v -> v[0] <= min);
                for (long[] v : map.entries().values()) {
                    v[0] -= min;
                }
            } else {
                for (long[] v : map.entries().values()) {
                    v[0] -= count;
                }
            }
        }
    }
}

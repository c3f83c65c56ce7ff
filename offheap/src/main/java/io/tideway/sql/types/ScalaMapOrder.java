package io.tideway.sql.types;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order in which Spark's {@code Metadata} lists its keys (and so writes them to JSON): Spark
 * builds it from a Scala {@code mutable.HashMap} converted with {@code toMap}. Up to four keys keep
 * the mutable map's order (16 buckets by the low bits of the improved hash, ascending hash within
 * a bucket, the hash improved as {@code h ^ (h >>> 16)}); more become an immutable CHAMP
 * {@code HashMap}, listed node by node: a node's own entries by their 5-bit hash fragment, then
 * its sub-nodes, fragments taken from Scala's {@code Hashing.improve} of the key's Java hash.
 * Stateless.
 */
final class ScalaMapOrder {
    private static final int SMALL_MAP = 4;
    private static final int BUCKETS = 16;

    private ScalaMapOrder() {
    }

    /** A copy of {@code values} in the order Spark's Metadata lists the same keys. */
    static Map<String, Object> order(Map<String, Object> values) {
        List<String> keys = new ArrayList<>(values.keySet());
        if (keys.size() <= SMALL_MAP) {
            keys.sort(Comparator.comparingInt((String k) -> hash(k) & (BUCKETS - 1)).thenComparingInt(ScalaMapOrder::hash));
        } else {
            keys = champ(keys, 0);
            // (CHAMP fragments come from Scala's other improvement of the hash, improve())
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String k : keys) {
            ordered.put(k, values.get(k));
        }
        return ordered;
    }

    /** The keys of one CHAMP node at {@code shift}: entries alone in their fragment first, then each shared fragment's sub-node. */
    private static List<String> champ(List<String> keys, int shift) {
        if (shift >= 32) {
            return keys; // full hash collision: a collision node keeps insertion order
        }
        TreeMap<Integer, List<String>> byFragment = new TreeMap<>();
        for (String k : keys) {
            byFragment.computeIfAbsent((champHash(k) >>> shift) & 31, f -> new ArrayList<>()).add(k);
        }
        List<String> out = new ArrayList<>();
        byFragment.values().stream().filter(g -> g.size() == 1).forEach(g -> out.add(g.get(0)));
        byFragment.values().stream().filter(g -> g.size() > 1).forEach(g -> out.addAll(champ(g, shift + 5)));
        return out;
    }

    /** Scala's {@code Hashing.improve}, which the immutable {@code HashMap} spreads keys by. */
    private static int champHash(String key) {
        int h = key.hashCode();
        h = h + ~(h << 9);
        h = h ^ (h >>> 14);
        h = h + (h << 4);
        return h ^ (h >>> 10);
    }

    /** Scala's {@code improveHash}, which the mutable {@code HashMap} buckets keys by. */
    private static int hash(String key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }
}

package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Aggregate;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.explode;
import static io.tideway.sql.functions.split;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte-key partial aggregation hands over exactly the partial rows (key row, words, hash, order)
 * the state-store one does, for keys of every length around the 8-byte words it compares by.
 */
class ByteKeyPartialsTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final StructType schema = new StructType().add("k", "string").add("v", "long");

    private Aggregate aggregate(io.tideway.sql.Column... aggs) {
        return (Aggregate) spark.createDataFrame(List.<Row>of(), schema).groupBy("k")
                .agg(aggs[0], java.util.Arrays.copyOfRange(aggs, 1, aggs.length)).logicalPlan();
    }

    @Test
    void picksTheByteKeyTableForOneStringKeyAndFixedWidthAggregates() {
        HashAggregator.PartialSink none = (h, b, o, l) -> { };
        assertInstanceOf(ByteKeyPartials.class, PartialAggregator.create(aggregate(count(lit(1))), new EvalContext(), none));
        assertInstanceOf(StorePartials.class,
                PartialAggregator.create(aggregate(max(col("k"))), new EvalContext(), none));
        Aggregate byLong = (Aggregate) spark.createDataFrame(List.<Row>of(), schema).groupBy("v").count().logicalPlan();
        assertInstanceOf(StorePartials.class, PartialAggregator.create(byLong, new EvalContext(), none));
    }

    @Test
    void handsOverWhatTheStoreDoes() {
        Aggregate agg = aggregate(count(lit(1)), sum("v"), count("v"));
        List<String> fast = new ArrayList<>();
        List<String> store = new ArrayList<>();
        feed(new ByteKeyPartials(agg, new EvalContext(), collect(fast)), 20_000, 7);
        feed(new StorePartials(agg, new EvalContext(), collect(store)), 20_000, 7);
        assertEquals(store, fast);
    }

    @Test
    void earlyHandOversAddUpToTheSameGroups() {
        Aggregate agg = aggregate(count(lit(1)), sum("v"));
        Map<String, long[]> early = new HashMap<>();
        Map<String, long[]> once = new HashMap<>();
        feed(new ByteKeyPartials(agg, new EvalContext(), totals(early), 4096), 20_000, 11);
        feed(new StorePartials(agg, new EvalContext(), totals(once)), 20_000, 11);
        assertEquals(once.keySet(), early.keySet());
        once.forEach((k, v) -> assertEquals(List.of(v[0], v[1]), List.of(early.get(k)[0], early.get(k)[1]), k));
    }

    @Test
    void wordsOfASplitLineGoStraightIntoTheTableAndCountAsTheStoreCounts() {
        StructType text = new StructType().add("value", "string");
        io.tideway.engine.plan.LogicalPlan plan = spark.createDataFrame(List.<Row>of(), text)
                .select(explode(split(col("value"), " ")).as("word")).groupBy("word").count().logicalPlan();
        Aggregate agg = PlanShape.topAggregate(plan);
        io.tideway.engine.plan.LogicalPlan leaf = PlanShape.leaves(plan).get(0);
        List<String> fast = new ArrayList<>();
        List<String> store = new ArrayList<>();
        ByteKeyPartials partials = new ByteKeyPartials(agg, new EvalContext(), collect(fast));
        assertTrue(partials.acceptsValues());
        for (PartialAggregator p : List.of(partials, new StorePartials(agg, new EvalContext(), collect(store)))) {
            Operator entry = ChainBuilder.build(agg.child(), leaf, p, new EvalContext());
            Random random = new Random(3);
            RowScratch in = new RowScratch(1);
            for (int i = 0; i < 2_000; i++) {
                StringBuilder line = new StringBuilder();
                for (int n = random.nextInt(12); n > 0; n--) {
                    line.append(random.nextInt(4) == 0 ? " " : "").append("w".repeat(random.nextInt(10))).append(' ');
                }
                RowWriter w = in.begin();
                if (random.nextInt(100) == 0) {
                    w.setNull(0);
                } else {
                    w.putString(0, line.toString());
                }
                entry.accept(in.buffer, 0, w.finish());
            }
            entry.finish();
        }
        assertEquals(store, fast);
    }

    /** Keys of 0 to 40 characters over a small alphabet, so equal prefixes and equal hashes of words are common; some null. */
    private static void feed(PartialAggregator partials, int rows, long seed) {
        Random random = new Random(seed);
        RowScratch in = new RowScratch(2);
        for (int i = 0; i < rows; i++) {
            RowWriter w = in.begin();
            if (random.nextInt(50) == 0) {
                w.setNull(0);
            } else {
                StringBuilder key = new StringBuilder();
                for (int n = random.nextInt(41); n > 0; n--) {
                    key.append((char) ('a' + random.nextInt(3)));
                }
                if (random.nextInt(10) == 0) {
                    key.append('\u00e9'); // two UTF-8 bytes
                }
                w.putString(0, key.toString());
            }
            if (random.nextInt(5) == 0) {
                w.setNull(1);
            } else {
                w.putLong(1, random.nextInt(1000));
            }
            partials.accept(in.buffer, 0, w.finish());
        }
        partials.finish();
    }

    private static HashAggregator.PartialSink collect(List<String> into) {
        return (hash, b, o, l) -> {
            byte[] bytes = new byte[l];
            b.getBytes(o, bytes);
            into.add(hash + ":" + HexFormat.of().formatHex(bytes));
        };
    }

    /** Adds up each key's first two words (counts and sums here). */
    private static HashAggregator.PartialSink totals(Map<String, long[]> into) {
        RowReader pair = new RowReader(2);
        RowReader key = new RowReader(1);
        return (hash, b, o, l) -> {
            pair.wrap(b, o, l);
            key.wrap(b, pair.varOffset(0), pair.varLength(0));
            String k = key.isNullAt(0) ? "<null>" : key.getString(0);
            long[] t = into.computeIfAbsent(k, x -> new long[2]);
            DirectBuffer words = b;
            t[0] += words.getLong(pair.varOffset(1));
            t[1] += words.getLong(pair.varOffset(1) + 8);
        };
    }
}

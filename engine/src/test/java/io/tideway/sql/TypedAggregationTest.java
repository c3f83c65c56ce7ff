package io.tideway.sql;

import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.expressions.Aggregator;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Aggregator buffers of every kind of encoder, which the conformance cases do not all reach. */
class TypedAggregationTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("typed-agg").getOrCreate();

    /** The distinct strings, in a buffer that only Kryo encodes (a list). */
    static final class Distinct extends Aggregator<String, ArrayList<String>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public ArrayList<String> zero() {
            return new ArrayList<>();
        }

        @Override
        public ArrayList<String> reduce(ArrayList<String> b, String a) {
            if (!b.contains(a)) {
                b.add(a);
            }
            return b;
        }

        @Override
        public ArrayList<String> merge(ArrayList<String> b1, ArrayList<String> b2) {
            for (String s : b2) {
                reduce(b1, s);
            }
            return b1;
        }

        @Override
        public String finish(ArrayList<String> reduction) {
            List<String> sorted = new ArrayList<>(reduction);
            sorted.sort(Comparator.naturalOrder());
            return String.join(",", sorted);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Encoder<ArrayList<String>> bufferEncoder() {
            return (Encoder) Encoders.kryo(ArrayList.class);
        }

        @Override
        public Encoder<String> outputEncoder() {
            return Encoders.STRING();
        }
    }

    @Test
    void kryoBufferOnGroupsAndWholeDataset() {
        Dataset<String> ds = spark.createDataset(List.of("b", "a", "b", "c", "a", "cc"), Encoders.STRING());
        List<Tuple2<Integer, String>> byLength = new ArrayList<>(ds
                .groupByKey((MapFunction<String, Integer>) String::length, Encoders.INT())
                .agg(new Distinct().toColumn()).collectAsList());
        byLength.sort(Comparator.comparing(Tuple2::_1));
        assertEquals("[(1,a,b,c), (2,cc)]", byLength.toString());
        assertEquals(List.of("a,b,c,cc"), ds.select(new Distinct().toColumn()).collectAsList());
    }

    @Test
    void keyAsWidensAndKeepsValues() {
        Dataset<String> ds = spark.createDataset(List.of("x", "yy", "zz"), Encoders.STRING());
        List<Tuple2<Long, Object>> counts = new ArrayList<>(ds
                .groupByKey((MapFunction<String, Integer>) s -> -s.length(), Encoders.INT())
                .keyAs(Encoders.LONG()).count().collectAsList());
        counts.sort(Comparator.comparing(Tuple2::_1));
        assertEquals("[(-2,2), (-1,1)]", counts.toString());
    }
}

package io.tideway.sql;

import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsFunction;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tuples holding beans, and groups keyed by beans without equals: what the conformance cases do not reach. */
class TypedGroupsTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("typed-groups").getOrCreate();

    /** A bean without equals/hashCode: grouping must compare its encoded value, as Spark does. */
    public static class Place implements Serializable {
        private static final long serialVersionUID = 1L;
        private String city;
        private int zone;

        public Place() {
        }

        Place(String city, int zone) {
            this.city = city;
            this.zone = zone;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public int getZone() {
            return zone;
        }

        public void setZone(int zone) {
            this.zone = zone;
        }
    }

    @Test
    void tupleWithABeanRoundTrips() {
        Encoder<Tuple2<String, Place>> enc = Encoders.tuple(Encoders.STRING(), Encoders.bean(Place.class));
        assertEquals("struct<_1:string,_2:struct<city:string,zone:int>>", enc.schema().simpleString());
        List<Tuple2<String, Place>> in = List.of(new Tuple2<>("a", new Place("Oslo", 1)), new Tuple2<>("b", null));
        List<Tuple2<String, Place>> out = spark.createDataset(in, enc).collectAsList();
        assertEquals("a", out.get(0)._1());
        assertEquals("Oslo", out.get(0)._2().getCity());
        assertEquals(1, out.get(0)._2().getZone());
        assertEquals(null, out.get(1)._2());
    }

    @Test
    void beanKeysGroupByValue() {
        Dataset<String> visits = spark.createDataset(List.of("Oslo:1", "Oslo:1", "Bergen:2", "Oslo:3"), Encoders.STRING());
        Dataset<String> counted = visits
                .groupByKey((MapFunction<String, Place>) v -> new Place(v.split(":")[0], Integer.parseInt(v.split(":")[1])),
                        Encoders.bean(Place.class))
                .mapGroups((MapGroupsFunction<Place, String, String>) (k, it) -> {
                    int n = 0;
                    for (; it.hasNext(); it.next()) {
                        n++;
                    }
                    return k.getCity() + k.getZone() + "=" + n;
                }, Encoders.STRING());
        List<String> rows = new ArrayList<>(counted.collectAsList());
        rows.sort(Comparator.naturalOrder());
        assertEquals(List.of("Bergen2=1", "Oslo1=2", "Oslo3=1"), rows);
    }
}

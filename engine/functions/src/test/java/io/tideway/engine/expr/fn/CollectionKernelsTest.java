package io.tideway.engine.expr.fn;

import io.tideway.SparkArrayIndexOutOfBoundsException;
import io.tideway.SparkRuntimeException;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.engine.row.CollectionCodec;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The array and map kernels over encoded values: Spark's results, null handling and errors. */
class CollectionKernelsTest {
    private static final DataType INT = DataTypes.IntegerType;
    private static final DataType STRING = DataTypes.StringType;
    private final CollectionOut out = new CollectionOut();

    private static UnsafeBuffer array(DataType element, Object... values) {
        return new UnsafeBuffer(CollectionCodec.encodeArray(Arrays.asList(values), element));
    }

    private List<Object> result(int len, DataType element) {
        return len < 0 ? null : CollectionCodec.readArray(out.buffer(), 0, len, element);
    }

    private static int n(UnsafeBuffer b) {
        return b.capacity();
    }

    @Test
    void distinctKeepsFirstOccurrencesAndOneNull() {
        UnsafeBuffer a = array(INT, 3, 1, null, 3, null, -1);
        assertEquals(Arrays.asList(3, 1, null, -1), result(ArraySetKernels.distinct(a, 0, n(a), INT, out), INT));
        UnsafeBuffer d = array(DataTypes.DoubleType, Double.NaN, 1.0, Double.NaN);
        assertEquals(Arrays.asList(Double.NaN, 1.0), result(ArraySetKernels.distinct(d, 0, n(d), DataTypes.DoubleType, out),
                DataTypes.DoubleType));
    }

    @Test
    void setsFollowSpark() {
        UnsafeBuffer a = array(INT, 1, null, 1, 4);
        UnsafeBuffer b = array(INT, 4, 4, null);
        assertEquals(Arrays.asList(1, null, 4), result(ArraySetKernels.union(a, 0, n(a), b, 0, n(b), INT, out), INT));
        assertEquals(Arrays.asList(null, 4), result(ArraySetKernels.intersectOrExcept(a, 0, n(a), b, 0, n(b), INT, true, out), INT));
        assertEquals(List.of(1), result(ArraySetKernels.intersectOrExcept(a, 0, n(a), b, 0, n(b), INT, false, out), INT));
        assertEquals(1, ArraySetKernels.overlap(a, 0, n(a), b, 0, n(b), INT));
        UnsafeBuffer c = array(INT, 2);
        assertEquals(-1, ArraySetKernels.overlap(a, 0, n(a), c, 0, n(c), INT), "no common element but a null: null");
    }

    @Test
    void containsIsNullWhenNotFoundBesideANull() {
        UnsafeBuffer s = array(STRING, "x", null, "y");
        UnsafeBuffer y = new UnsafeBuffer("y".getBytes());
        UnsafeBuffer z = new UnsafeBuffer("z".getBytes());
        assertEquals(1, ArraySetKernels.contains(s, 0, n(s), STRING, 0, 0, y, 0, 1, null));
        assertEquals(-1, ArraySetKernels.contains(s, 0, n(s), STRING, 0, 0, z, 0, 1, null));
        assertEquals(3L, ArraySetKernels.position(s, 0, n(s), STRING, 0, 0, y, 0, 1, null));
    }

    @Test
    void elementAtCountsFromOneAndFromTheEnd() {
        UnsafeBuffer a = array(INT, 10, null, 30);
        assertEquals(0, ArrayKernels.elementAt(a, 0, 1, true));
        assertEquals(2, ArrayKernels.elementAt(a, 0, -1, true));
        assertEquals(-1, ArrayKernels.elementAt(a, 0, 2, true), "a null element");
        assertEquals(-1, ArrayKernels.elementAt(a, 0, 4, false));
        assertEquals("INVALID_ARRAY_INDEX_IN_ELEMENT_AT",
                assertThrows(SparkArrayIndexOutOfBoundsException.class, () -> ArrayKernels.elementAt(a, 0, 4, true)).getCondition());
        assertEquals("INVALID_INDEX_OF_ZERO",
                assertThrows(SparkRuntimeException.class, () -> ArrayKernels.elementAt(a, 0, 0, false)).getCondition());
        assertEquals(30L, ArrayKernels.longAt(a, 0, 2, true));
    }

    @Test
    void sortPlacesNullsAsAsked() {
        UnsafeBuffer a = array(INT, 2, null, -1, 3);
        assertEquals(Arrays.asList(null, -1, 2, 3), result(ArrayKernels.sort(a, 0, n(a), INT, true, true, out), INT));
        assertEquals(Arrays.asList(3, 2, -1, null), result(ArrayKernels.sort(a, 0, n(a), INT, false, false, out), INT));
        assertEquals(Arrays.asList(-1, 2, 3, null), result(ArrayKernels.sort(a, 0, n(a), INT, true, false, out), INT));
    }

    @Test
    void sliceFlattenAndSequence() {
        UnsafeBuffer a = array(INT, 1, 2, 3, 4);
        assertEquals(Arrays.asList(3, 4), result(ArrayKernels.slice(a, 0, n(a), -2, 5, INT, out), INT));
        assertThrows(SparkRuntimeException.class, () -> ArrayKernels.slice(a, 0, n(a), 0, 1, INT, out));
        ArrayType inner = DataTypes.createArrayType(INT);
        UnsafeBuffer nested = new UnsafeBuffer(CollectionCodec.encodeArray(List.of(List.of(1), Arrays.asList(2, null)), inner));
        assertEquals(Arrays.asList(1, 2, null), result(ArrayKernels.flatten(nested, 0, n(nested), INT, out), INT));
        assertEquals(List.of(10L, 6L, 2L), result(ArrayKernels.sequence(10, 1, -4, false, out), DataTypes.LongType));
        assertThrows(IllegalArgumentException.class, () -> ArrayKernels.sequence(1, 5, -1, true, out));
    }

    @Test
    void mapsRefuseNullAndDuplicateKeys() {
        MapType type = DataTypes.createMapType(STRING, INT);
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("a", 1);
        m.put("b", null);
        UnsafeBuffer map = new UnsafeBuffer(CollectionCodec.encodeMap(m, type));
        assertEquals(2, MapKernels.count(map, 0));
        UnsafeBuffer a = new UnsafeBuffer("a".getBytes());
        int i = MapKernels.valueIndex(map, 0, n(map), STRING, 0, 0, a, 0, 1, null);
        assertEquals(1L, ArrayKernels.longAt(map, MapKernels.valuesOffset(map, 0), i, true));
        UnsafeBuffer b = new UnsafeBuffer("b".getBytes());
        assertEquals(-1, MapKernels.valueIndex(map, 0, n(map), STRING, 0, 0, b, 0, 1, null), "a null value");
        assertEquals(1, MapKernels.find(map, 0, n(map), STRING, 0, 0, b, 0, 1, null));

        UnsafeBuffer keys = array(STRING, "k", "k");
        UnsafeBuffer values = array(INT, 1, 2);
        assertEquals("DUPLICATED_MAP_KEY", assertThrows(SparkRuntimeException.class, () -> MapKernels.fromArrays(keys, 0,
                n(keys), values, 0, n(values), STRING, INT, out)).getCondition());
        UnsafeBuffer nullKey = array(STRING, "k", null);
        assertEquals("NULL_MAP_KEY", assertThrows(SparkRuntimeException.class, () -> MapKernels.fromArrays(nullKey, 0,
                n(nullKey), values, 0, n(values), STRING, INT, out)).getCondition());
    }

    @Test
    void strToMapSplitsPairsThenKeyAndValue() {
        UnsafeBuffer text = new UnsafeBuffer("a:1,b".getBytes());
        UnsafeBuffer comma = new UnsafeBuffer(",".getBytes());
        UnsafeBuffer colon = new UnsafeBuffer(":".getBytes());
        int len = MapKernels.strToMap(text, 0, n(text), comma, 0, 1, colon, 0, 1, out);
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("a", "1");
        expected.put("b", null);
        assertEquals(expected, CollectionCodec.readMap(out.buffer(), 0, len, DataTypes.createMapType(STRING, STRING)));
    }

    @Test
    void textAndHashOfArrays() {
        ArrayType type = DataTypes.createArrayType(INT);
        UnsafeBuffer a = array(INT, 1, null, 2);
        assertEquals("[1, null, 2]", CollectionText.text(a, 0, n(a), type, SessionZone.of(java.time.ZoneOffset.UTC)));
        // Spark: hash(array(1, 2)) = -222940379
        UnsafeBuffer b = array(INT, 1, 2);
        assertEquals(-222940379, CollectionHash.murmurArray(b, 0, n(b), type, 42));
        assertNull(result(-1, INT));
    }
}

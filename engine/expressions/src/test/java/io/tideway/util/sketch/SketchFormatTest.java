package io.tideway.util.sketch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sketches against bytes and answers Spark 4.0.4's {@code org.apache.spark.util.sketch} gave
 * for the same items (recorded from its jar): the format and the hashing are Spark's.
 */
class SketchFormatTest {
    private static final String SPARK_BLOOM = "0000000100000003000000010a4008021c400203";
    private static final String SPARK_CMS = "000000010000000000000007000000020000000400000000"
            + "5d20ce9a0000000006ff457b"
            + "0000000000000001000000000000000100000000000000020000000000000003"
            + "0000000000000003000000000000000100000000000000000000000000000003";

    @Test
    void bloomFilterWritesSparksBytes() throws IOException {
        BloomFilter b = BloomFilter.create(10, 0.1);
        b.putLong(1L);
        b.putString("spark");
        b.putBinary(new byte[] {1, 2, 3, 4, 5});
        b.put(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.writeTo(out);
        assertEquals(SPARK_BLOOM, HexFormat.of().formatHex(out.toByteArray()));
        assertEquals(0.006591796875, b.expectedFpp());
        assertFalse(b.mightContainLong(2));
        assertFalse(b.mightContain("x"));
        assertTrue(b.mightContain(7L));
        assertEquals(b, BloomFilter.readFrom(HexFormat.of().parseHex(SPARK_BLOOM)));
    }

    @Test
    void bloomFilterMergesAndSizesAsSpark() throws Exception {
        BloomFilter a = BloomFilter.create(100);
        BloomFilter b = BloomFilter.create(100);
        a.putString("x");
        b.putString("y");
        a.mergeInPlace(b);
        assertTrue(a.mightContainString("x") && a.mightContainString("y"));
        assertEquals(24561, BloomFilter.optimalNumOfBits(1000, 4_000_000, 67_108_864));
        assertEquals(729, BloomFilter.optimalNumOfBits(100, 0.03));
        IncompatibleMergeException e = assertThrows(IncompatibleMergeException.class,
                () -> a.mergeInPlace(BloomFilter.create(100, 64L * 1000)));
        assertEquals("Cannot merge bloom filters with different bit size", e.getMessage());
        IOException bad = assertThrows(IOException.class, () -> BloomFilter.readFrom(new byte[] {0, 0, 0, 2}));
        assertEquals("Unexpected Bloom filter version number (2)", bad.getMessage());
    }

    @Test
    void countMinSketchWritesSparksBytes() throws IOException {
        CountMinSketch c = CountMinSketch.create(2, 4, 42);
        c.addString("spark", 3);
        c.addLong(7);
        c.addBinary(new byte[] {9, 8, 7});
        c.add((byte) 1, 2);
        assertEquals(SPARK_CMS, HexFormat.of().formatHex(c.toByteArray()));
        assertEquals(3, c.estimateCount("spark"));
        assertEquals(1, c.estimateCount(7L));
        assertEquals(3, c.estimateCount(5));
        CountMinSketch read = CountMinSketch.readFrom(HexFormat.of().parseHex(SPARK_CMS));
        assertEquals(c, read);
        assertArrayEquals(c.toByteArray(), read.toByteArray());
    }

    @Test
    void countMinSketchMergesOnlyItsOwnKind() throws Exception {
        CountMinSketch a = CountMinSketch.create(0.1, 0.9, 1);
        CountMinSketch b = CountMinSketch.create(0.1, 0.9, 1);
        a.addString("x", 2);
        b.addString("x", 3);
        assertEquals(5, a.mergeInPlace(b).estimateCount("x"));
        assertEquals(20, a.width());
        assertEquals(4, a.depth());
        IncompatibleMergeException e = assertThrows(IncompatibleMergeException.class,
                () -> a.mergeInPlace(CountMinSketch.create(0.1, 0.9, 2)));
        assertEquals("Cannot merge estimators of different seed", e.getMessage());
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> a.addLong(1, -1));
        assertEquals("Negative increments not implemented", neg.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> a.add(1.5));
        assertEquals("Unsupported data type java.lang.Double", type.getMessage());
    }

    @Test
    void descriptorCountsInPlaceAsTheSketchCounts() throws IOException {
        CountMinSketch sketch = CountMinSketch.create(0.05, 0.95, 11);
        org.agrona.ExpandableArrayBuffer bytes = new org.agrona.ExpandableArrayBuffer();
        byte[] empty = sketch.toByteArray();
        bytes.putBytes(0, empty);
        for (long i = -50; i < 200; i += 3) {
            sketch.addLong(i * 1_000_003L);
            CountMinSketchDescriptor.addLong(bytes, 0, i * 1_000_003L);
            byte[] item = SketchItems.utf8("item" + i);
            sketch.addBinary(item);
            CountMinSketchDescriptor.addBinary(bytes, 0, item);
        }
        byte[] inPlace = new byte[empty.length];
        bytes.getBytes(0, inPlace);
        assertArrayEquals(sketch.toByteArray(), inPlace);
    }
}

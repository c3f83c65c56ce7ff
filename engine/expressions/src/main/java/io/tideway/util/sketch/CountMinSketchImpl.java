package io.tideway.util.sketch;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Random;

/** The {@link CountMinSketch} Spark builds. Not thread-safe. */
final class CountMinSketchImpl extends CountMinSketch implements Serializable {
    private static final long serialVersionUID = 1L;

    private int depth;
    private int width;
    private long[][] table;
    private long[] hashA;
    private long totalCount;
    private double eps;
    private double confidence;

    private CountMinSketchImpl() {
    }

    CountMinSketchImpl(int depth, int width, int seed) {
        if (depth <= 0 || width <= 0) {
            throw new IllegalArgumentException("Depth and width must be both positive");
        }
        this.depth = depth;
        this.width = width;
        this.eps = 2.0 / width;
        this.confidence = 1 - 1 / Math.pow(2, depth);
        initTables(seed);
    }

    CountMinSketchImpl(double eps, double confidence, int seed) {
        if (eps <= 0D) {
            throw new IllegalArgumentException("Relative error must be positive");
        }
        if (confidence <= 0D || confidence >= 1D) {
            throw new IllegalArgumentException("Confidence must be within range (0.0, 1.0)");
        }
        this.eps = eps;
        this.confidence = confidence;
        this.width = (int) Math.ceil(2 / eps);
        this.depth = (int) Math.ceil(-Math.log(1 - confidence) / Math.log(2));
        initTables(seed);
    }

    private void initTables(int seed) {
        table = new long[depth][width];
        hashA = new long[depth];
        Random r = new Random(seed);
        for (int i = 0; i < depth; i++) {
            hashA[i] = r.nextInt(Integer.MAX_VALUE);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof CountMinSketchImpl that
                && depth == that.depth && width == that.width && totalCount == that.totalCount
                && Arrays.equals(hashA, that.hashA) && Arrays.deepEquals(table, that.table);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(totalCount);
        h = h * 31 + depth;
        h = h * 31 + width;
        h = h * 31 + Arrays.hashCode(hashA);
        return h * 31 + Arrays.deepHashCode(table);
    }

    @Override
    public double relativeError() {
        return eps;
    }

    @Override
    public double confidence() {
        return confidence;
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public long totalCount() {
        return totalCount;
    }

    @Override
    public void add(Object item) {
        add(item, 1);
    }

    @Override
    public void add(Object item, long count) {
        if (item instanceof String s) {
            addString(s, count);
        } else if (item instanceof byte[] b) {
            addBinary(b, count);
        } else {
            addLong(SketchItems.integralToLong(item), count);
        }
    }

    @Override
    public void addString(String item) {
        addString(item, 1);
    }

    @Override
    public void addString(String item, long count) {
        addBinary(SketchItems.utf8(item), count);
    }

    @Override
    public void addLong(long item) {
        addLong(item, 1);
    }

    @Override
    public void addLong(long item, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("Negative increments not implemented");
        }
        for (int i = 0; i < depth; i++) {
            table[i][hash(item, i)] += count;
        }
        totalCount += count;
    }

    @Override
    public void addBinary(byte[] item) {
        addBinary(item, 1);
    }

    @Override
    public void addBinary(byte[] item, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("Negative increments not implemented");
        }
        int h1 = SketchHash.hashBytes(item, 0);
        int h2 = SketchHash.hashBytes(item, h1);
        for (int i = 0; i < depth; i++) {
            table[i][bucket(h1, h2, i)] += count;
        }
        totalCount += count;
    }

    private int hash(long item, int row) {
        return CountMinSketchDescriptor.longBucket(hashA[row], item, width);
    }

    private int bucket(int h1, int h2, int row) {
        return CountMinSketchDescriptor.binaryBucket(h1, h2, row, width);
    }

    @Override
    public long estimateCount(Object item) {
        if (item instanceof String s) {
            return estimateBinary(SketchItems.utf8(s));
        }
        if (item instanceof byte[] b) {
            return estimateBinary(b);
        }
        long l = SketchItems.integralToLong(item);
        long res = Long.MAX_VALUE;
        for (int i = 0; i < depth; i++) {
            res = Math.min(res, table[i][hash(l, i)]);
        }
        return res;
    }

    private long estimateBinary(byte[] item) {
        int h1 = SketchHash.hashBytes(item, 0);
        int h2 = SketchHash.hashBytes(item, h1);
        long res = Long.MAX_VALUE;
        for (int i = 0; i < depth; i++) {
            res = Math.min(res, table[i][bucket(h1, h2, i)]);
        }
        return res;
    }

    @Override
    public CountMinSketch mergeInPlace(CountMinSketch other) throws IncompatibleMergeException {
        if (other == null) {
            throw new IncompatibleMergeException("Cannot merge null estimator");
        }
        if (!(other instanceof CountMinSketchImpl that)) {
            throw new IncompatibleMergeException("Cannot merge estimator of class " + other.getClass().getName());
        }
        if (depth != that.depth) {
            throw new IncompatibleMergeException("Cannot merge estimators of different depth");
        }
        if (width != that.width) {
            throw new IncompatibleMergeException("Cannot merge estimators of different width");
        }
        if (!Arrays.equals(hashA, that.hashA)) {
            throw new IncompatibleMergeException("Cannot merge estimators of different seed");
        }
        for (int i = 0; i < depth; i++) {
            for (int j = 0; j < width; j++) {
                table[i][j] += that.table[i][j];
            }
        }
        totalCount += that.totalCount;
        return this;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(Version.V1.getVersionNumber());
        data.writeLong(totalCount);
        data.writeInt(depth);
        data.writeInt(width);
        for (long a : hashA) {
            data.writeLong(a);
        }
        for (long[] row : table) {
            for (long counter : row) {
                data.writeLong(counter);
            }
        }
        data.flush();
    }

    @Override
    public byte[] toByteArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    static CountMinSketchImpl read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int version = data.readInt();
        if (version != Version.V1.getVersionNumber()) {
            throw new IOException("Unexpected Count-Min Sketch version number (" + version + ")");
        }
        CountMinSketchImpl sketch = new CountMinSketchImpl();
        sketch.totalCount = data.readLong();
        sketch.depth = data.readInt();
        sketch.width = data.readInt();
        sketch.eps = 2.0 / sketch.width;
        sketch.confidence = 1 - 1 / Math.pow(2, sketch.depth);
        sketch.hashA = new long[sketch.depth];
        for (int i = 0; i < sketch.depth; i++) {
            sketch.hashA[i] = data.readLong();
        }
        sketch.table = new long[sketch.depth][sketch.width];
        for (int i = 0; i < sketch.depth; i++) {
            for (int j = 0; j < sketch.width; j++) {
                sketch.table[i][j] = data.readLong();
            }
        }
        return sketch;
    }
}

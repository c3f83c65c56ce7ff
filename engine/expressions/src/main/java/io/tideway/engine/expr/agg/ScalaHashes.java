package io.tideway.engine.expr.agg;

/**
 * Scala's {@code ##} of numbers, which Spark's Scala hash sets and maps use to place values: numbers
 * hash cooperatively, so a whole double or long that fits an int hashes as that int, and one that
 * a narrower type holds exactly as that type. The orders Spark lists set elements and map keys in
 * follow from it. Stateless.
 */
public final class ScalaHashes {
    private ScalaHashes() {
    }

    /** Scala's {@code ##} of a long: the int itself when it fits in one. */
    public static int longHash(long v) {
        return v == (int) v ? (int) v : Long.hashCode(v);
    }

    /** Scala's {@code ##} of a double: as an int, a long or a float when it is exactly one. */
    public static int doubleHash(double v) {
        if ((int) v == v) {
            return (int) v;
        }
        if ((long) v == v) {
            return Long.hashCode((long) v);
        }
        return (float) v == v ? Float.hashCode((float) v) : Double.hashCode(v);
    }

    /** Scala's {@code ##} of a float: as an int or a long when it is exactly one. */
    public static int floatHash(float f) {
        if ((int) f == f) {
            return (int) f;
        }
        long l = (long) f;
        return l == f ? Long.hashCode(l) : Float.hashCode(f);
    }
}

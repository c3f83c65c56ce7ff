package io.tideway.util.sketch;

import java.nio.charset.StandardCharsets;

/** How the sketches read an item given as an object, as Spark's sketch {@code Utils}. Stateless. */
final class SketchItems {
    private SketchItems() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code Long}, {@code Integer}, {@code Short} or {@code Byte} as a long; Spark's message for anything else. */
    static long integralToLong(Object item) {
        if (item instanceof Long l) {
            return l;
        }
        if (item instanceof Integer i) {
            return i;
        }
        if (item instanceof Short s) {
            return s;
        }
        if (item instanceof Byte b) {
            return b;
        }
        throw new IllegalArgumentException("Unsupported data type " + item.getClass().getName());
    }
}

package io.tideway.engine.stat;

import io.tideway.engine.expr.agg.ScalaHashes;
import io.tideway.engine.expr.fn.HashKernels;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Scala's {@code ##} of a value as Spark holds it inside a row: numbers hash cooperatively (a
 * whole double or long that fits an int hashes as that int), a string as Spark's
 * {@code UTF8String.hashCode} (Murmur3 x86 32 of its UTF-8 bytes, seed 42), null as 0. Stateless.
 */
final class ScalaHash {
    private ScalaHash() {
    }

    static int of(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Long l) {
            return ScalaHashes.longHash(l);
        }
        if (v instanceof Double d) {
            return ScalaHashes.doubleHash(d);
        }
        if (v instanceof Float f) {
            return ScalaHashes.floatHash(f);
        }
        if (v instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            return HashKernels.murmurBytes(new UnsafeBuffer(utf8), 0, utf8.length, 42);
        }
        return v.hashCode();
    }
}

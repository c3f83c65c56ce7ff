package io.tideway.engine.expr.fn;

import io.tideway.SparkException;
import io.tideway.SparkRuntimeException;
import io.tideway.engine.expr.BytesOut;
import io.tideway.sql.types.DataType;
import io.tideway.types.variant.Variant;
import io.tideway.types.variant.VariantDuplicateKeyException;
import io.tideway.types.variant.VariantKind;
import io.tideway.types.variant.VariantLayout;
import io.tideway.types.variant.VariantSizeLimitException;
import io.tideway.types.variant.VariantWriter;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The row-level code of the variant functions, called by generated code: a variant argument is
 * its field bytes ({@link VariantLayout}) at {@code (b, off, len)}; a variant result is written
 * into a {@link BytesOut} in the same layout. Stateless.
 */
public final class VariantKernels {
    private VariantKernels() {
    }

    /**
     * {@code parse_json}/{@code try_parse_json}: the variant of a JSON text; -1 (null) for text
     * that is not JSON when {@code failOnError} is false, else Spark's
     * {@code MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION}.
     */
    public static int parseJson(DirectBuffer b, int off, int len, boolean failOnError, boolean allowDuplicateKeys, BytesOut out) {
        String text = b.getStringWithoutLengthUtf8(off, len);
        VariantWriter w;
        try {
            w = VariantJsonParser.parse(text, allowDuplicateKeys);
        } catch (VariantSizeLimitException e) {
            if (!failOnError) {
                return -1;
            }
            throw new SparkRuntimeException("VARIANT_SIZE_LIMIT", Map.of("sizeLimit", "16.0 MiB",
                    "functionName", "`parse_json`"));
        } catch (java.io.IOException | RuntimeException e) {
            if (!failOnError) {
                return -1;
            }
            Throwable cause = e instanceof VariantDuplicateKeyException d
                    ? new SparkRuntimeException("VARIANT_DUPLICATE_KEY", Map.of("key", d.key())) : e;
            throw io.tideway.engine.error.Unchecked.raise(new SparkException("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
                    Map.of("badRecord", text, "failFastMode", "FAILFAST"), cause));
        }
        return write(w.value(), w.metadata(), out);
    }

    /** Writes a variant's field bytes into {@code out}; returns their length. */
    static int write(byte[] value, byte[] metadata, BytesOut out) {
        return out.reset().append(VariantLayout.encode(value, metadata)).length();
    }

    /** The variant at {@code (b, off, len)}. */
    public static Variant read(DirectBuffer b, int off, int len) {
        return VariantLayout.read(b, off, len);
    }

    /** {@code to_json(variant)} and a cast to string: the JSON text, timestamps in the session zone. */
    public static int toJson(DirectBuffer b, int off, int len, SessionZone zone, BytesOut out) {
        return out.reset().append(read(b, off, len).toJson(zone.id()).getBytes(StandardCharsets.UTF_8)).length();
    }

    /** {@code is_variant_null}: whether the value is a JSON null (a SQL NULL is not). */
    public static boolean isVariantNull(DirectBuffer b, int off, int len) {
        return read(b, off, len).kind() == VariantKind.NULL;
    }

    /** {@code schema_of_variant}. */
    public static int schemaOf(DirectBuffer b, int off, int len, BytesOut out) {
        return out.reset().append(VariantSchema.of(read(b, off, len))).length();
    }

    /** A parsed path for a call site, as generated code keeps it. */
    public static Object path(String path, String function) {
        return VariantPath.parse(path, function);
    }

    /**
     * {@code variant_get}: the value at {@code path} cast to {@code to} (see {@link VariantCasts}),
     * or null where the path finds nothing.
     */
    public static Object get(DirectBuffer b, int off, int len, Object path, DataType to, boolean failOnError, SessionZone zone) {
        Variant v = ((VariantPath) path).apply(read(b, off, len));
        return v == null ? null : VariantCasts.cast(v, to, failOnError, zone);
    }

    /** {@code variant_get} with a path computed per row. */
    public static Object get(DirectBuffer b, int off, int len, DirectBuffer pb, int poff, int plen, String function,
                             DataType to, boolean failOnError, SessionZone zone) {
        return get(b, off, len, VariantPath.parse(pb.getStringWithoutLengthUtf8(poff, plen), function), to, failOnError, zone);
    }

    /** A cast of a variant (no path), as {@code CAST(v AS t)} ({@code failOnError}) or {@code try_cast}. */
    public static Object cast(DirectBuffer b, int off, int len, DataType to, boolean failOnError, SessionZone zone) {
        return VariantCasts.cast(read(b, off, len), to, failOnError, zone);
    }
}

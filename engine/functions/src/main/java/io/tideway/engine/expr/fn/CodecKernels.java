package io.tideway.engine.expr.fn;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The encoding functions' implementations: base64, hex, charsets, digests (md5, sha1, sha2,
 * crc32) and to_binary's formats. Stateless.
 */
public final class CodecKernels {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The charsets encode and decode accept, as Spark 4 lists them. */
    private static final Set<String> CHARSETS = Set.of("us-ascii", "iso-8859-1", "utf-8", "utf-16be", "utf-16le", "utf-16",
            "utf-32");

    private CodecKernels() {
    }

    /**
     * Base64 of the bytes; {@code chunked} (Spark 4's {@code spark.sql.chunkBase64String.enabled})
     * breaks it into lines of 76 characters joined by CRLF, as commons-codec's chunked encoder.
     */
    public static int base64(DirectBuffer b, int off, int len, boolean chunked, BytesOut out) {
        byte[] in = new byte[len];
        b.getBytes(off, in);
        return out.reset().append((chunked ? Base64.getMimeEncoder() : Base64.getEncoder()).encode(in)).length();
    }

    /** Lenient base64 decoding, as Spark's (commons-codec): characters outside the alphabet are skipped, padding is optional. */
    public static int unbase64(DirectBuffer b, int off, int len, BytesOut out) {
        out.reset();
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < len; i++) {
            int v = base64Value(b.getByte(off + i));
            if (v < 0) {
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.append((byte) (acc >> bits));
                acc &= (1 << bits) - 1;
            }
        }
        return out.length();
    }

    private static int base64Value(byte c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
    }

    /** Upper-case hex of the bytes. */
    public static int hex(DirectBuffer b, int off, int len, BytesOut out) {
        return hexOf(b, off, len, HEX, out);
    }

    /** Upper-case hex of a bigint's 64 bits, without leading zeros. */
    public static int hexLong(long v, BytesOut out) {
        out.reset().append(Long.toHexString(v).toUpperCase(Locale.ROOT));
        return out.length();
    }

    private static int hexOf(DirectBuffer b, int off, int len, byte[] digits, BytesOut out) {
        out.reset().ensure(2 * len);
        for (int i = 0; i < len; i++) {
            int x = b.getByte(off + i) & 0xFF;
            out.append(digits[x >> 4]).append(digits[x & 0xF]);
        }
        return out.length();
    }

    /** The bytes of a hex string (an odd length gets a leading 0), or null (-1) for a non-hex character. */
    public static int unhex(DirectBuffer b, int off, int len, BytesOut out) {
        out.reset();
        int i = 0;
        if ((len & 1) == 1) {
            int lo = Character.digit(b.getByte(off), 16);
            if (lo < 0) {
                return -1;
            }
            out.append((byte) lo);
            i = 1;
        }
        for (; i < len; i += 2) {
            int hi = Character.digit(b.getByte(off + i), 16);
            int lo = Character.digit(b.getByte(off + i + 1), 16);
            if (hi < 0 || lo < 0) {
                return -1;
            }
            out.append((byte) (hi << 4 | lo));
        }
        return out.length();
    }

    /** encode(str, charset); unencodable text is {@code MALFORMED_CHARACTER_CODING}. */
    public static int encode(DirectBuffer b, int off, int len, DirectBuffer c, int cOff, int cLen, BytesOut out) {
        Charset cs = charset(c, cOff, cLen, "encode");
        try {
            ByteBuffer bytes = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(StringKernels.string(b, off, len)));
            byte[] a = new byte[bytes.remaining()];
            bytes.get(a);
            if (cs.name().equals("UTF-16") && len > 0) { // Java's UTF-16 encoder writes the byte-order mark Spark keeps
                return out.reset().append(a).length();
            }
            return out.reset().append(a).length();
        } catch (CharacterCodingException e) {
            throw malformed("encode", cs);
        }
    }

    /** decode(bin, charset); undecodable bytes are {@code MALFORMED_CHARACTER_CODING}. */
    public static int decode(DirectBuffer b, int off, int len, DirectBuffer c, int cOff, int cLen, BytesOut out) {
        Charset cs = charset(c, cOff, cLen, "decode");
        byte[] in = new byte[len];
        b.getBytes(off, in);
        try {
            String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in)).toString();
            return out.reset().append(s).length();
        } catch (CharacterCodingException e) {
            throw malformed("decode", cs);
        }
    }

    private static Charset charset(DirectBuffer c, int off, int len, String function) {
        String name = StringKernels.string(c, off, len);
        if (!CHARSETS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new SparkIllegalArgumentException("INVALID_PARAMETER_VALUE.CHARSET", Map.of("parameter",
                    ErrorParams.id("charset"), "functionName", ErrorParams.id(function), "charsets",
                    "iso-8859-1, us-ascii, utf-16, utf-16be, utf-16le, utf-32, utf-8", "charset", name));
        }
        return Charset.forName(name);
    }

    private static RuntimeException malformed(String function, Charset cs) {
        return new SparkRuntimeException("MALFORMED_CHARACTER_CODING", Map.of("function", ErrorParams.id(function),
                "charset", cs.name()));
    }

    /** md5 ("MD5"), sha1 ("SHA-1") or sha2 of the bytes, as lower-case hex. */
    public static int digest(String algorithm, DirectBuffer b, int off, int len, BytesOut out) {
        byte[] in = new byte[len];
        b.getBytes(off, in);
        try {
            byte[] d = MessageDigest.getInstance(algorithm).digest(in);
            return hexOf(new org.agrona.concurrent.UnsafeBuffer(d), 0, d.length, HEX_LOWER, out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }

    /** sha2 with {@code bits} 224, 256 (or 0), 384 or 512; any other length is null (-1). */
    public static int sha2(DirectBuffer b, int off, int len, long bits, BytesOut out) {
        String algorithm = bits == 224 ? "SHA-224" : bits == 256 || bits == 0 ? "SHA-256" : bits == 384 ? "SHA-384"
                : bits == 512 ? "SHA-512" : null;
        return algorithm == null ? -1 : digest(algorithm, b, off, len, out);
    }

    public static long crc32(DirectBuffer b, int off, int len) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < len; i++) {
            crc.update(b.getByte(off + i));
        }
        return crc.getValue();
    }

    /**
     * to_binary(str, fmt) for fmt 'hex', 'utf-8'/'utf8' or 'base64' (the format was checked at
     * analysis); malformed hex is {@code CONVERSION_INVALID_INPUT}, or null (-1) for try_to_binary.
     */
    public static int toBinary(DirectBuffer b, int off, int len, String fmt, boolean tryMode, BytesOut out) {
        switch (fmt) {
            case "hex": {
                int n = unhex(b, off, len, out);
                if (n < 0 && !tryMode) {
                    throw new SparkIllegalArgumentException("CONVERSION_INVALID_INPUT", Map.of("str",
                            ErrorParams.value(StringKernels.string(b, off, len)), "fmt", "'HEX'", "targetType", "\"BINARY\"",
                            "suggestion", "`try_to_binary`"));
                }
                return n;
            }
            case "base64":
                return unbase64(b, off, len, out);
            default:
                return out.reset().append(b, off, len).length();
        }
    }
}

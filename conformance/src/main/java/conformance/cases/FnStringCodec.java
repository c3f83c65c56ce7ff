package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * String functions, part 3: bytes and digests. base64/unbase64, encode/decode, hex/unhex,
 * md5/sha1/sha2/crc32, hash (Murmur3, seed 42) and xxhash64, to_binary, to_char. Binary results
 * print as {@code 0x..}.
 */
public final class FnStringCodec {
    private FnStringCodec() {
    }

    @Case
    public static void base64RoundTrip(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, base64(col("s")), base64(col("t")), unbase64(base64(col("s"))), unbase64(lit("U3Bhcms=")),
                base64(lit(new byte[] {0, -1, 16})));
        showExpr(ctx, df, "base64(s)", "base64(X'00FF10')", "base64('')", "unbase64('U3Bhcms=')",
                "cast(unbase64(base64(s)) AS STRING)", "unbase64('U3Bhcms')", "unbase64('U3Bh cms=')", "unbase64('***')",
                "unbase64('')", "base64(i)", "base64(b)", "unbase64(null)", "base64()");
    }

    @Case
    public static void encodeDecodeCharsets(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, encode(col("s"), "UTF-8"), encode(col("t"), "UTF-16BE"), decode(encode(col("s"), "UTF-8"), "UTF-8"),
                decode(lit(new byte[] {0x41, (byte) 0xE9}), "ISO-8859-1"), encode(col("t"), "ISO-8859-1"));
        showExpr(ctx, df, "encode(s, 'utf-8')", "encode(t, 'UTF-16')", "encode(t, 'UTF-16LE')", "encode(s, 'US-ASCII')",
                "decode(X'537061726B', 'UTF-8')", "decode(X'C39F', 'utf-8')", "decode(X'FF', 'UTF-8')",
                "decode(X'FF', 'US-ASCII')", "encode(s, 'NOPE')", "decode(X'41', 'NOPE')", "encode(s, null)",
                "encode(i, 'UTF-8')", "decode(s, 'UTF-8')", "encode(s)");
    }

    @Case
    public static void decodeAsCaseExpression(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "decode(t, 'a', 'A', 'l', 'L', 'other')", "decode(t, 'a', 'A')", "decode(i, 1, 'one', -7, 'minus seven')",
                "decode(t, null, 'was null', 'not null')", "decode(i, 1, 'one', 2)");
    }

    @Case
    public static void hexAndUnhex(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, hex(col("i")), hex(col("l")), hex(col("s")), hex(col("t")), unhex(hex(col("s"))), unhex(lit("537061726B")));
        showExpr(ctx, df, "hex(i)", "hex(l)", "hex(-1)", "hex(s)", "hex(X'0AFF')", "hex(d)", "hex(b)", "hex(dt)",
                "unhex('537061726b')", "unhex('123')", "unhex('GG')", "unhex('')", "unhex(null)",
                "cast(unhex(hex(s)) AS STRING)", "unhex(i)", "hex()");
    }

    @Case
    public static void digestsMd5Sha1Crc32(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, md5(col("s")), sha1(col("s")), crc32(col("s")), md5(lit(new byte[0])), crc32(lit(new byte[] {1, 2, 3})));
        showExpr(ctx, df, "md5(s)", "md5('')", "md5(X'00')", "sha1(s)", "sha(s)", "sha1('')", "crc32(s)", "crc32('')",
                "crc32(X'FF')", "md5(null)", "md5(i)", "sha1(d)", "crc32(b)", "md5()");
    }

    @Case
    public static void sha2BitLengths(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "Spark", "", null, "ß");
        show(ctx, df, sha2(col("s"), 224), sha2(col("s"), 256), sha2(col("s"), 384), sha2(col("s"), 512), sha2(col("s"), 0));
        try {
            show(ctx, df, sha2(col("s"), 100));
        } catch (Exception e) {
            ctx.println("sha2(col, 100) in Java: " + Canonical.error(e));
        }
        showExpr(ctx, df, "sha2(s, 256)", "sha2(s, 0)", "sha2(s, 100)", "sha2(s, null)", "sha2(s, '256')", "sha2(s)",
                "sha2(1, 256)");
    }

    @Case
    public static void murmurHashOfEveryType(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, hash(col("i")), hash(col("l")), hash(col("d")), hash(col("s")), hash(col("b")), hash(col("ts")),
                hash(col("dt")), hash(col("i"), col("s")), hash(lit((String) null)), hash(col("t"), col("i"), col("d")));
        showExpr(ctx, df, "hash(s)", "hash(i, l, d, s, t, b, ts, dt)", "hash(null)", "hash(0)", "hash(0L)", "hash(0.0D)",
                "hash(-0.0D)", "hash('')", "hash(X'')", "hash(1.5)", "hash(array(1, 2))", "hash(map('a', 1))", "hash()");
    }

    @Case
    public static void xxhash64OfEveryType(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, xxhash64(col("i")), xxhash64(col("l")), xxhash64(col("d")), xxhash64(col("s")), xxhash64(col("b")),
                xxhash64(col("ts")), xxhash64(col("dt")), xxhash64(col("i"), col("s")), xxhash64(lit((String) null)));
        showExpr(ctx, df, "xxhash64(s)", "xxhash64(i, l, d, s, t, b, ts, dt)", "xxhash64(null)", "xxhash64(0)",
                "xxhash64(-0.0D)", "xxhash64('')", "xxhash64(1.5)", "xxhash64(array('a'))", "xxhash64()");
    }

    @Case
    public static void hashOfNanAndInfinity(CaseContext ctx) {
        Dataset<Row> df = table(ctx, new StructType().add("d", DataTypes.DoubleType),
                new Object[] {Double.NaN}, new Object[] {Double.POSITIVE_INFINITY}, new Object[] {Double.NEGATIVE_INFINITY},
                new Object[] {-0.0}, new Object[] {0.0}, new Object[] {Double.MIN_VALUE});
        show(ctx, df, hash(col("d")), xxhash64(col("d")), hex(col("d")));
    }

    @Case
    public static void toBinaryAndToChar(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, to_binary(col("s")), to_binary(col("s"), lit("utf-8")), to_binary(lit("537061726B"), lit("hex")),
                to_binary(lit("U3Bhcms="), lit("base64")), try_to_binary(lit("zz"), lit("hex")),
                to_char(lit(new java.math.BigDecimal("1234.5")), lit("9,999.99")));
        showExpr(ctx, df, "to_binary('abc')", "to_binary('abc', 'hex')", "try_to_binary('abc', 'hex')",
                "to_binary('U3Bhcms=', 'BASE64')", "to_binary(s, 'utf8')", "to_binary(s, 'latin1')", "to_binary(s, 'bad')",
                "to_binary(s, null)", "to_char(454, '999')", "to_char(454.00, '000D00')", "to_char(12454, '99G999')",
                "to_char(78.12, '$99.99')", "to_char(-12454.8, '99G999D9S')", "to_char(454, '9')", "to_varchar(45, '0000')",
                "to_char(X'537061726B', 'utf-8')", "to_char(X'537061726B', 'hex')", "to_char(X'537061726B', 'base64')",
                "to_char(i, '999')", "to_char(d, '9.99')", "to_char(dt, 'yyyy/MM/dd')", "to_char(454)");
    }

    /** Spark 4 breaks base64 into 76-character lines joined by CRLF (spark.sql.chunkBase64String.enabled, default true). */
    @Case
    public static void base64Chunked(CaseContext ctx) {
        Dataset<Row> df = table(ctx).limit(1);
        showExpr(ctx, df, "base64(repeat('Spark streaming ', 6))", "length(base64(repeat('x', 57)))",
                "length(base64(repeat('x', 58)))", "unbase64(base64(repeat('ab', 40))) = cast(repeat('ab', 40) as binary)");
        ctx.spark().conf().set("spark.sql.chunkBase64String.enabled", "false");
        showExpr(ctx, df, "length(base64(repeat('x', 58)))");
        ctx.spark().conf().unset("spark.sql.chunkBase64String.enabled");
    }
}

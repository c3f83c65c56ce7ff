package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * AES functions: aes_encrypt (deterministic with a given IV, and ECB), round trips through
 * aes_decrypt (random IVs), decryption of ciphertexts Spark wrote (its documentation's examples),
 * try_aes_decrypt, and the errors of keys, modes, IVs and AAD.
 */
public final class FnCrypto {
    private static final String KEY16 = "abcdefghijklmnop";
    private static final String KEY32 = "abcdefghijklmnop12345678ABCDEFGH";

    private FnCrypto() {
    }

    @Case
    public static void encryptWithIv(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "Spark", "", "a longer text of more than one block", null);
        show(ctx, df, hex(aes_encrypt(col("s"), lit(KEY32), lit("GCM"), lit("DEFAULT"), unhex(lit("000102030405060708090A0B")),
                        lit("aad"))),
                hex(aes_encrypt(col("s"), lit(KEY16), lit("CBC"), lit("PKCS"), unhex(lit("000102030405060708090A0B0C0D0E0F")))),
                hex(aes_encrypt(col("s"), lit(KEY16), lit("ECB"))),
                hex(aes_encrypt(col("s"), lit("abcdefghijklmnop12345678"), lit("ecb"), lit("pkcs"))));
        showExpr(ctx, df, "hex(aes_encrypt(s, '" + KEY32 + "', 'GCM', 'NONE', unhex('000000000000000000000000')))",
                "hex(aes_encrypt(s, '" + KEY16 + "', 'ECB', 'DEFAULT', ''))",
                "length(aes_encrypt(s, '" + KEY16 + "'))", "length(aes_encrypt(s, '" + KEY16 + "', 'CBC'))",
                "aes_encrypt(NULL, '" + KEY16 + "')");
    }

    @Case
    public static void roundTrips(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "Spark", "", "Ünïcode ✓ text", null);
        show(ctx, df, aes_decrypt(aes_encrypt(col("s"), lit(KEY16)), lit(KEY16)).cast("string"),
                aes_decrypt(aes_encrypt(col("s"), lit(KEY32), lit("CBC")), lit(KEY32), lit("CBC")).cast("string"),
                aes_decrypt(aes_encrypt(col("s"), lit(KEY16), lit("ECB"), lit("PKCS")), lit(KEY16), lit("ECB"), lit("PKCS"))
                        .cast("string"),
                aes_decrypt(aes_encrypt(col("s"), lit(KEY32), lit("GCM"), lit("DEFAULT"), lit(""), lit("ad")), lit(KEY32),
                        lit("GCM"), lit("DEFAULT"), lit("ad")).cast("string"),
                try_aes_decrypt(aes_encrypt(col("s"), lit(KEY16)), lit(KEY16)).cast("string"),
                try_aes_decrypt(aes_encrypt(col("s"), lit(KEY16)), lit("ponmlkjihgfedcba")));
        showExpr(ctx, df, "cast(aes_decrypt(aes_encrypt(s, '" + KEY32 + "', 'GCM'), '" + KEY32 + "', 'GCM') AS STRING)",
                "cast(try_aes_decrypt(aes_encrypt(s, '" + KEY16 + "', 'CBC', 'DEFAULT'), '" + KEY16 + "', 'CBC', 'DEFAULT') AS STRING)");
    }

    @Case
    public static void decryptSparkCiphertexts(CaseContext ctx) {
        Dataset<Row> one = strings(ctx, "x");
        showExpr(ctx, one,
                "cast(aes_decrypt(unhex('83F16B2AA704794132802D248E6BFD4E380078182D1544813898AC97E709B28A94'), '0000111122223333') AS STRING)",
                "cast(aes_decrypt(unhex('6E7CA17BBB468D3084B5744BCA729FB7B2B7BCB8E4472847D02670489D95FA97DBBA7D3210'), "
                        + "'0000111122223333', 'GCM') AS STRING)",
                "cast(aes_decrypt(unbase64('3lmwu+Mw0H3fi5NDvcu9lg=='), '1234567890abcdef', 'ECB', 'PKCS') AS STRING)",
                "cast(aes_decrypt(unbase64('2NYmDCjgXTbbxGA3/SnJEfFC/JQ7olk2VQWReIAAFKo='), '1234567890abcdef', 'CBC') AS STRING)",
                "cast(aes_decrypt(unbase64('AAAAAAAAAAAAAAAAAAAAAPSd4mWyMZ5mhvjiAPQJnfg='), '" + KEY32 + "', 'CBC', 'DEFAULT') AS STRING)",
                "cast(aes_decrypt(unbase64('AAAAAAAAAAAAAAAAQiYi+sTLm7KD9UcZ2nlRdYDe/PX4'), '" + KEY32 + "', 'GCM', 'DEFAULT', "
                        + "'This is an AAD mixed into the input') AS STRING)",
                "cast(try_aes_decrypt(unbase64('AAAAAAAAAAAAAAAAQiYi+sTLm7KD9UcZ2nlRdYDe/PX4'), '" + KEY32 + "', 'GCM', 'DEFAULT', "
                        + "'another AAD') AS STRING)",
                "aes_decrypt(unhex('83F16B2AA704794132802D248E6BFD4E380078182D1544813898AC97E709B28A94'), '0000111122223333')");
        show(ctx, one, aes_decrypt(unbase64(lit("3lmwu+Mw0H3fi5NDvcu9lg==")), lit("1234567890abcdef"), lit("ECB")),
                try_aes_decrypt(unbase64(lit("3lmwu+Mw0H3fi5NDvcu9lg==")), lit("1234567890abcdef"), lit("ECB"), lit("PKCS"),
                        lit("")));
    }

    @Case
    public static void errors(CaseContext ctx) {
        Dataset<Row> one = strings(ctx, "Spark");
        showExpr(ctx, one, "aes_encrypt(s, 'short')", "aes_decrypt(s, 'short')", "try_aes_decrypt(s, 'short')",
                "aes_encrypt(s, '" + KEY16 + "', 'XYZ')", "aes_encrypt(s, '" + KEY16 + "', 'GCM', 'PKCS')",
                "aes_decrypt(s, '" + KEY16 + "', 'ECB', 'NONE')",
                "aes_encrypt(s, '" + KEY16 + "', 'ECB', 'PKCS', unhex('00112233445566778899AABBCCDDEEFF'))",
                "aes_encrypt(s, '" + KEY16 + "', 'CBC', 'PKCS', unhex('0011'))",
                "aes_encrypt(s, '" + KEY16 + "', 'GCM', 'NONE', unhex('0011'))",
                "aes_encrypt(s, '" + KEY16 + "', 'CBC', 'PKCS', '', 'aad')",
                "aes_decrypt(aes_encrypt(s, '" + KEY16 + "'), 'ponmlkjihgfedcba')",
                "try_aes_decrypt(aes_encrypt(s, '" + KEY16 + "'), 'ponmlkjihgfedcba')",
                "aes_decrypt(unhex('00112233'), '" + KEY16 + "', 'ECB')",
                "aes_encrypt(1, '" + KEY16 + "')", "aes_encrypt(s, '" + KEY16 + "', 1)");
    }
}

package io.tideway.engine.expr.fn;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Map;

/**
 * aes_encrypt, aes_decrypt and try_aes_decrypt at one call site, as Spark 4's
 * {@code ExpressionImplUtils.aesInternal}: ECB and CBC with PKCS#5 padding, GCM without padding
 * (the default) and its 128-bit tag; a ciphertext is the IV (none for ECB, 16 bytes for CBC, 12
 * for GCM) followed by the encrypted bytes. An empty IV draws a random one; AAD is GCM's only.
 * Keys of 16, 24 or 32 bytes. The JDK's {@link Cipher} of each mode is kept between rows. One per
 * call site (a generated constant), used by one thread.
 */
public final class AesCipher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BOTH = ErrorParams.id("aes_encrypt") + "/" + ErrorParams.id("aes_decrypt");

    /** Spark's modes: name, IV length, GCM tag bits, the JDK transformation, whether it takes AAD. */
    private enum Mode {
        ECB(0, 0, "AES/ECB/PKCS5Padding"),
        CBC(16, 0, "AES/CBC/PKCS5Padding"),
        GCM(12, 128, "AES/GCM/NoPadding");

        final int ivLength;
        final int tagBits;
        final String transformation;

        Mode(int ivLength, int tagBits, String transformation) {
            this.ivLength = ivLength;
            this.tagBits = tagBits;
            this.transformation = transformation;
        }

        AlgorithmParameterSpec spec(byte[] iv) {
            return this == GCM ? new GCMParameterSpec(tagBits, iv, 0, ivLength)
                    : this == CBC ? new IvParameterSpec(iv, 0, ivLength) : null;
        }
    }

    private final boolean encrypt;
    /** try_aes_decrypt: any failure gives null. */
    private final boolean tryMode;
    private final Cipher[] ciphers = new Cipher[Mode.values().length];

    public AesCipher(boolean encrypt, boolean tryMode) {
        this.encrypt = encrypt;
        this.tryMode = tryMode;
    }

    /**
     * aes_encrypt of {@code input} with {@code key} in {@code mode} and {@code padding} (any case),
     * the IV (empty for a random one) and AAD: writes the IV and the ciphertext to {@code out} and
     * returns its length.
     */
    public int encrypt(DirectBuffer ib, int io, int il, DirectBuffer kb, int ko, int kl, DirectBuffer mb, int mo, int ml,
                       DirectBuffer pb, int po, int pl, DirectBuffer vb, int vo, int vl, DirectBuffer ab, int ao, int al,
                       BytesOut out) {
        return run(bytes(ib, io, il), bytes(kb, ko, kl), StringKernels.string(mb, mo, ml), StringKernels.string(pb, po, pl),
                bytes(vb, vo, vl), bytes(ab, ao, al), out);
    }

    /** aes_decrypt of an IV-led ciphertext; its length in {@code out}, or -1 (try_aes_decrypt's null for any failure). */
    public int decrypt(DirectBuffer ib, int io, int il, DirectBuffer kb, int ko, int kl, DirectBuffer mb, int mo, int ml,
                       DirectBuffer pb, int po, int pl, DirectBuffer ab, int ao, int al, BytesOut out) {
        try {
            return run(bytes(ib, io, il), bytes(kb, ko, kl), StringKernels.string(mb, mo, ml),
                    StringKernels.string(pb, po, pl), new byte[0], bytes(ab, ao, al), out);
        } catch (RuntimeException e) {
            if (tryMode) {
                return -1;
            }
            throw e;
        }
    }

    private int run(byte[] input, byte[] key, String modeName, String padding, byte[] iv, byte[] aad, BytesOut out) {
        try {
            if (key.length != 16 && key.length != 24 && key.length != 32) {
                throw new SparkRuntimeException("INVALID_PARAMETER_VALUE.AES_KEY_LENGTH", Map.of("parameter",
                        ErrorParams.id("key"), "functionName", BOTH, "actualLength", String.valueOf(key.length)));
            }
            SecretKeySpec secret = new SecretKeySpec(key, "AES");
            Mode mode = mode(modeName, padding);
            Cipher cipher = cipher(mode);
            if (encrypt) {
                if (iv.length == 0) {
                    iv = new byte[mode.ivLength];
                    RANDOM.nextBytes(iv);
                } else if (mode == Mode.ECB) {
                    throw new SparkRuntimeException("UNSUPPORTED_FEATURE.AES_MODE_IV", Map.of("mode", modeName,
                            "functionName", ErrorParams.id("aes_encrypt")));
                }
                if (iv.length != mode.ivLength) {
                    throw new SparkRuntimeException("INVALID_PARAMETER_VALUE.AES_IV_LENGTH", Map.of("mode", modeName,
                            "parameter", ErrorParams.id("iv"), "functionName", BOTH,
                            "actualLength", String.valueOf(iv.length)));
                }
                init(cipher, mode, modeName, secret, iv, aad);
                byte[] encrypted = cipher.doFinal(input);
                return out.reset().append(iv).append(encrypted).length();
            }
            if (mode == Mode.ECB) {
                cipher.init(Cipher.DECRYPT_MODE, secret);
                return out.reset().append(cipher.doFinal(input)).length();
            }
            init(cipher, mode, modeName, secret, input, aad);
            return out.reset().append(cipher.doFinal(input, mode.ivLength, input.length - mode.ivLength)).length();
        } catch (GeneralSecurityException e) {
            throw new SparkRuntimeException("INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR", Map.of("parameter",
                    ErrorParams.id("expr") + ", " + ErrorParams.id("key"), "functionName", BOTH, "detailMessage",
                    String.valueOf(e.getMessage())));
        }
    }

    private void init(Cipher cipher, Mode mode, String modeName, SecretKeySpec secret, byte[] iv, byte[] aad)
            throws GeneralSecurityException {
        cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, secret, mode.spec(iv));
        if (aad.length != 0) {
            if (mode != Mode.GCM) {
                throw new SparkRuntimeException("UNSUPPORTED_FEATURE.AES_MODE_AAD", Map.of("mode", modeName,
                        "functionName", ErrorParams.id("aes_encrypt")));
            }
            cipher.updateAAD(aad);
        }
    }

    private static Mode mode(String name, String padding) {
        boolean none = padding.equalsIgnoreCase("NONE");
        boolean pkcs = padding.equalsIgnoreCase("PKCS");
        boolean dflt = padding.equalsIgnoreCase("DEFAULT");
        if (name.equalsIgnoreCase("ECB") && (pkcs || dflt)) {
            return Mode.ECB;
        }
        if (name.equalsIgnoreCase("CBC") && (pkcs || dflt)) {
            return Mode.CBC;
        }
        if (name.equalsIgnoreCase("GCM") && (none || dflt)) {
            return Mode.GCM;
        }
        throw new SparkRuntimeException("UNSUPPORTED_FEATURE.AES_MODE", Map.of("mode", name, "padding", padding,
                "functionName", BOTH));
    }

    private Cipher cipher(Mode mode) throws GeneralSecurityException {
        Cipher c = ciphers[mode.ordinal()];
        if (encrypt && mode == Mode.GCM) {
            return Cipher.getInstance(mode.transformation); // the JDK refuses to encrypt twice with one key and IV
        }
        if (c == null) {
            c = Cipher.getInstance(mode.transformation);
            ciphers[mode.ordinal()] = c;
        }
        return c;
    }

    private static byte[] bytes(DirectBuffer b, int off, int len) {
        byte[] a = new byte[len];
        b.getBytes(off, a);
        return a;
    }
}

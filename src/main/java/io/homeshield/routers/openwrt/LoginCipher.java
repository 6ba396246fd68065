package io.homeshield.routers.openwrt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals routers' rpcd passwords with AES-GCM. The router's id is the associated data, so a sealed
 * password copied onto another router's row does not open there. Stored form: {@code v1.<base64url(iv|ciphertext)>}.
 */
final class LoginCipher {

    private static final String PREFIX = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private LoginCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher for the configured key (base64 of 16, 24 or 32 bytes), or an explanation of what is wrong with it. */
    static LoginCipher of(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("homeshield.openwrt.credential-key is not base64");
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalArgumentException("homeshield.openwrt.credential-key must be 16, 24 or 32 bytes");
        }
        return new LoginCipher(raw);
    }

    String seal(UUID router, String password) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, router);
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The password, or an IllegalArgumentException when the value was not sealed for this router with this key. */
    String open(UUID router, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed login");
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
            if (all.length <= IV_BYTES) {
                throw new IllegalArgumentException("sealed login too short");
            }
            byte[] iv = java.util.Arrays.copyOfRange(all, 0, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, router);
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed login does not open with this key for this router", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, UUID router) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(router.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}

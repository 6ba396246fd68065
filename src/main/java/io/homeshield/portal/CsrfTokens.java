package io.homeshield.portal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Form tokens: a random nonce lives in a cookie, every form carries the HMAC of that nonce and the
 * signed-in subject. A forged cross-site request can neither read the cookie nor compute the HMAC,
 * and a token issued to one person is worthless to another.
 */
@ApplicationScoped
class CsrfTokens {

    static final String COOKIE = "hs_csrf";
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    CsrfTokens(PortalConfig config) {
        this.key = new SecretKeySpec(config.csrfSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String newNonce() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64.encodeToString(bytes);
    }

    static boolean isWellFormedNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }

    String tokenFor(String nonce, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("csrf-v1\n" + nonce + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return BASE64.encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    boolean isValid(String nonce, String subject, String token) {
        if (!isWellFormedNonce(nonce) || token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(nonce, subject).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.UTF_8));
    }
}

package io.homeshield.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.inventory.Router;

/**
 * Per-router ingest credentials. The secret is 256 random bits shown once; only its keyed hash
 * (HMAC-SHA-256 with the deployment's pepper) is stored, so a database leak reveals nothing usable.
 */
@ApplicationScoped
public class RouterCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] pepper;
    private final Clock clock;

    RouterCredentials(TelemetryConfig config, Clock clock) {
        this.pepper = config.credentialPepper().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Issues a new secret for the router, replacing any earlier one; returns it for the router's provisioning. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(Router router) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        router.credentialHash = hash(secret);
        router.credentialIssuedAt = clock.instant();
        return secret;
    }

    public boolean matches(Router router, String secret) {
        if (router.credentialHash == null || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(router.credentialHash.getBytes(StandardCharsets.US_ASCII),
                hash(secret).getBytes(StandardCharsets.US_ASCII));
    }

    private String hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

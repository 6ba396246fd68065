package io.homeshield.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.inventory.Router;

/**
 * Per-router ingest credentials. The secret is 256 random bits shown once; only its keyed hash
 * (HMAC-SHA-256 with the deployment's pepper) is stored, so a database leak reveals nothing usable.
 * A router's credential is checked on every batch it posts, so the check reads the one column it needs
 * with plain JDBC instead of loading the router entity, and only a few checks read at once: a burst of
 * routers must not take every database connection from the batches already accepted.
 */
@ApplicationScoped
public class RouterCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] pepper;
    private final Clock clock;
    private final DataSource db;
    private final Semaphore reads;
    private final ThreadLocal<Mac> macs;
    private final String retryAfter;

    RouterCredentials(TelemetryConfig config, Clock clock, DataSource db) {
        this.pepper = config.credentialPepper().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.db = db;
        this.reads = new Semaphore(config.credentialReads(), true);
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.retryAfter = String.valueOf(config.retryAfter().toSeconds());
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
        return matches(router.credentialHash, secret);
    }

    /** Whether the secret is the one issued to the router with this id (false for an unknown router). */
    public boolean matches(UUID routerId, String secret) {
        return secret != null && matches(storedHash(routerId), secret);
    }

    private boolean matches(String storedHash, String secret) {
        if (storedHash == null || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(secret).getBytes(StandardCharsets.US_ASCII));
    }

    private String storedHash(UUID routerId) {
        reads.acquireUninterruptibly();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select credential_hash from router where id = ?")) {
            select.setObject(1, routerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE,
                    "The router credential could not be checked now; send the batch again after the Retry-After delay.")
                    .withHeader("Retry-After", retryAfter);
        } finally {
            reads.release();
        }
    }

    private String hash(String secret) {
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

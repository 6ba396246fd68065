package io.homeshield.fleet.forensics;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.homeshield.enforcement.EvidenceUploads;
import io.homeshield.enforcement.RouterTarget;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Upload slots in the database, so a router's upload may reach any instance while the dispatcher
 * waits on another. The token is random (256 bits) and only its SHA-256 is kept; a slot takes one
 * file, expires, and is deleted once the collection has taken the file or given up on it.
 */
@ApplicationScoped
class EvidenceUploadSlots implements EvidenceUploads {

    static final String PATH = "/ingest/v1/evidence-uploads/";
    private static final Duration POLL = Duration.ofMillis(200);

    private final ForensicsConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EvidenceUploadSlots(ForensicsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public UploadSlot open(RouterTarget router, String fileName) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        EvidenceUpload slot = new EvidenceUpload();
        slot.id = UUID.randomUUID();
        slot.tokenSha256 = tokenHash(token);
        slot.routerId = router.id();
        slot.fileName = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        slot.createdAt = clock.instant();
        slot.expiresAt = slot.createdAt.plus(config.uploadValidFor());
        slot.state = EvidenceUpload.OPEN;
        QuarkusTransaction.requiringNew().run(slot::persist);
        return new UploadSlot(slot.id, baseUrl() + PATH + token, slot.fileName);
    }

    @Override
    public UploadOutcome await(UploadSlot slot) {
        long deadline = System.nanoTime() + config.uploadWait().toNanos();
        try {
            while (true) {
                Optional<EvidenceUpload> done = QuarkusTransaction.requiringNew().call(() -> EvidenceUpload
                        .<EvidenceUpload>findByIdOptional(slot.id()).filter(u -> !EvidenceUpload.OPEN.equals(u.state)));
                if (done.isPresent()) {
                    EvidenceUpload upload = done.get();
                    return EvidenceUpload.RECEIVED.equals(upload.state) ? UploadOutcome.received(upload.content)
                            : UploadOutcome.refused(upload.refusal);
                }
                if (System.nanoTime() >= deadline) {
                    return UploadOutcome.nothing();
                }
                LockSupport.parkNanos(POLL.toNanos());
                if (Thread.currentThread().isInterrupted()) {
                    return UploadOutcome.nothing();
                }
            }
        } finally {
            close(slot);
        }
    }

    @Override
    public void close(UploadSlot slot) {
        QuarkusTransaction.requiringNew().run(() -> EvidenceUpload.deleteById(slot.id()));
    }

    /**
     * Read on each use, not at start: where routers reach HomeShield may name the port the server
     * was given when it started.
     */
    private static String baseUrl() {
        String url = ConfigProvider.getConfig().getValue("homeshield.forensics.upload-base-url", String.class);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The slot a router's upload token opens while it is open and unexpired, or empty. */
    Optional<EvidenceUpload> openSlot(String token) {
        String hash = tokenHash(token);
        return QuarkusTransaction.requiringNew().call(() -> EvidenceUpload.<EvidenceUpload>find("tokenSha256", hash)
                .firstResultOptional()
                .filter(slot -> EvidenceUpload.OPEN.equals(slot.state) && slot.expiresAt.isAfter(clock.instant())));
    }

    /** Takes the content into the slot if it is still open; false when another upload took it first. */
    boolean receive(EvidenceUpload slot, byte[] content) {
        return QuarkusTransaction.requiringNew().call(() -> EvidenceUpload.update(
                "state = ?1, content = ?2, sizeBytes = ?3 where id = ?4 and state = ?5", EvidenceUpload.RECEIVED,
                content, (long) content.length, slot.id, EvidenceUpload.OPEN) == 1);
    }

    /** Closes the still open slot with the reason its upload was refused ({@code size} -1 when unknown). */
    void refuse(EvidenceUpload slot, String why, long size) {
        QuarkusTransaction.requiringNew().run(() -> EvidenceUpload.update(
                "state = ?1, refusal = ?2, sizeBytes = ?3 where id = ?4 and state = ?5", EvidenceUpload.REFUSED, why,
                size >= 0 ? size : null, slot.id, EvidenceUpload.OPEN));
    }

    static String tokenHash(String token) {
        return EvidenceFacts.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Slots nobody took (a collection that ended abruptly) are removed a day after they expired. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        Instant before = clock.instant().minus(Duration.ofDays(1));
        long removed = QuarkusTransaction.requiringNew().call(() -> EvidenceUpload.delete("expiresAt < ?1", before));
        if (removed > 0) {
            Log.infof("Removed %d expired evidence upload slots", removed);
        }
    }
}

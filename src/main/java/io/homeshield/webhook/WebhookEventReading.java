package io.homeshield.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Which stretch of time the next pass turns into webhook deliveries, kept in the database: the pass
 * that claims it holds the position's row lock (another instance skips its pass meanwhile), and
 * moves the position on in the same transaction as the deliveries it adds. A pass that fails moves
 * nothing, so the stretch is read again; one that commits is never read again except for the
 * overlap, whose events the outbox already holds.
 */
@ApplicationScoped
public class WebhookEventReading {

    /** Reads overlap by this much, so a change committed a little after its timestamp is not missed. */
    static final Duration OVERLAP = Duration.ofSeconds(5);
    /** The longest stretch one pass reads: catching up after an outage goes in steps of this. */
    static final Duration STEP = Duration.ofHours(1);
    /** Events older than this when delivery resumes are not sent any more. */
    static final Duration OLDEST = Duration.ofDays(7);
    static final String POSITION = "webhook-events";
    /** {@code jakarta.persistence.lock.timeout} value Hibernate renders as SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    /** Changes in {@code (from, to]} are read in this pass; {@code behind} while {@code to} is not yet now. */
    public record Stretch(Instant from, Instant to, boolean behind) {
    }

    private final EntityManager db;
    private final Clock clock;

    WebhookEventReading(EntityManager db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The stretch this pass reads, with the position locked until the transaction ends; empty while
     * another instance's pass holds it. The first pass ever starts now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stretch> claim() {
        Instant now = clock.instant();
        db.createNativeQuery("insert into webhook_event_position (name, read_until) values (?1, ?2)"
                + " on conflict do nothing").setParameter(1, POSITION).setParameter(2, now).executeUpdate();
        return WebhookEventPosition.<WebhookEventPosition>find("name", POSITION)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .firstResultOptional()
                .map(position -> {
                    Instant resume = position.readUntil.isBefore(now.minus(OLDEST)) ? now.minus(OLDEST)
                            : position.readUntil;
                    boolean behind = resume.plus(STEP).isBefore(now);
                    return new Stretch(resume.minus(OVERLAP), behind ? resume.plus(STEP) : now, behind);
                });
    }

    /** Moves the position on to the end of the stretch just read; commits with the deliveries. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void done(Stretch stretch) {
        WebhookEventPosition position = WebhookEventPosition.findById(POSITION);
        if (stretch.to().isAfter(position.readUntil)) {
            position.readUntil = stretch.to();
        }
    }
}

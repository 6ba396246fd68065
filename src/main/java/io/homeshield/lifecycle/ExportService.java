package io.homeshield.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;

/**
 * Household archives prepared in the background: requested by the owner (portal, API) or by staff
 * on the subscriber's request with a reason (audited), written by {@link ExportWriter}, downloaded
 * through a link that expires. Every read is scoped to the household: another household's job is
 * not found.
 */
@ApplicationScoped
public class ExportService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuditLog audit;
    private final ExportConfig config;
    private final Clock clock;
    private final Event<ExportRequested> requested;

    ExportService(AuditLog audit, ExportConfig config, Clock clock, Event<ExportRequested> requested) {
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.requested = requested;
    }

    /** Signals the writer that a job is waiting, once the request has committed. */
    public record ExportRequested(UUID job) {
    }

    @Transactional
    public ExportJob request(HouseholdId household, Actor actor, String reason) {
        Instant now = clock.instant();
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.householdId = household.value();
        job.requestedBy = actor.id();
        job.requestedRole = actor.role();
        job.reason = reason;
        job.state = ExportJob.State.QUEUED;
        job.sectionsTotal = ExportSections.SECTIONS.size();
        job.createdAt = now;
        job.expiresAt = now.plus(config.linkValid());
        byte[] token = new byte[24];
        RANDOM.nextBytes(token);
        job.linkToken = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        job.persist();
        audit.append(new AuditRecord(actor.id(), actor.role(), household.value(), "household.export", null, reason,
                "requested"));
        requested.fire(new ExportRequested(job.id));
        return job;
    }

    /** The household's job; 404 for another household's or an expired one. */
    @Transactional
    public ExportJob of(HouseholdId household, UUID job) {
        return find(household, job).orElseThrow(() -> ProblemException.notFound("Export"));
    }

    /** The archive (gzip) when the job is ready and the link's token is its own; 404 otherwise. */
    @Transactional
    public byte[] archive(HouseholdId household, UUID job, String token) {
        ExportJob found = find(household, job).filter(j -> j.ready() && token != null
                && MessageDigest.isEqual(j.linkToken.getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))).orElseThrow(()
                                -> ProblemException.notFound("Archive"));
        return found.archive;
    }

    private Optional<ExportJob> find(HouseholdId household, UUID job) {
        return ExportJob.<ExportJob>find("id = ?1 and householdId = ?2", job, household.value()).firstResultOptional()
                .filter(j -> j.expiresAt.isAfter(clock.instant()));
    }
}

package io.homeshield.intel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.infra.problem.ProblemException;

/**
 * The provider's own feed, as its analysts keep it: add a destination, promote an alert's
 * destination, expire an indicator. Each change records who, when and why (in the row and the
 * audit log) and is matched as soon as it commits.
 */
@ApplicationScoped
public class ProviderIndicatorService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditLog audit;
    private final Clock clock;
    private final Event<ProviderFeedChanged> changed;

    ProviderIndicatorService(AuditLog audit, Clock clock, Event<ProviderFeedChanged> changed) {
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * Adds a host name, IP address or CIDR range to the provider's feed; the one in force already
     * if it is listed.
     *
     * @param validUntil when it stops matching by itself; null for until expired
     */
    @Transactional
    public ProviderIndicator add(String indicator, Instant validUntil, Actor actor, String reason) {
        return add(IndicatorInput.parse("indicator", indicator), validUntil, null, actor, reason);
    }

    /** Adds the destination an alert names (a known-bad host, a beacon's or an upload's destination). */
    @Transactional
    public ProviderIndicator promote(UUID alertId, Instant validUntil, Actor actor, String reason) {
        Alert alert = Alert.findById(alertId);
        if (alert == null) {
            throw ProblemException.notFound("Alert");
        }
        String destination = destination(alert).orElseThrow(() -> ProblemException.invalid("alertId",
                "this alert names no malicious destination to promote (what it records is a victim, a resolver or"
                        + " a pattern)"));
        return add(IndicatorInput.parse("alertId", destination), validUntil, alert.id, actor, reason);
    }

    /** Takes an indicator out of the provider's feed; the row stays as the record. */
    @Transactional
    public ProviderIndicator expire(UUID id, Actor actor, String reason) {
        String why = requireReason(reason);
        ProviderIndicator indicator = ProviderIndicator.findById(id);
        if (indicator == null) {
            throw ProblemException.notFound("Indicator");
        }
        if (indicator.expiredAt == null) {
            Instant now = clock.instant();
            indicator.expiredAt = now;
            indicator.expiredBy = actor.id();
            indicator.expireReason = why;
            indicator.changedAt = now;
            audit.append(new AuditRecord(actor.id(), actor.role(), null, "intel.indicator.expire",
                    indicator.kind.name().toLowerCase(Locale.ROOT) + ":" + indicator.indicator, why, "applied"));
            changed.fire(new ProviderFeedChanged());
        }
        return indicator;
    }

    /**
     * Marks an indicator to be blocked for everybody at the provider's resolvers, or takes that
     * mark off. Only host names can be: a resolver's policy zone answers for names.
     */
    @Transactional
    public ProviderIndicator blockFleetWide(UUID id, boolean block, Actor actor, String reason) {
        String why = requireReason(reason);
        ProviderIndicator indicator = ProviderIndicator.findById(id);
        if (indicator == null) {
            throw ProblemException.notFound("Indicator");
        }
        if (block && indicator.kind != IndicatorKind.DOMAIN) {
            throw ProblemException.invalid("block", "only host names can be blocked at the resolvers");
        }
        if (block && indicator.expiredAt != null) {
            throw ProblemException.invalid("block", "an expired indicator cannot be blocked");
        }
        if (indicator.blockFleetWide != block) {
            Instant now = clock.instant();
            indicator.blockFleetWide = block;
            indicator.blockChangedBy = actor.id();
            indicator.blockChangedAt = now;
            indicator.blockReason = why;
            indicator.changedAt = now;
            audit.append(new AuditRecord(actor.id(), actor.role(), null,
                    block ? "intel.indicator.block-fleet-wide" : "intel.indicator.unblock-fleet-wide",
                    indicator.kind.name().toLowerCase(Locale.ROOT) + ":" + indicator.indicator, why, "applied"));
            changed.fire(new ProviderFeedChanged());
        }
        return indicator;
    }

    /** Host names marked to be blocked fleet-wide and in force at {@code now}. */
    public List<String> blockedFleetWide(Instant now) {
        return ProviderIndicator.<ProviderIndicator>list("blockFleetWide = true and kind = ?1 and expiredAt is null"
                + " and (validUntil is null or validUntil > ?2)", IndicatorKind.DOMAIN, now)
                .stream().map(row -> row.indicator).toList();
    }

    /** Indicators whose value contains {@code fragment}, newest first; expired ones too if asked. */
    /** The indicator with this id, or empty. */
    public Optional<ProviderIndicator> find(UUID id) {
        return ProviderIndicator.findByIdOptional(id);
    }

    public List<ProviderIndicator> search(String fragment, boolean includeExpired, int limit) {
        String like = "%" + (fragment == null ? "" : fragment.strip().toLowerCase(Locale.ROOT)) + "%";
        return ProviderIndicator.<ProviderIndicator>find("indicator like ?1"
                + (includeExpired ? "" : " and expiredAt is null")
                + " order by addedAt desc", like).page(0, limit).list();
    }

    /** The feed's indicators not expired by hand, with their validity, for matching. */
    @Transactional
    FeedIndicators current() {
        FeedIndicators.Builder feed = FeedIndicators.builder();
        for (ProviderIndicator row : ProviderIndicator.<ProviderIndicator>list("expiredAt is null")) {
            new IndicatorInput(row.kind, row.indicator).addTo(feed, new Validity(null, row.validUntil));
        }
        return feed.build();
    }

    /** Changes when any row changes: how many rows, and the latest change. */
    @Transactional
    String fingerprint() {
        Object[] row = ProviderIndicator.getEntityManager()
                .createQuery("select count(p), max(p.changedAt) from ProviderIndicator p", Object[].class)
                .getSingleResult();
        return row[0] + "/" + row[1];
    }

    private ProviderIndicator add(IndicatorInput input, Instant validUntil, UUID alertId, Actor actor,
            String reason) {
        String why = requireReason(reason);
        Instant now = clock.instant();
        if (validUntil != null && !validUntil.isAfter(now)) {
            throw ProblemException.invalid("validUntil", "must be in the future");
        }
        ProviderIndicator existing = ProviderIndicator.<ProviderIndicator>find(
                "kind = ?1 and indicator = ?2 and expiredAt is null", input.kind(), input.value()).firstResult();
        if (existing != null && existing.inForceAt(now)) {
            return existing;
        }
        ProviderIndicator indicator = new ProviderIndicator();
        indicator.id = UUID.randomUUID();
        indicator.kind = input.kind();
        indicator.indicator = input.value();
        indicator.reason = why;
        indicator.sourceAlertId = alertId;
        indicator.addedBy = actor.id();
        indicator.addedAt = now;
        indicator.validUntil = validUntil;
        indicator.changedAt = now;
        indicator.persist();
        audit.append(new AuditRecord(actor.id(), actor.role(), null,
                alertId == null ? "intel.indicator.add" : "intel.indicator.promote",
                input.kind().name().toLowerCase(Locale.ROOT) + ":" + input.value(), why, "applied"));
        changed.fire(new ProviderFeedChanged());
        return indicator;
    }

    /** The destination an alert names as the device's contact, never a victim or a pattern; empty if none. */
    public static Optional<String> destination(Alert alert) {
        JsonNode evidence;
        try {
            evidence = JSON.readTree(alert.evidence);
        } catch (JsonProcessingException e) {
            evidence = JSON.missingNode();
        }
        for (String key : List.of("indicator", "destination")) {
            if (evidence.hasNonNull(key)) {
                return Optional.of(evidence.get(key).asText());
            }
        }
        if (alert.dedupKey.startsWith("random-subdomains:")) {
            return Optional.of(alert.dedupKey.substring("random-subdomains:".length()));
        }
        return Optional.empty();
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "say why, for the record");
        }
        String why = reason.strip();
        if (why.length() > 500) {
            throw ProblemException.invalid("reason", "at most 500 characters");
        }
        return why;
    }
}

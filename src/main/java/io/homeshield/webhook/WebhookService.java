package io.homeshield.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.outbound.OutboundRefusedException;
import io.homeshield.infra.outbound.OutboundTarget;
import io.homeshield.infra.outbound.OutboundTargets;
import io.homeshield.infra.problem.ProblemException;
import io.quarkus.panache.common.Parameters;

/**
 * A household's webhooks: registered with a URL and the event types wanted (the signing secret is
 * answered once, at registration), removed, and their delivery log. Events become deliveries in the
 * outbox, one per webhook that wants them; {@link WebhookSender} posts them.
 */
@ApplicationScoped
public class WebhookService {

    public static final int MAX_PER_HOUSEHOLD = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager db;
    private final AuditLog audit;
    private final OutboundTargets targets;
    private final Clock clock;

    WebhookService(EntityManager db, AuditLog audit, OutboundTargets targets, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.targets = targets;
        this.clock = clock;
    }

    @Transactional
    public Webhook register(HouseholdId household, String url, List<String> eventTypes, Actor actor) {
        OutboundTarget target = validUrl(url);
        Set<String> types = validTypes(eventTypes);
        if (Webhook.count("householdId", household.value()) >= MAX_PER_HOUSEHOLD) {
            throw ProblemException.invalid("url", "a household has at most " + MAX_PER_HOUSEHOLD + " webhooks");
        }
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.householdId = household.value();
        webhook.url = target.url();
        webhook.eventTypes = String.join(",", types);
        webhook.secret = newSecret();
        webhook.createdBy = actor.id();
        webhook.createdAt = clock.instant();
        webhook.persist();
        audit.append(new AuditRecord(actor.id(), actor.role(), household.value(), "webhook.register",
                target.host(), null, "done"));
        return webhook;
    }

    @Transactional
    public void remove(HouseholdId household, UUID webhookId, Actor actor) {
        Webhook webhook = find(household, webhookId);
        webhook.delete();
        audit.append(new AuditRecord(actor.id(), actor.role(), household.value(), "webhook.remove",
                URI.create(webhook.url).getHost(), null, "done"));
    }

    public List<Webhook> list(HouseholdId household) {
        return Webhook.list("householdId = ?1 order by createdAt, id", household.value());
    }

    public Webhook find(HouseholdId household, UUID webhookId) {
        return Webhook.<Webhook>find("id = ?1 and householdId = ?2", webhookId, household.value())
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Webhook"));
    }

    /**
     * The webhook's deliveries, newest first (by creation, then id), after the one created at
     * {@code afterAt} with id {@code afterId} (from the newest when null); at most {@code limit}.
     */
    public List<WebhookDelivery> deliveries(HouseholdId household, UUID webhookId, Instant afterAt, UUID afterId,
            int limit) {
        find(household, webhookId);
        Parameters parameters = Parameters.with("webhook", webhookId);
        String after = "";
        if (afterAt != null) {
            after = " and (createdAt < :at or (createdAt = :at and id > :id))";
            parameters.and("at", afterAt).and("id", afterId);
        }
        return WebhookDelivery.<WebhookDelivery>find("webhookId = :webhook" + after + " order by createdAt desc, id",
                parameters).range(0, limit - 1).list();
    }

    /** The attempts of each of these deliveries, oldest first, in one query. */
    public Map<UUID, List<WebhookAttempt>> attempts(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        return WebhookAttempt.<WebhookAttempt>list("deliveryId in ?1 order by id", deliveryIds).stream()
                .collect(Collectors.groupingBy(a -> a.deliveryId));
    }

    /** Households with at least one webhook: the only ones whose events need reading. */
    public List<UUID> householdsWithWebhooks() {
        return db.createQuery("select distinct w.householdId from Webhook w", UUID.class).getResultList();
    }

    /** An event for a household's webhooks: its type, its id (the same however often it is read) and body. */
    public record Event(UUID householdId, String type, String id, String payload) {
    }

    /**
     * Puts each event into the outbox of each of its household's webhooks that wants it, in one
     * batch; an event already there (read again by the overlap) is not added twice.
     * @return how many deliveries were added
     */
    @Transactional
    public int enqueue(List<Event> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Map<UUID, List<Webhook>> byHousehold = Webhook.<Webhook>list("householdId in ?1",
                events.stream().map(Event::householdId).distinct().toList()).stream()
                .collect(Collectors.groupingBy(w -> w.householdId));
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int[] added = { 0 };
        db.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into webhook_delivery (id,"
                    + " webhook_id, household_id, event_id, event_type, payload, state, attempts, next_attempt_at,"
                    + " created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) on conflict do nothing")) {
                for (Event event : events) {
                    for (Webhook webhook : byHousehold.getOrDefault(event.householdId(), List.of())) {
                        if (webhook.wants(event.type())) {
                            insert.setObject(1, UUID.randomUUID());
                            insert.setObject(2, webhook.id);
                            insert.setObject(3, event.householdId());
                            insert.setString(4, event.id());
                            insert.setString(5, event.type());
                            insert.setString(6, event.payload());
                            insert.setObject(7, now);
                            insert.setObject(8, now);
                            insert.addBatch();
                        }
                    }
                }
                for (int count : insert.executeBatch()) {
                    added[0] += Math.max(count, 0);
                }
            }
        });
        return added[0];
    }

    /**
     * The receiver's URL, if HomeShield may post to it: https to a host on the public Internet, or
     * a receiver the provider permits (which may use plain http), written plainly. Checked again at
     * each delivery.
     */
    private OutboundTarget validUrl(String url) {
        try {
            OutboundTarget target = targets.checked(url, true);
            if (!target.https() && !targets.permitted(target)) {
                throw new OutboundRefusedException("must use https: plain http is only for receivers inside the"
                        + " provider's network that the provider permits");
            }
            return target;
        } catch (OutboundRefusedException e) {
            throw ProblemException.invalid("url", e.getMessage());
        }
    }

    private static Set<String> validTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw ProblemException.invalid("eventTypes", "name at least one of " + WebhookEventType.wireNames());
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : eventTypes) {
            if (!WebhookEventType.wireNames().contains(type)) {
                throw ProblemException.invalid("eventTypes", "must each be one of " + WebhookEventType.wireNames());
            }
            types.add(type);
        }
        return types;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

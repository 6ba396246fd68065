package io.homeshield.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.alert.Alert;
import io.homeshield.alert.Severity;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.NotifyLevel;

/**
 * Which e-mails are due, as rows of {@code notification_mail} (each added once, however often a pass
 * looks), and their outcome. Short transactions; sending happens between them.
 */
@ApplicationScoped
class MailQueue {

    static final List<Severity> SERIOUS = List.of(Severity.HIGH, Severity.CRITICAL);

    private final NotificationConfig config;
    private final DigestContent digests;
    private final Clock clock;

    MailQueue(NotificationConfig config, DigestContent digests, Clock clock) {
        this.config = config;
        this.digests = digests;
        this.clock = clock;
    }

    /** An immediate mail for each recent serious alert to each member of its household who gets e-mail. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int queueImmediate() {
        Instant now = clock.instant();
        List<Alert> alerts = Alert.list("severity in ?1 and createdAt > ?2", SERIOUS, now.minus(config.lookback()));
        Map<UUID, List<HouseholdMember>> members = recipients(alerts.stream().map(a -> a.householdId).distinct()
                .toList());
        int added = 0;
        for (Alert alert : alerts) {
            for (HouseholdMember member : members.getOrDefault(alert.householdId, List.of())) {
                added += add(member, NotificationMail.Kind.IMMEDIATE, alert.id.toString(), now);
            }
        }
        return added;
    }

    /** A digest of {@code day} (UTC) to each member who gets e-mail and has something in it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int queueDigests(LocalDate day) {
        Instant now = clock.instant();
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<UUID> households = digests.householdsWithNews(from, from.plus(java.time.Duration.ofDays(1)));
        int added = 0;
        for (List<HouseholdMember> ofHousehold : recipients(households).values()) {
            for (HouseholdMember member : ofHousehold) {
                if (!digests.of(member, day).isEmpty()) {
                    added += add(member, NotificationMail.Kind.DIGEST, day.toString(), now);
                }
            }
        }
        return added;
    }

    /**
     * The summary of the week from {@code firstDay} to each member who gets e-mail, in pages of
     * {@code batchSize} members so a large fleet never sits in one transaction; how many the page held.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int queueWeekly(LocalDate firstDay, int page) {
        Instant now = clock.instant();
        List<HouseholdMember> members = HouseholdMember.<HouseholdMember>find(
                "email is not null and notifyLevel <> ?1 order by id", NotifyLevel.NONE)
                .page(page, config.batchSize()).list();
        for (HouseholdMember member : members) {
            add(member, NotificationMail.Kind.WEEKLY, firstDay.toString(), now);
        }
        return members.size();
    }

    /** Unsent mails of a kind, oldest first, each counted as one more attempt. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<UUID> claimUnsent(NotificationMail.Kind kind) {
        List<NotificationMail> due = NotificationMail.<NotificationMail>find(
                "kind = ?1 and sentAt is null and attempts < ?2 order by createdAt", kind, config.maxAttempts())
                .page(0, config.batchSize()).list();
        due.forEach(mail -> mail.attempts++);
        return due.stream().map(mail -> mail.id).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void sent(UUID mailId) {
        NotificationMail mail = NotificationMail.findById(mailId);
        mail.sentAt = clock.instant();
        mail.lastError = null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(UUID mailId, String error) {
        NotificationMail mail = NotificationMail.findById(mailId);
        mail.lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 500));
    }

    private static int add(HouseholdMember member, NotificationMail.Kind kind, String key, Instant now) {
        if (NotificationMail.exists(member.id, kind, key)) {
            return 0;
        }
        new NotificationMail(member.id, kind, key, now).persist();
        return 1;
    }

    private static Map<UUID, List<HouseholdMember>> recipients(List<UUID> households) {
        if (households.isEmpty()) {
            return Map.of();
        }
        return HouseholdMember.<HouseholdMember>list("householdId in ?1 and email is not null and notifyLevel <> ?2",
                households, NotifyLevel.NONE).stream().collect(Collectors.groupingBy(m -> m.householdId));
    }
}

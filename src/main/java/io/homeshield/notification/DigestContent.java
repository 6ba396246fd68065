package io.homeshield.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.Alert;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.NotifyLevel;

/**
 * What a member's digest of a day holds: the alerts that were not serious enough for a mail of their
 * own (for members who want every alert), and the quarantines and releases that finished that day
 * (verified or failed), for every member who gets e-mail.
 */
@ApplicationScoped
class DigestContent {

    static final List<ActionKind> KINDS = List.of(ActionKind.QUARANTINE, ActionKind.RELEASE);
    static final List<ActionState> FINISHED = List.of(ActionState.VERIFIED, ActionState.FAILED);

    record Day(List<Alert> alerts, List<EnforcementAction> actions) {
        boolean isEmpty() {
            return alerts.isEmpty() && actions.isEmpty();
        }
    }

    List<UUID> householdsWithNews(Instant from, Instant to) {
        return Stream.concat(
                Alert.<Alert>list("createdAt >= ?1 and createdAt < ?2 and severity not in ?3", from, to,
                        MailQueue.SERIOUS).stream().map(a -> a.householdId),
                EnforcementAction.<EnforcementAction>list(
                        "kind in ?1 and state in ?2 and updatedAt >= ?3 and updatedAt < ?4",
                        KINDS, FINISHED, from, to).stream().map(a -> a.householdId))
                .distinct().toList();
    }

    Day of(HouseholdMember member, LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(Duration.ofDays(1));
        List<Alert> alerts = member.notifyLevel == NotifyLevel.ALL
                ? Alert.list("householdId = ?1 and createdAt >= ?2 and createdAt < ?3 and severity not in ?4"
                        + " order by createdAt", member.householdId, from, to, MailQueue.SERIOUS)
                : List.of();
        List<EnforcementAction> actions = member.notifyLevel == NotifyLevel.NONE ? List.of()
                : EnforcementAction.list("householdId = ?1 and kind in ?2 and state in ?3 and updatedAt >= ?4"
                        + " and updatedAt < ?5 order by updatedAt", member.householdId, KINDS, FINISHED, from, to);
        return new Day(alerts, actions);
    }
}

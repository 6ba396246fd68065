package io.homeshield.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.infra.problem.ProblemException;

/**
 * The analysts' verdict on households' "not a threat": confirmed, the pattern is suppressed for the
 * whole fleet; rejected, the households' alerts open again and each household's activity log says why.
 */
@ApplicationScoped
public class AlertReview {

    private static final int QUEUE_SCAN = 2000;
    private static final int SAMPLES = 3;

    private final AuditLog audit;
    private final Clock clock;

    AlertReview(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Pending feedback grouped by pattern, the most reported first. */
    public List<ReviewItem> queue() {
        List<AlertFeedback> pending = AlertFeedback.find("reviewState = ?1 order by givenAt desc", ReviewState.PENDING)
                .page(0, QUEUE_SCAN).list();
        Map<AlertSuppressions.Pattern, List<AlertFeedback>> byPattern = new LinkedHashMap<>();
        for (AlertFeedback f : pending) {
            byPattern.computeIfAbsent(new AlertSuppressions.Pattern(f.alertType, f.indicator), p -> new ArrayList<>())
                    .add(f);
        }
        List<ReviewItem> items = new ArrayList<>();
        byPattern.forEach((pattern, reports) -> items.add(item(pattern, reports)));
        items.sort((a, b) -> Long.compare(b.reports(), a.reports()));
        return items;
    }

    public List<AlertSuppression> suppressions() {
        return AlertSuppression.list("order by createdAt desc");
    }

    @Transactional
    public AlertSuppression confirm(String alertType, String indicator, Actor analyst, String reason) {
        List<AlertFeedback> pending = pending(alertType, indicator);
        AlertSuppression suppression = AlertSuppression.find("alertType = ?1 and indicator = ?2", alertType, indicator)
                .firstResult();
        if (pending.isEmpty() && suppression == null) {
            throw ProblemException.notFound("Feedback to review");
        }
        Instant now = clock.instant();
        if (suppression == null) {
            suppression = new AlertSuppression();
            suppression.id = UUID.randomUUID();
            suppression.alertType = alertType;
            suppression.indicator = indicator;
            suppression.reason = reason;
            suppression.createdBy = analyst.id();
            suppression.createdAt = now;
            suppression.persist();
        }
        for (AlertFeedback f : pending) {
            review(f, ReviewState.CONFIRMED, analyst, now);
        }
        audit.append(new AuditRecord(analyst.id(), analyst.role(), null, "alert.suppress", alertType + ": " + indicator,
                reason, "done"));
        return suppression;
    }

    /** Returns how many households' alerts were opened again. */
    @Transactional
    public int reject(String alertType, String indicator, Actor analyst, String reason) {
        List<AlertFeedback> pending = pending(alertType, indicator);
        if (pending.isEmpty()) {
            throw ProblemException.notFound("Feedback to review");
        }
        Instant now = clock.instant();
        int reopened = 0;
        for (AlertFeedback f : pending) {
            review(f, ReviewState.REJECTED, analyst, now);
            Alert alert = Alert.findById(f.alertId);
            if (alert != null && alert.status == AlertStatus.NOT_A_THREAT) {
                alert.status = AlertStatus.OPEN;
                alert.statusChangedAt = now;
                alert.statusChangedBy = analyst.id();
                audit.append(new AuditRecord(analyst.id(), analyst.role(), alert.householdId, "alert.reopen",
                        title(alertType) + ": " + indicator, reason, "done"));
                reopened++;
            }
        }
        return reopened;
    }

    private static List<AlertFeedback> pending(String alertType, String indicator) {
        return AlertFeedback.list("alertType = ?1 and indicator = ?2 and reviewState = ?3", alertType, indicator,
                ReviewState.PENDING);
    }

    private static void review(AlertFeedback feedback, ReviewState verdict, Actor analyst, Instant now) {
        feedback.reviewState = verdict;
        feedback.reviewedBy = analyst.id();
        feedback.reviewedAt = now;
    }

    private static ReviewItem item(AlertSuppressions.Pattern pattern, List<AlertFeedback> reports) {
        Set<UUID> households = new LinkedHashSet<>();
        Set<String> devices = new LinkedHashSet<>();
        List<String> comments = new ArrayList<>();
        for (AlertFeedback f : reports) {
            households.add(f.householdId);
            devices.add((f.deviceVendor == null ? "Unknown vendor" : f.deviceVendor) + " "
                    + f.deviceType.toLowerCase(Locale.ROOT));
            if (f.comment != null && comments.size() < SAMPLES) {
                comments.add(f.comment);
            }
        }
        return new ReviewItem(pattern.type(), pattern.indicator(), reports.size(), households.size(),
                reports.get(0).givenAt, devices.stream().limit(SAMPLES).toList(), comments);
    }

    private static String title(String alertType) {
        try {
            return AlertType.valueOf(alertType).title();
        } catch (IllegalArgumentException e) {
            return alertType;
        }
    }
}

package io.homeshield.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One e-mail to a member: an alert's immediate mail, a day's digest or a week's summary; sent when {@code sentAt} is
 * set.
 */
@Entity
@Table(name = "notification_mail")
class NotificationMail extends PanacheEntityBase {

    enum Kind {
        /** About one serious alert; {@code subjectKey} is the alert's id. */
        IMMEDIATE,
        /** The day's other alerts and actions; {@code subjectKey} is the day (UTC, ISO date). */
        DIGEST,
        /** "Your network this week"; {@code subjectKey} is the week's first day (UTC, ISO date). */
        WEEKLY
    }

    @Id
    UUID id;

    @Column(name = "member_id", nullable = false)
    UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Kind kind;

    @Column(name = "subject_key", nullable = false, length = 64)
    String subjectKey;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    int attempts;

    @Column(name = "sent_at")
    Instant sentAt;

    @Column(name = "last_error", length = 500)
    String lastError;

    protected NotificationMail() {
    }

    NotificationMail(UUID memberId, Kind kind, String subjectKey, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.memberId = memberId;
        this.kind = kind;
        this.subjectKey = subjectKey;
        this.createdAt = createdAt;
    }

    static boolean exists(UUID memberId, Kind kind, String subjectKey) {
        return count("memberId = ?1 and kind = ?2 and subjectKey = ?3", memberId, kind, subjectKey) > 0;
    }
}

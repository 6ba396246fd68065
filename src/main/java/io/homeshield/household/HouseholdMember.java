package io.homeshield.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Links an identity (the OIDC subject) to the household it belongs to. */
@Entity
@Table(name = "household_member")
public class HouseholdMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(nullable = false, unique = true)
    public String subject;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MemberRole role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Which new alerts the portal tells this member about while it is open. */
    @Enumerated(EnumType.STRING)
    @Column(name = "notify_level", nullable = false, length = 16)
    public NotifyLevel notifyLevel = NotifyLevel.SERIOUS;

    /**
     * Where e-mail notifications go: the sign-in token's {@code email} claim, recorded when the member uses the portal.
     */
    @Column(length = 320)
    public String email;

    /** The portal language the member last used ("en", "de"); e-mails are written in it. */
    @Column(length = 8)
    public String language;

    /** The IANA time zone the member's browser reports; null until it has reported one. */
    @Column(name = "time_zone", length = 64)
    public String timeZone;

    protected HouseholdMember() {
    }

    public HouseholdMember(HouseholdId household, String subject, String displayName, MemberRole role,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.householdId = household.value();
        this.subject = subject;
        this.displayName = displayName;
        this.role = role;
        this.createdAt = createdAt;
    }

    public static HouseholdMember findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    public static List<HouseholdMember> listOf(HouseholdId household) {
        return list("householdId = ?1 order by createdAt", household.value());
    }
}

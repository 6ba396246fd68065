package io.homeshield.household;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An offer to join a household with a role; pending until the invitee accepts it after signing in. */
@Entity
@Table(name = "household_invitation")
public class HouseholdInvitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    /** The invitee's e-mail address or sign-in name, lower case. */
    @Column(nullable = false)
    public String invitee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MemberRole role;

    @Column(name = "invited_by", nullable = false)
    public String invitedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** SHA-256 (hex) of the token of the invitation's link. */
    @Column(name = "link_token_hash", length = 64)
    public String linkTokenHash;

    /** The link's token, only in the answer to the invitation that issued it; never stored. */
    @Transient
    public String linkToken;

    public boolean pending() {
        return acceptedAt == null;
    }
}

package io.homeshield.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One recorded act: who, when, in which role, on which household, what, why, and how it ended. It
 * is written unsealed with the act and chained by {@link AuditSealer} moments later.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false, length = 32)
    public String actorRole;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(length = 300)
    public String target;

    @Column(length = 500)
    public String reason;

    @Column(nullable = false, length = 32)
    public String outcome;

    /** The entry's place in the chain; null until the sealer has chained it. */
    @Column(name = "chain_position")
    public Long chainPosition;

    /** Null until sealed, like {@link #hash}. */
    @Column(name = "previous_hash", length = 64)
    public String previousHash;

    @Column(length = 64)
    public String hash;

    /** The key the entry was sealed with; null for entries sealed before the chain was keyed. */
    @Column(name = "key_id", length = 32)
    public String keyId;

    /** When the entry's identifying fields were replaced by a pseudonym; null while it is as written. */
    @Column(name = "redacted_at")
    public Instant redactedAt;

    @Column(name = "redaction_key_id", length = 32)
    public String redactionKeyId;

    /** Seals the redacted content together with the original seal, which stays in {@link #hash}. */
    @Column(name = "redaction_seal", length = 64)
    public String redactionSeal;
}

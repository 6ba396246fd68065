package io.homeshield.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Where the audit chain starts after retention removed its oldest entries: the place and seal of the
 * last entry removed, signed with an audit key so that nobody without the key can move it.
 */
@Entity
@Table(name = "audit_anchor")
public class AuditAnchor extends PanacheEntityBase {

    static final int ID = 1;
    static final String FORM = "homeshield-audit-anchor-v1";

    @Id
    public Integer id;

    @Column(name = "chain_position", nullable = false)
    public long chainPosition;

    @Column(nullable = false, length = 64)
    public String hash;

    /** Entries that occurred before this were removed (when they formed an unbroken prefix). */
    @Column(name = "removed_before", nullable = false)
    public Instant removedBefore;

    @Column(name = "anchored_at", nullable = false)
    public Instant anchoredAt;

    @Column(name = "key_id", nullable = false, length = 32)
    public String keyId;

    @Column(nullable = false, length = 64)
    public String seal;

    static AuditAnchor current() {
        return findById(ID);
    }

    void sign(AuditKeys keys) {
        keyId = keys.currentId();
        seal = keys.mac(keyId, signed());
    }

    boolean genuine(AuditKeys keys) {
        return keys.knows(keyId) && AuditKeys.same(keys.mac(keyId, signed()), seal);
    }

    private byte[] signed() {
        return AuditSeal.fields(FORM, String.valueOf(chainPosition), hash, removedBefore.toString(),
                anchoredAt.toString());
    }
}

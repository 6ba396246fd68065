package io.homeshield.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a request about a whole household (its export, its erasure) keeps of who asked: the person, the
 * role they asked in, and, when staff asked on the subscriber's behalf, why.
 */
@MappedSuperclass
public abstract class HouseholdRequest extends PanacheEntityBase {

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_role", nullable = false, length = 32)
    public String requestedRole;

    /** Why staff asked (on the subscriber's request); null when the owner asked. */
    @Column(length = 500)
    public String reason;
}

package io.homeshield.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "audit_chain_head")
class AuditChainHead extends PanacheEntityBase {

    static final int ID = 1;

    @Id
    public Integer id;

    @Column(name = "last_hash", nullable = false, length = 64)
    public String lastHash;

    @Column(name = "last_position", nullable = false)
    public long lastPosition;
}

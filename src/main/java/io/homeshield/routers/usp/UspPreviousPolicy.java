package io.homeshield.routers.usp;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A router's own access-control entry that HomeShield set to Deny, with the policy to put back. */
@Entity
@Table(name = "usp_access_control_previous")
public class UspPreviousPolicy extends PanacheEntityBase {

    /** Endpoint id and MAC address: one remembered policy per device and router. */
    @Id
    @Column(length = 300)
    public String id;

    @Column(name = "endpoint_id", length = 255, nullable = false)
    public String endpointId;

    @Column(length = 17, nullable = false)
    public String mac;

    @Column(length = 64, nullable = false)
    public String alias;

    @Column(name = "access_policy", length = 16, nullable = false)
    public String accessPolicy;

    @Column(nullable = false)
    public boolean enable;

    @Column(name = "remembered_at", nullable = false)
    public Instant rememberedAt;

    static String idOf(String endpointId, String mac) {
        return endpointId + "|" + mac;
    }
}

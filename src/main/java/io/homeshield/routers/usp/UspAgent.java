package io.homeshield.routers.usp;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A USP agent as HomeShield last heard from it. */
@Entity
@Table(name = "usp_agent")
public class UspAgent extends PanacheEntityBase {

    @Id
    @Column(name = "endpoint_id", length = 255)
    public String endpointId;

    @Column(name = "reply_topic", length = 255)
    public String replyTopic;

    @Column(name = "usp_version", length = 16)
    public String uspVersion;

    @Column(name = "supported_model", length = 8000)
    public String supportedModel;

    @Column(name = "capability_summary", length = 1000)
    public String capabilitySummary;

    @Column(name = "model_read_at")
    public Instant modelReadAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

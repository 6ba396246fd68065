package io.homeshield.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where a household wants its events posted, and the secret its payloads are signed with. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(nullable = false, length = 100)
    public String secret;

    /** Comma-separated event types. */
    @Column(name = "event_types", nullable = false, length = 500)
    public String eventTypes;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean wants(String eventType) {
        return eventTypeList().contains(eventType);
    }
}

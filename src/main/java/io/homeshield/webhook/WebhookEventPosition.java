package io.homeshield.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Up to when the household changes have been turned into webhook deliveries. */
@Entity
@Table(name = "webhook_event_position")
public class WebhookEventPosition extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String name;

    @Column(name = "read_until", nullable = false)
    public Instant readUntil;
}

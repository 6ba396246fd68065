package io.homeshield.fleet.campaign;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A router that made a campaign's change, with its model, firmware and network at the time. */
@Entity
@Table(name = "fleet_campaign_router")
public class CampaignRouter extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false, length = 256)
    public String path;

    @Column(name = "new_value", length = 1024)
    public String value;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(nullable = false, length = 100)
    public String model;

    @Column(nullable = false, length = 100)
    public String firmware;

    @Column(nullable = false, length = 32)
    public String network;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "campaign_id")
        public UUID campaignId;

        @Column(name = "router_id")
        public UUID routerId;

        protected Key() {
        }

        Key(UUID campaignId, UUID routerId) {
            this.campaignId = campaignId;
            this.routerId = routerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && campaignId.equals(k.campaignId) && routerId.equals(k.routerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, routerId);
        }
    }

    static CampaignRouter of(UUID campaignId, AffectedRouter affected) {
        CampaignRouter row = new CampaignRouter();
        row.key = new Key(campaignId, affected.routerId());
        row.path = affected.path();
        row.value = affected.value() == null || affected.value().length() <= 1024 ? affected.value()
                : affected.value().substring(0, 1024);
        row.changedAt = affected.at();
        row.model = affected.group().model();
        row.firmware = affected.group().firmware();
        row.network = affected.group().network();
        return row;
    }

    public UUID routerId() {
        return key.routerId;
    }
}

package io.homeshield.inventory;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One parameter of one router, by its data-model path (e.g. {@code Device.DNS.Client.Server.1.DNSServer}). */
@Embeddable
public class RouterParameterKey implements Serializable {

    @Column(name = "router_id")
    public UUID routerId;

    @Column(length = 256)
    public String path;

    protected RouterParameterKey() {
    }

    public RouterParameterKey(UUID routerId, String path) {
        this.routerId = routerId;
        this.path = path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouterParameterKey k && routerId.equals(k.routerId) && path.equals(k.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(routerId, path);
    }
}

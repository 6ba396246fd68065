package io.homeshield.enforcement;

import java.util.UUID;

import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;

/** What an adapter needs to reach one router: its id, serial, model and the channel's address for it. */
public record RouterTarget(UUID id, String serialNumber, String model, ManagementChannel channel,
        String managementAddress) {

    public static RouterTarget of(Router router) {
        return new RouterTarget(router.id, router.serialNumber, router.model, router.channel, router.managementAddress);
    }
}

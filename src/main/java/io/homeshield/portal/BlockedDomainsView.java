package io.homeshield.portal;

import java.util.List;

import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.inventory.Device;

/**
 * The household's blocked domains: for every device (with the devices spared), and for single devices;
 * after a refused domain, what was typed and why it was refused.
 */
public record BlockedDomainsView(List<HouseholdWide> householdWide, List<PerDevice> perDevice, List<Device> devices,
        boolean canAct, String notice, String typedDomain, String domainRefused) {

    public record HouseholdWide(BlockedDomain block, List<Device> exemptions) {
    }

    public record PerDevice(BlockedDomain block, String deviceName) {
    }
}

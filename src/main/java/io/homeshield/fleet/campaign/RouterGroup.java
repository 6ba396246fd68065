package io.homeshield.fleet.campaign;

/** Where a router belongs in the fleet: its model, firmware and the network that manages it. */
public record RouterGroup(String model, String firmware, String network) {

    public String label() {
        return model + " " + firmware + " · " + network;
    }
}

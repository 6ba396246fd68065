package io.homeshield.fleet.remediation;

import java.util.UUID;

/**
 * Which routers a job is for: those of a campaign, or those of a model (and firmware, when given).
 * Exactly one of the two is set.
 */
public record TargetSpec(UUID campaignId, String model, String firmware) {

    public TargetSpec {
        model = model == null || model.isBlank() ? null : model.strip();
        firmware = firmware == null || firmware.isBlank() ? null : firmware.strip();
        if ((campaignId == null) == (model == null)) {
            throw new IllegalArgumentException("choose a campaign or a router model");
        }
    }

    public String describe() {
        if (campaignId != null) {
            return "routers of campaign " + campaignId;
        }
        return "routers of model " + model + (firmware == null ? "" : " with firmware " + firmware);
    }
}

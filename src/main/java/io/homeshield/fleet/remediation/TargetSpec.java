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

    private static final String MODEL = "routers of model ";
    private static final String FIRMWARE = " with firmware ";

    public String describe() {
        if (campaignId != null) {
            return "routers of campaign " + campaignId;
        }
        return MODEL + model + (firmware == null ? "" : FIRMWARE + firmware);
    }

    /** A job's target back from what {@link #describe()} stored, so pages can say it in their own language. */
    static TargetSpec described(UUID campaignId, String description) {
        if (campaignId != null) {
            return new TargetSpec(campaignId, null, null);
        }
        String rest = description.startsWith(MODEL) ? description.substring(MODEL.length()) : description;
        int firmware = rest.lastIndexOf(FIRMWARE);
        return firmware < 0 ? new TargetSpec(null, rest, null)
                : new TargetSpec(null, rest.substring(0, firmware), rest.substring(firmware + FIRMWARE.length()));
    }
}

package io.homeshield.fleet.remediation;

import java.time.Duration;
import java.util.UUID;

import io.homeshield.enforcement.FirmwareImage;

/**
 * What the analyst filled in, kept as text so the page can show it again beside what was wrong.
 * {@link #check()} names the first field that is wrong and why.
 */
public record RemediationForm(String kind, String campaign, String model, String firmware, String canary,
        String waveSize, String waveSeconds, String maxFailurePercent, String imageUrl, String imageVersion,
        String reason) {

    /** A field the analyst must correct, and why. */
    public static final class Invalid extends Exception {
        public final String field;

        Invalid(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    public static RemediationForm blank(String campaign) {
        return new RemediationForm("REVERT_CONFIG", campaign == null ? "" : campaign, "", "", "20", "200", "5", "10",
                "", "", "");
    }

    public RemediationKind checkedKind() throws Invalid {
        try {
            return RemediationKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new Invalid("kind", "Choose what the job does.");
        }
    }

    public TargetSpec spec() throws Invalid {
        UUID campaignId = null;
        if (campaign != null && !campaign.isBlank()) {
            try {
                campaignId = UUID.fromString(campaign.strip());
            } catch (IllegalArgumentException e) {
                throw new Invalid("campaign", "This is not a campaign of the list.");
            }
        }
        try {
            return new TargetSpec(campaignId, campaignId == null ? model : null, campaignId == null ? firmware : null);
        } catch (IllegalArgumentException e) {
            throw new Invalid("model", "Choose the routers: a campaign, or a router model (and firmware).");
        }
    }

    public JobSettings settings() throws Invalid {
        int canarySize = number("canary", canary);
        int wave = number("waveSize", waveSize);
        int seconds = number("waveSeconds", waveSeconds);
        int percent = number("maxFailurePercent", maxFailurePercent);
        try {
            return new JobSettings(canarySize, wave, Duration.ofSeconds(seconds), percent);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("canary") ? "canary" : e.getMessage().startsWith("wave size")
                    ? "waveSize" : e.getMessage().startsWith("wave interval") ? "waveSeconds" : "maxFailurePercent";
            throw new Invalid(field, "Out of range: " + e.getMessage() + ".");
        }
    }

    public FirmwareImage image() throws Invalid {
        if (checkedKind() != RemediationKind.FIRMWARE) {
            return null;
        }
        try {
            return new FirmwareImage(imageUrl == null ? null : imageUrl.strip(),
                    imageVersion == null ? null : imageVersion.strip());
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage().contains("URL") ? "imageUrl" : "imageVersion",
                    "Firmware: " + e.getMessage() + ".");
        }
    }

    private static int number(String field, String text) throws Invalid {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new Invalid(field, "Enter a whole number.");
        }
    }
}

package io.homeshield.fleet.remediation;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import io.homeshield.enforcement.FirmwareImage;
import io.homeshield.infra.outbound.OutboundRefusedException;
import io.homeshield.infra.outbound.OutboundTargets;

/**
 * What the analyst filled in, kept as text so the page can show it again beside what was wrong.
 * {@link #check()} names the first field that is wrong and why.
 */
public record RemediationForm(String kind, String campaign, String model, String firmware, String canary,
        String waveSize, String waveSeconds, String maxFailurePercent, String imageUrl, String imageVersion,
        String imageSha256, String reason) {

    /** A field the analyst must correct, and why: the problem's name in the fleet pages' words. */
    public static final class Invalid extends Exception {
        public final String field;
        public final String problem;

        public Invalid(String field, String problem) {
            super(field + ": " + problem, null, false, false);
            this.field = field;
            this.problem = problem;
        }

        public static Invalid noMatch() {
            return new Invalid("model", "noMatch");
        }
    }

    /** The empty form, for a campaign and a command when a page links to it with them. */
    public static RemediationForm blank(String campaign, String kind) {
        boolean known = Arrays.stream(RemediationKind.values()).anyMatch(k -> k.name().equals(kind));
        return new RemediationForm(known ? kind : "REVERT_CONFIG", campaign == null ? "" : campaign, "", "", "20",
                "200", "5", "10",
                "", "", "", "");
    }

    public RemediationKind checkedKind() throws Invalid {
        try {
            return RemediationKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new Invalid("kind", "kind");
        }
    }

    public TargetSpec spec() throws Invalid {
        UUID campaignId = null;
        if (campaign != null && !campaign.isBlank()) {
            try {
                campaignId = UUID.fromString(campaign.strip());
            } catch (IllegalArgumentException e) {
                throw new Invalid("campaign", "campaign");
            }
        }
        try {
            return new TargetSpec(campaignId, campaignId == null ? model : null, campaignId == null ? firmware : null);
        } catch (IllegalArgumentException e) {
            throw new Invalid("model", "routers");
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
            throw new Invalid(field, field);
        }
    }

    /**
     * The firmware image, for a firmware job: an https URL the outbound guard lets through (never an
     * address inside the provider's network) and the image's SHA-256, which routers check before
     * they install where their protocol carries it.
     */
    public FirmwareImage image(OutboundTargets targets) throws Invalid {
        if (checkedKind() != RemediationKind.FIRMWARE) {
            return null;
        }
        String url = imageUrl == null ? "" : imageUrl.strip();
        try {
            targets.checked(url, false);
        } catch (OutboundRefusedException e) {
            throw new Invalid("imageUrl", "imageUrl");
        }
        String checksum = imageSha256 == null ? "" : imageSha256.strip();
        if (checksum.isEmpty()) {
            throw new Invalid("imageSha256", "imageSha256");
        }
        try {
            return new FirmwareImage(url, imageVersion == null ? null : imageVersion.strip(), checksum);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains("SHA-256") ? "imageSha256"
                    : e.getMessage().contains("URL") ? "imageUrl" : "imageVersion";
            throw new Invalid(field, field);
        }
    }

    private static int number(String field, String text) throws Invalid {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new Invalid(field, "number");
        }
    }
}

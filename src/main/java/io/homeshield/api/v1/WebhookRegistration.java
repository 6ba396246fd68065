package io.homeshield.api.v1;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to post events, and which. */
@Schema(name = "WebhookRegistration")
public record WebhookRegistration(
        @Schema(description = "An absolute https URL (http only for receivers inside the provider's network)",
                examples = "https://hub.example.org/homeshield", required = true) String url,
        @Schema(description = "One or more of alert.raised, alert.status-changed, action.state-changed",
                required = true) List<String> eventTypes) {
}
